// Loading a large corpus: read and indexed in a worker, with a progress bar, the page
// answering throughout; small corpora are read on the page; the single file opened from
// file:// starts its worker from the source it carries; where no worker can start at all,
// the page reads the file itself.
import { test, expect, chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { openApp, shot, N } from './helpers.mjs';

const DIST = new URL('../../../dist/', import.meta.url).pathname;
const BIG = new URL('../.cache/big/corpus.json', import.meta.url).pathname;
const ALL = '100,000 of 100,000 events';

/** Records the progress bar's states and the longest main-thread tasks from the start. */
async function watch(page) {
  await page.addInitScript(() => {
    window.__bars = [];
    window.__longest = 0;
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
    new MutationObserver(() => {
      const bar = document.querySelector('.load-progress progress');
      if (!bar) return;
      const label = document.querySelector('.load-progress [role=status]').textContent;
      const last = window.__bars[window.__bars.length - 1];
      const count = document.querySelector('.count')?.textContent ?? '';
      const state = { label, value: bar.getAttribute('value'), max: bar.getAttribute('max'), count };
      if (!last || last.label !== state.label || last.value !== state.value) window.__bars.push(state);
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

test('a large corpus loads in the worker, with a progress bar, the page answering throughout', async ({ page }) => {
  test.setTimeout(120_000);
  await watch(page);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const { errors } = await openApp(page, '/big/');
  await expect(page.locator('.count')).toHaveText(ALL, { timeout: 60_000 });
  expect(requests).toEqual(expect.arrayContaining([
    expect.stringMatching(/^\/big\/worker-[0-9a-f]{16}\.js$/),
    expect.stringMatching(/^\/big\/steppe-worker-[0-9a-f]{16}_bg\.wasm$/),
  ]));
  const bars = await page.evaluate(() => window.__bars);
  // Nothing is counted before the corpus is in.
  expect(bars.every((b) => b.count === '')).toBe(true);
  const labels = [...new Set(bars.map((b) => b.label))];
  // Downloading (over a local server, possibly too fast to see), then checking, then preparing.
  expect(labels).toEqual(expect.arrayContaining(['Checking the events', 'Preparing the map and timeline']));
  // Indeterminate while the worker parses the file, then counting the events checked.
  const checking = bars.filter((b) => b.label === 'Checking the events' && b.value !== null);
  expect(checking.every((b) => b.max === '100000')).toBe(true);
  expect(new Set(checking.map((b) => b.value)).size).toBeGreaterThan(2);
  await expect(page.locator('.load-progress')).toHaveCount(0);
  console.log(`longest main-thread task while 100,000 events loaded: ${Math.round(await page.evaluate(() => window.__longest))} ms`);
  // Counts in the thousands are grouped, on the marks and in the filters, and every mark's
  // count stays inside its circle.
  const grouped = /^\d{1,3}(,\d{3})+$/;
  expect(await page.locator('.map .mark text').allTextContents()).toContainEqual(expect.stringMatching(grouped));
  expect(await page.locator('.filters .n').allTextContents()).toContainEqual(expect.stringMatching(grouped));
  const overflowing = await page.evaluate(() => [...document.querySelectorAll('.map .mark, .map .edge')].filter((g) => {
    const c = g.querySelector('circle').getBBox();
    const t = g.querySelector('text')?.getBBox();
    return t && (t.width > c.width || t.x < c.x - 0.5 || t.x + t.width > c.x + c.width + 0.5);
  }).map((g) => g.querySelector('text').textContent));
  expect(overflowing).toEqual([]);
  expect(errors).toEqual([]);
});

test('the bundled corpus is read on the page, without starting the worker', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await openApp(page);
  await expect(page.locator('.count')).toHaveText(`${N} of ${N} events`);
  expect(requests.filter((p) => p.includes('worker'))).toEqual([]);
});

test('a large file the reader opens goes through the worker too', async ({ page }) => {
  test.setTimeout(120_000);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await watch(page);
  await openApp(page);
  await page.locator('.file-open input[type=file]').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: readFileSync(BIG) });
  await expect(page.locator('.count')).toHaveText(ALL, { timeout: 60_000 });
  expect(requests).toEqual(expect.arrayContaining([expect.stringMatching(/^\/steppe-worker-[0-9a-f]{16}_bg\.wasm$/)]));
  // The bar shows above the corpus still on screen.
  const labels = (await page.evaluate(() => window.__bars)).map((b) => b.label);
  expect(labels).toEqual(expect.arrayContaining(['Checking the events', 'Preparing the map and timeline']));
});

test('a file opened while a large one loads replaces it; the large one never lands after it', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  const input = page.locator('.file-open input[type=file]');
  await input.setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: readFileSync(BIG) });
  await expect(page.locator('.load-progress')).toBeVisible();
  await input.setInputFiles({ name: 'small.json', mimeType: 'application/json', buffer: readFileSync(new URL('../../../public/corpus.json', import.meta.url).pathname) });
  await expect(page.locator('.count')).toHaveText(`${N} of ${N} events`);
  // Long enough for the large file to have landed, had its worker not been stopped.
  await page.waitForTimeout(8_000);
  await expect(page.locator('.count')).toHaveText(`${N} of ${N} events`);
  await expect(page.locator('.load-progress')).toHaveCount(0);
});

