import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const corpus = JSON.parse((await import('node:fs')).readFileSync('../../public/corpus.json', 'utf8'));
const withTags = corpus.events.find((e) => e.tags && e.tags.length && e.actors && e.actors.some((a) => a.role));
for (const lang of ['en', 'ru', 'zh', 'kk']) {
  for (const width of [360, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`http://127.0.0.1:8095/#ui=${lang}&e=${withTags.id}`);
    await page.waitForSelector('.panel h2', { timeout: 20000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: `/tmp/shots/${lang}-${width}-panel.png`, fullPage: false });
    await page.goto(`http://127.0.0.1:8095/#ui=${lang}&view=compare`);
    await page.waitForTimeout(1500);
    await page.locator('.compare').first().scrollIntoViewIfNeeded().catch(() => {});
    await page.screenshot({ path: `/tmp/shots/${lang}-${width}-compare.png`, fullPage: false });
    await page.close();
  }
}
await browser.close();
