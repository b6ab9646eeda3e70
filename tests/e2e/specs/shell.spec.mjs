import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openApp, shot, N } from './helpers.mjs';
import { readFileSync } from 'node:fs';

for (const width of [320, 360, 1280]) {
  test(`the app shell loads cleanly at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const { errors, foreign } = await openApp(page);
    await expect(page.locator('header h1')).toContainText('Kazakhstan');
    await expect(page.locator('.count')).toHaveText(`${N} of ${N} events`);
    await expect(page.locator('.map svg .land').first()).toBeVisible();
    await expect(page.locator('.timeline svg')).toBeVisible();
    await expect(page.locator('.list tbody tr')).toHaveCount(25);
    await shot(page, `shell-${width}`);
    // Nothing overflows the viewport sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
  });
}

test('axe-core finds no serious or critical violation', async ({ page }) => {
  await openApp(page, '/#e=kz-2022-01-05-chinese-missions-advise-citizens');
  await expect(page.locator('.panel h2')).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
});

test('every interface string changes with the interface language', async ({ page }) => {
  await openApp(page);
  await page.selectOption('#ui-lang', 'zh');
  await expect(page.locator('.count')).toHaveText(`${N} 个事件中的 ${N} 个`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh');
  await expect(page.locator('#facet-actors legend')).toHaveText('行为者');
  await page.selectOption('#ui-lang', 'kk');
  await expect(page.locator('.count')).toHaveText(`${N} оқиғаның ${N}`);
  await expect(page).toHaveURL(/ui=kk/);
  await shot(page, 'shell-kazakh');
});

test('a broken corpus shows located diagnostics and still loads the rest, running nothing', async ({ page }) => {
  const { errors } = await openApp(page, '/broken/');
  const diag = page.locator('.diagnostics');
  await expect(diag).toBeVisible();
  await expect(diag).toContainText('events[0].date.day');
  await expect(diag).toContainText('events[1].place.lat');
  await expect(diag).toContainText('unknown actor id "no-such-actor"');
  await expect(diag).toContainText('sources[0].url');
  // The broken records are left out (with the events citing the dropped source); the rest loads.
  await expect(diag).toContainText('records with errors were left out');
  const total = Number((await page.locator('.count').innerText()).match(/of (\d+)/)[1]);
  expect(total).toBeGreaterThan(40);
  expect(total).toBeLessThan(N);
  // Corpus text is shown as text, never run.
  await page.fill('#search-input', 'Hostile title');
  await expect(page.locator('.list tbody')).toContainText('<img src=x onerror="window.__pwned=1">Hostile title');
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  await expect(page.locator('.list img')).toHaveCount(0);
  await shot(page, 'broken-corpus');
  expect(errors).toEqual([]);
});

test('a broken corpus lists its diagnostics in the interface language', async ({ page }) => {
  const { errors } = await openApp(page, '/broken/');
  const diag = page.locator('.diagnostics');
  await expect(diag).toContainText('2022-02 has 28 days, found day 30');
  await page.selectOption('#ui-lang', 'ru');
  await expect(diag.locator('h2')).toHaveText('В корпусе найдены ошибки');
  // Paths, field names and the echoed input stay as the file writes them; the words change.
  await expect(diag).toContainText('events[0].date.day');
  await expect(diag).toContainText('2022-02: дней в месяце — 28, найден день 30');
  await expect(diag).toContainText('ожидалось число от -90 до 90, найдено: 123');
  await expect(diag).toContainText('неизвестный id участника "no-such-actor": ни у одного корректного участника нет такого id');
  await expect(diag).toContainText('ожидалась ссылка http:// или https://, найдена ссылка javascript:');
  await expect(diag.locator('li strong').first()).toHaveText('ошибка');
  expect(await diag.innerText()).not.toContain('expected');
  await shot(page, 'broken-corpus-russian');
  expect(errors).toEqual([]);
});

test('opening or dropping a corpus file replaces the corpus, with its diagnostics', async ({ page }) => {
  await openApp(page);
  const small = readFileSync(new URL('../../fixtures/small.json', import.meta.url), 'utf8');
  const broken = small.replace('"lat": 43.25667', '"lat": 95');
  await page.locator('.file-open input[type=file]').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  await expect(page.locator('.count')).toHaveText('3 of 3 events');
  await expect(page.locator('.diagnostics')).toContainText('events[0].place.lat');
  // Drop the clean file on the page.
  const dt = await page.evaluateHandle((text) => {
    const d = new DataTransfer();
    d.items.add(new File([text], 'small.json', { type: 'application/json' }));
    return d;
  }, small);
  await page.dispatchEvent('.app', 'drop', { dataTransfer: dt });
  await expect(page.locator('.count')).toHaveText('4 of 4 events');
  await expect(page.locator('.diagnostics')).toHaveCount(0);
  // A file with nothing usable in it is reported, and the current corpus stays.
  await page.locator('.file-open input[type=file]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "steppe-corpus",, }') });
  await expect(page.locator('.diagnostics')).toContainText('malformed JSON');
  await expect(page.locator('.count')).toHaveText('4 of 4 events');
});

for (const width of [360, 1280]) {
  test(`dark mode at ${width} px is legible (axe colour contrast included)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width, height: 900 });
    await openApp(page, '/#e=kz-2022-01-05-chinese-missions-advise-citizens');
    await expect(page.locator('.panel h2')).toBeVisible();
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(21, 25, 30)');
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    await shot(page, `dark-${width}`);
  });
}

test('a missing corpus says so instead of a blank page', async ({ page }) => {
  await page.route('**/corpus.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('/');
  await expect(page.locator('.status.error')).toContainText('corpus.json was not found (HTTP 404)');
  await expect(page.locator('header h1')).toBeVisible();
});

test('a corpus that is not JSON at all is reported with its location', async ({ page }) => {
  await page.route('**/corpus.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{\n  "format": "steppe-corpus"\n  "version": 1\n}' }));
  await page.goto('/');
  // The heading once; the diagnostics say why.
  await expect(page.locator('.status.error')).toHaveText('The corpus could not be loaded');
  await expect(page.locator('.diagnostics')).toContainText('3:3');
  await expect(page.locator('.diagnostics')).toContainText("malformed JSON: expected ',' or '}' in an object");
});
