// Bring your own data: a corpus by URL, imports, exports, the downloaded explorer, and an
// edited corpus reaching a returning reader.
import { test, expect, chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, shot, N } from './helpers.mjs';

const DIST = new URL('../../../dist/', import.meta.url).pathname;
const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;

/** Starts `node serve.mjs PORT ...args` for one test and returns a stopper. */
async function server(port, ...args) {
  const p = spawn('node', ['serve.mjs', String(port), ...args], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    try { await fetch(`http://127.0.0.1:${port}/index.html`); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  return () => p.kill();
}

test('?corpus= opens a second corpus, names its host and stays in shared links', async ({ page }) => {
  const stop = await server(8192, '--cors', '--file', `/data/acled.csv=${FIXTURES}acled.csv`);
  try {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const fetched = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    // Relative, on the same site.
    await page.goto('http://127.0.0.1:8192/?corpus=data/acled.csv');
    await expect(page.locator('.count')).toHaveText('3 of 3 events', { timeout: 30_000 });
    // The bundled corpus is not downloaded for a page that shows another.
    expect(fetched).toContain('/data/acled.csv');
    expect(fetched).not.toContain('/corpus.json');
    await expect(page.locator('.corpus-origin:not(.imported)')).toHaveText('Corpus from 127.0.0.1:8192');
    await expect(page.locator('.corpus-origin.imported')).toHaveText('acled.csv was read as CSV.');
    await expect(page.locator('.notice')).toHaveCount(0);
    // The ACLED columns it could not map are listed, located.
    await expect(page.locator('.diagnostics')).toContainText('column "disorder_type" is not mapped');
    await page.getByRole('button', { name: 'Share / embed' }).click();
    await expect(page.locator('#share-link')).toHaveValue(/\?corpus=data\/acled\.csv#/);
    await expect(page.locator('#share-embed')).toHaveValue(/\?corpus=data\/acled\.csv#/);
    await page.keyboard.press('Escape');
    await shot(page, 'corpus-by-url');
    // Absolute, from another origin that allows it (CORS).
    await page.goto('/?corpus=http%3A%2F%2F127.0.0.1%3A8192%2Fdata%2Facled.csv');
    await expect(page.locator('.count')).toHaveText('3 of 3 events', { timeout: 30_000 });
    await expect(page.locator('.corpus-origin:not(.imported)')).toHaveText('Corpus from 127.0.0.1:8192');
    await expect(page.locator('.list tbody tr').first()).toContainText('Zhanaozen');
    // The bundled corpus names no host; it downloads while the app does, from the start.
    fetched.length = 0;
    await page.goto('/');
    await expect(page.locator('.count')).toHaveText(`${N} of ${N} events`, { timeout: 30_000 });
    expect(fetched.filter((p) => p === '/corpus.json')).toHaveLength(1);
    expect(await page.evaluate(() => performance.getEntriesByName(new URL('corpus.json', location.href).href)
      .some((e) => e.initiatorType === 'link'))).toBe(true);
    await expect(page.locator('.corpus-origin')).toHaveCount(0);
    expect(errors).toEqual([]);
  } finally {
    stop();
  }
});

test('a corpus that cannot be fetched says which problem and what to do', async ({ page }) => {
  const stop = await server(8193, '--file', `/data/acled.csv=${FIXTURES}acled.csv`);
  try {
    await page.goto('/?corpus=missing.json');
    await expect(page.locator('.status')).toContainText('was not found (HTTP 404)', { timeout: 30_000 });
    // Another origin without Access-Control-Allow-Origin: the browser refuses it.
    await page.goto('/?corpus=http://127.0.0.1:8193/data/acled.csv');
    await expect(page.locator('.status')).toContainText('Access-Control-Allow-Origin', { timeout: 30_000 });
    await shot(page, 'corpus-cors-refused');
    await page.goto('/?corpus=javascript:alert(1)');
    await expect(page.locator('.status')).toContainText('?corpus=: expected an http:// or https:// link', { timeout: 30_000 });
    await page.goto('/?corpus=missing.json&#ui=ru');
    await expect(page.locator('.status')).toContainText('не найден (HTTP 404)', { timeout: 30_000 });
  } finally {
    stop();
  }
});

test('the filtered view downloads as CSV and GeoJSON with the events shown', async ({ page }) => {
  await openApp(page, '/#l=zh');
  const count = Number((await page.locator('.count').textContent()).split(' ')[0]);
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(N);
  await page.getByRole('button', { name: 'Share / embed' }).click();
  await expect(page.locator('#export-title')).toHaveText(`Download the ${count} events shown`);
  await shot(page, 'share-downloads');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('button.export[data-format="csv"]').click()]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const rows = readFileSync(await csv.path(), 'utf8').trimEnd().split('\r\n');
  expect(rows[0]).toBe('id,date,end,title,summary,place,latitude,longitude,place_precision,country,type,tags,actors,claimant,disputed,sources,source_urls,languages');
  expect(rows).toHaveLength(count + 1);
  const [geo] = await Promise.all([page.waitForEvent('download'), page.locator('button.export[data-format="geojson"]').click()]);
  const g = JSON.parse(readFileSync(await geo.path(), 'utf8'));
  expect(g.type).toBe('FeatureCollection');
  expect(g.features).toHaveLength(count);
  expect(g.features.every((f) => f.properties.languages.split('; ').includes('zh'))).toBe(true);
  const [steppe] = await Promise.all([page.waitForEvent('download'), page.locator('button.export[data-format="json"]').click()]);
  const s = JSON.parse(readFileSync(await steppe.path(), 'utf8'));
  expect(s.format).toBe('steppe-corpus');
  expect(s.events).toHaveLength(count);
  const [tl] = await Promise.all([page.waitForEvent('download'), page.locator('button.export[data-format="timeline.json"]').click()]);
  expect(JSON.parse(readFileSync(await tl.path(), 'utf8')).events).toHaveLength(count);
});

test('a dropped TimelineJS file becomes a downloaded explorer that opens offline from file://', async ({ page }) => {
  await openApp(page);
  await page.locator('.file-open input[type=file]').setInputFiles({ name: 'timeline.json', mimeType: 'application/json', buffer: readFileSync(`${FIXTURES}timeline.json`) });
  await expect(page.locator('.count')).toHaveText('3 of 3 events');
  await expect(page.locator('h1')).toHaveText('Kazakhstan, January 2022');
  await expect(page.locator('.corpus-origin.imported')).toHaveText('timeline.json was read as TimelineJS3 JSON.');
  // No place: on the timeline and in the list, and the map says so.
  await expect(page.locator('.not-on-map')).toHaveText('3 of the events shown have no place and are not on the map.');
  await expect(page.locator('.list tbody tr')).toHaveCount(3);
  // The script in the file is text, never run.
  await page.locator('.list tbody tr', { hasText: 'CSTO mission' }).locator('button, a').first().click();
  await expect(page.locator('.panel')).toContainText('Troops arrive and leave.');
  await expect(page.locator('.panel .place')).toContainText('no place given');
  await shot(page, 'imported-timeline');
  await page.getByRole('button', { name: 'Share / embed' }).click();
  // "Download corpus": the imported file as a Steppe corpus.
  const [cj] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download corpus' }).click()]);
  const converted = JSON.parse(readFileSync(await cj.path(), 'utf8'));
  expect(converted.format).toBe('steppe-corpus');
  expect(converted.events.map((e) => e.title.en).sort()).toEqual(['CSTO mission', 'Fuel price protest in Zhanaozen', 'State of emergency declared']);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download this explorer' }).click()]);
  const file = join(mkdtempSync(join(tmpdir(), 'steppe-')), dl.suggestedFilename());
  await dl.saveAs(file);
  expect(file).toMatch(/kazakhstan-january-2022\.html$/);
  const html = readFileSync(file, 'utf8');
  // The corpus, the loading worker's source (text, never run as it stands) and the boot script.
  expect(html.match(/<\/script>/gi)).toHaveLength(3);
  expect(html).toContain('<script type="text/plain" id="steppe-worker-source">');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ offline: true });
    const p = await context.newPage();
    const requests = [];
    const errors = [];
    p.on('request', (r) => { if (!/^(file|data|blob):/.test(r.url())) requests.push(r.url()); });
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(`file://${file}`);
    await expect(p.locator('.count')).toHaveText('3 of 3 events', { timeout: 30_000 });
    await expect(p.locator('h1')).toHaveText('Kazakhstan, January 2022');
    await shot(p, 'downloaded-explorer');
    // A file of 1 MB or more is read by the worker it carries, started from a blob (no
    // script can be fetched from file://), which hands the events over in pieces.
    const workers = [];
    p.on('worker', (w) => workers.push(w.url()));
    const big = readFileSync(`${FIXTURES}timeline.json`, 'utf8') + ' '.repeat(1_100_000);
    await p.locator('.file-open input[type=file]').setInputFiles({ name: 'big-timeline.json', mimeType: 'application/json', buffer: Buffer.from(big) });
    await expect(p.locator('.corpus-origin.imported')).toHaveText('big-timeline.json was read as TimelineJS3 JSON.');
    await expect(p.locator('.count')).toHaveText('3 of 3 events');
    expect(workers).toEqual([expect.stringMatching(/^blob:/)]);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
});

test('a returning visitor gets the edited corpus, and keeps it offline', async ({ page, context }) => {
  const site = mkdtempSync(join(tmpdir(), 'steppe-site-'));
  cpSync(DIST, site, { recursive: true });
  const stop = await server(8194, '--mount', `/site/=${site}`);
  try {
    await page.goto('http://127.0.0.1:8194/site/');
    await expect(page.locator('.count')).toHaveText(`${N} of ${N} events`, { timeout: 30_000 });
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await expect(page.locator('.count')).toHaveText(`${N} of ${N} events`, { timeout: 30_000 });
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    // The author edits the corpus on the server: a new title and one event fewer.
    const corpus = JSON.parse(readFileSync(join(site, 'corpus.json'), 'utf8'));
    corpus.meta.title.en = 'Edited corpus';
    corpus.events.pop();
    writeFileSync(join(site, 'corpus.json'), JSON.stringify(corpus));
    await page.reload();
    await expect(page.locator('h1')).toHaveText('Edited corpus', { timeout: 30_000 });
    await expect(page.locator('.count')).toHaveText(`${N - 1} of ${N - 1} events`);
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('h1')).toHaveText('Edited corpus', { timeout: 30_000 });
    await context.setOffline(false);
  } finally {
    stop();
    rmSync(site, { recursive: true, force: true });
  }
});
