import { test, expect, chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { openApp, shot, CORPUS, N } from './helpers.mjs';

const langOf = Object.fromEntries(CORPUS.sources.map((s) => [s.id, s.lang]));

const DIST = new URL('../../../dist/', import.meta.url).pathname;

/** Starts `node serve.mjs PORT ...args` for one test and returns a stopper. */
async function server(port, ...args) {
  const p = spawn('node', ['serve.mjs', String(port), ...args], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    try { await fetch(`http://127.0.0.1:${port}/index.html`); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  return () => p.kill();
}

test('after one visit, the app reloads with the network cut', async ({ page, context }) => {
  await openApp(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  // Let the worker take control and cache everything, then go offline.
  await page.reload();
  await expect(page.locator('.count')).toHaveText(`${N} of ${N} events`);
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.count')).toHaveText(`${N} of ${N} events`, { timeout: 20_000 });
  await expect(page.locator('.map svg .land').first()).toBeVisible();
  await page.locator('input[data-lang="zh"]').check();
  await expect(page.locator('.count')).not.toHaveText(`${N} of ${N} events`);
  await shot(page, 'offline-reload');
  await context.setOffline(false);
});

test('the single file opens from file:// with no network at all', async () => {
  // Inlined text cannot end its element early: exactly the three script elements (corpus,
  // loading worker's source, boot) close.
  const text = readFileSync(`${DIST}steppe.html`, 'utf8');
  expect(text.match(/<\/script>/gi)).toHaveLength(3);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext({ offline: true });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`file://${DIST}steppe.html`);
  await expect(page.locator('.count')).toHaveText(`${N} of ${N} events`, { timeout: 30_000 });
  await page.locator('.marks circle[data-count="1"]').first().click();
  await expect(page.locator('.panel h2')).toBeVisible();
  await shot(page, 'single-file');
  expect(requests).toEqual([]);
  expect(errors).toEqual([]);
  await browser.close();
});

test('the hosted build runs under a strict Content-Security-Policy', async ({ page }) => {
  const stop = await server(8084, '--csp');
  try {
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error' || /Content Security Policy/.test(m.text())) errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    const resp = await page.goto('http://127.0.0.1:8084/');
    expect(resp.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    await expect(page.locator('.count')).toHaveText(`${N} of ${N} events`, { timeout: 30_000 });
    await page.locator('input[data-lang="zh"]').check();
    await page.locator('.marks circle').first().hover();
    await expect(page.locator('.tooltip')).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    stop();
  }
});

test('embedded in a narrow blog column from another origin', async ({ page }) => {
  // Get the snippet from the share dialog, as a blogger would.
  await openApp(page, '/#l=zh');
  await page.getByRole('button', { name: 'Share / embed' }).click();
  await expect(page.locator('dialog.share')).toBeVisible();
  const snippet = await page.locator('#share-embed').inputValue();
  const script = await page.locator('#share-script').inputValue();
  expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:8081\/#l=zh&amp;embed=1" title="[^"]+" allow="clipboard-write" loading="lazy"/);
  expect(script).toContain('e.origin !== origin');
  await shot(page, 'share-dialog');
  await page.keyboard.press('Escape');

  mkdirSync('.cache/host', { recursive: true });
  writeFileSync('.cache/host/host.html', `<!DOCTYPE html><html><head><meta charset="utf-8"><title>A blog</title>
<style>body{font:16px Georgia,serif;margin:0;background:#fff} .col{width:340px;margin:0 auto;padding:10px} p{line-height:1.5}</style></head>
<body><div class="col"><h1>My blog</h1><p>Some text before the explorer, as in a post about January 2022.</p>
${snippet}
<p id="after" style="min-height:1500px">Text after the explorer (the post goes on).</p></div>${script}</body></html>`);
  const stop = await server(8090, '--mount', '/blog/=.cache/host');
  try {
    await page.setViewportSize({ width: 800, height: 900 });
    await page.goto('http://127.0.0.1:8090/blog/host.html');
    const frame = page.frameLocator('iframe');
    await expect(frame.locator('.count')).toHaveText(new RegExp(` of ${N} events$`), { timeout: 30_000 });
    // It filters inside the frame.
    const zh = CORPUS.events.filter((e) => e.sources.some((s) => langOf[s] === 'zh'));
    await expect(frame.locator('.count')).toHaveText(`${zh.length} of ${N} events`);
    await frame.locator('.filters summary').click();
    await frame.locator('input[data-actor="russia"]').check();
    const both = zh.filter((e) => e.actors?.some((a) => a.id === 'russia') || e.claim?.claimant === 'russia');
    await expect(frame.locator('.count')).toHaveText(`${both.length} of ${N} events`);
    // Nothing overflows the column: the frame fits, and the page inside has no sideways scroll.
    const col = await page.locator('.col').boundingBox();
    const box = await page.locator('iframe').boundingBox();
    expect(box.x).toBeGreaterThanOrEqual(col.x);
    expect(box.x + box.width).toBeLessThanOrEqual(col.x + col.width + 0.5);
    const inner = await page.frames()[1].evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(inner).toBeLessThanOrEqual(0);
    // The resize script grew the frame to the explorer's height (checked origin, from the frame).
    await expect.poll(async () => (await page.locator('iframe').boundingBox()).height).toBeGreaterThan(700);
    await shot(page, 'embed-blog-column', true);
    // A reader scrolling the post with the wheel over the timeline is not stuck there:
    // the post scrolls, and the timeline's frame stays as it was.
    const tl = page.frameLocator('iframe').locator('.timeline');
    await tl.scrollIntoViewIfNeeded();
    const ticks = await tl.locator('.tick text').allInnerTexts();
    const before = await page.evaluate(() => window.scrollY);
    const t = await tl.boundingBox();
    await page.mouse.move(t.x + t.width / 2, t.y + 30);
    await page.mouse.wheel(0, 400);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before + 100);
    expect(await tl.locator('.tick text').allInnerTexts()).toEqual(ticks);
    expect(page.frames()[1].url()).not.toContain('m=');
  } finally {
    stop();
  }
});

test('embedded, a plain wheel leaves the map alone; Ctrl and the wheel zoom it', async ({ page }) => {
  await page.setViewportSize({ width: 600, height: 500 });
  await openApp(page, '/#embed=1');
  const box = await page.locator('.map').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -300);
  await expect(page.locator('.wheel-hint')).toBeVisible();
  expect(page.url()).not.toContain('m=');
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await expect(page).toHaveURL(/m=/);
});