test('when the worker cannot start, the page reads the file itself and the bar goes', async ({ browser }) => {
  test.setTimeout(120_000);
  // No service worker: its cache would hand the worker its file past the route below.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await context.route(/steppe-worker-[0-9a-f]+_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await watch(page);
  await openApp(page, '/big/');
  await expect(page.locator('.count')).toHaveText(ALL, { timeout: 60_000 });
  await expect(page.locator('.load-progress')).toHaveCount(0);
  const labels = (await page.evaluate(() => window.__bars)).map((b) => b.label);
  expect(labels).toContain('Checking the events');
  expect(labels).not.toContain('Preparing the map and timeline');
  await context.close();
});

test('a worker that stops after taking the file ends the load with a located message, not a blank page', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  // The worker says it is ready, takes the file, then fails as one out of memory does.
  await context.route(/steppe-worker-[0-9a-f]+\.js$/, (route) => route.fulfill({
    contentType: 'text/javascript',
    body: `self.wasm_bindgen = () => { postMessage('ready'); self.onmessage = () => { throw new RangeError('out of memory'); }; return new Promise(() => {}); };`,
  }));
  await page.goto('/big/');
  await expect(page.locator('.diagnostics')).toContainText('corpus.json: reading stopped before the end', { timeout: 60_000 });
  await expect(page.locator('.status.error')).toContainText('The corpus could not be loaded');
  await expect(page.locator('.load-progress')).toHaveCount(0);
  await context.close();
});

test('from file://, the single file reads a large file in a worker it starts from its own source', async () => {
  test.setTimeout(120_000);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await (await browser.newContext({ offline: true })).newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await watch(page);
  await page.goto(`file://${DIST}steppe.html`);
  await expect(page.locator('.count')).toHaveText(`${N} of ${N} events`, { timeout: 30_000 });
  await page.locator('.file-open input[type=file]').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: readFileSync(BIG) });
  await expect(page.locator('.count')).toHaveText(ALL, { timeout: 60_000 });
  // Handed over in pieces, which only the worker does.
  const bars = await page.evaluate(() => window.__bars);
  expect(bars.map((b) => b.label)).toEqual(expect.arrayContaining(['Checking the events', 'Preparing the map and timeline']));
  await shot(page, 'single-file-100k');
  expect(errors).toEqual([]);
  await browser.close();
});

test('the worker runs under the strict Content-Security-Policy and is cached for offline use', async ({ page, context }) => {
  test.setTimeout(120_000);
  const p = spawn('node', ['serve.mjs', '8085', '--csp', '--mount', '/big/=.cache/big'], { stdio: 'ignore' });
  try {
    for (let i = 0; i < 50; i++) {
      try { await fetch('http://127.0.0.1:8085/index.html'); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
    }
    const errors = [];
    const csp = (m) => { if (m.type() === 'error' || /Content Security Policy/.test(m.text())) errors.push(m.text()); };
    page.on('console', csp);
    page.on('worker', (w) => w.on('console', csp));
    page.on('pageerror', (e) => errors.push(e.message));
    await watch(page);
    // Only the worker hands events over in pieces: the page reading the file itself never
    // says "Preparing".
    const preparedByWorker = async () => (await page.evaluate(() => window.__bars)).some((b) => b.label === 'Preparing the map and timeline');
    await page.goto('http://127.0.0.1:8085/big/');
    await expect(page.locator('.count')).toHaveText(ALL, { timeout: 60_000 });
    expect(await preparedByWorker()).toBe(true);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const cached = await page.evaluate(async () => {
      const names = [];
      for (const key of await caches.keys()) {
        for (const req of await (await caches.open(key)).keys()) names.push(new URL(req.url).pathname);
      }
      return names;
    });
    expect(cached).toEqual(expect.arrayContaining([
      expect.stringMatching(/^\/big\/worker-[0-9a-f]{16}\.js$/),
      expect.stringMatching(/^\/big\/steppe-worker-[0-9a-f]{16}\.js$/),
      expect.stringMatching(/^\/big\/steppe-worker-[0-9a-f]{16}_bg\.wasm$/),
    ]));
    // Offline, the cached worker still reads the (cached) corpus.
    await page.reload();
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('.count')).toHaveText(ALL, { timeout: 60_000 });
    expect(await preparedByWorker()).toBe(true);
    await context.setOffline(false);
    expect(errors).toEqual([]);
  } finally {
    p.kill();
  }
});
