// Hostile input through the real page: crafted corpus files of every class of attack we guard
// against (freezes, crashes, all-or-nothing faults, encodings, echo, bidi, script injection),
// generated here at run time. For each: no script runs, no request leaves the origin, the
// page never blanks, and a requestAnimationFrame heartbeat never sees the main thread
// blocked for more than 100 ms.
import { test, expect, chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { openApp, shot, N } from './helpers.mjs';
import { inlineJson } from '../../../scripts/post-build.mjs';

const DIST = new URL('../../../dist/', import.meta.url).pathname;
const CACHE = new URL('../.cache/hostile/', import.meta.url).pathname;
mkdirSync(CACHE, { recursive: true });

// ---- Crafted files, in Steppe's own format ---------------------------------------------

const HEAD = '{"format":"steppe-corpus","version":1,"meta":{"title":{"en":"Hostile"}},';
const ONE_SOURCE = '"sources":[{"id":"s","outlet":"O","title":"T","lang":"en"}],';
const actor = (id, name = '"en":"A"') => `{"id":"${id}","name":{${name}},"kind":"state"}`;
const event = (id, actors = '', extra = '') =>
  `{${extra}"id":"${id}","date":"2022-01-01","place":{"name":{"en":"P"},"lat":1,"lon":1,"precision":"city"},"title":{"en":"Event ${id}"},"type":"protest","actors":[${actors}],"sources":["s"]}`;
const corpus = (actors, sources, events) => `${HEAD}"actors":[${actors}],${sources}"events":[${events}]}`;
const range = (n) => Array.from({ length: n }, (_, i) => i);

const files = {
  // Freezes: each pattern at a size the old quadratic reader took seconds over.
  malformed: () => corpus(actor('a'), ONE_SOURCE,
    range(6_000).map((i) => `{"id":"e${i}","date":"x","zz":1}`).join(',') + ',' + event('good')),
  sharedId: () => corpus(actor('a'), ONE_SOURCE, range(3_000).map(() => event('dup', '{"id":"a"}')).join(',')),
  // Crash: one name in thousands of languages, named thousands of times.
  languages: () => {
    const name = '"en":"Polyglot",' + range(20_000).map((i) => `"qa-${i}":"Name ${i}"`).join(',');
    const refs = range(200).map(() => '{"id":"a"}').join(',');
    return corpus(actor('a', name), ONE_SOURCE, range(50).map((i) => event(`e${i}`, refs)).join(','));
  },
  // Memory: more actors than the facet budget.
  actors: () => corpus(range(400).map((i) => actor(`a${i}`)).join(','), ONE_SOURCE,
    range(400).map((i) => event(`e${i}`, `{"id":"a${i}"}`)).join(',')),
  // All or nothing: one fault per record, each kept in its record.
  faults: () => corpus(actor('a'), ONE_SOURCE, [
    event('ok1'),
    event('big-number').replace('"lat":1', '"lat":1e400'),
    event('surrogate').replace('"en":"Event surrogate"', '"en":"\\ud800 broken"'),
    event('deep-ignored', '', `"notes":${'['.repeat(5_000)}${']'.repeat(5_000)},`),
    event('ok2'),
  ].join(',\n')),
  // Echo: a 1 MB id, and keys made of terminal escape sequences.
  echo: () => corpus(actor('a'), ONE_SOURCE, [
    event('x'.repeat(1 << 20)),
    event('keys', '', '"\\u001b]0;pwned\\u0007\\u001b[2J":1,'),
    event('fine'),
  ].join(',\n')),
  // Script injection and links: shown as text, never run.
  injection: () => corpus(actor('a', '"en":"<img src=x onerror=\\"window.__pwned=1\\">Actor"'),
    '"sources":[{"id":"s","outlet":"<script>window.__pwned=2</script>Outlet","title":"<svg onload=\\"window.__pwned=3\\">","lang":"en","url":"https://example.org/a"},' +
    '{"id":"bad","outlet":"O","title":"T","lang":"en","url":"javascript:window.__pwned=4"},' +
    '{"id":"rtl","outlet":"Evil\\u202e Outlet","title":"T","lang":"en","url":"https://exa\\u202emple.org"}],',
    [event('inject', '{"id":"a"}').replace('"en":"Event inject"', '"en":"<!--<script>window.__pwned=5</script>"'),
      event('bidi').replace('["s"]', '["s"]')].join(',')),
  // Bidi: an outlet with an unclosed right-to-left override.
  bidi: () => corpus(actor('a'), '"sources":[{"id":"s","outlet":"Evil\\u202e Outlet","title":"Title","lang":"en"}],', event('bidi', '{"id":"a"}')),
};

const utf16 = (text, le, bom) => {
  const units = [...(bom ? [0xfeff] : []), ...Array.from(text, (c) => c.charCodeAt(0))];
  const buf = Buffer.alloc(units.length * 2);
  units.forEach((u, i) => (le ? buf.writeUInt16LE(u, i * 2) : buf.writeUInt16BE(u, i * 2)));
  return buf;
};

const small = readFileSync(new URL('../../fixtures/small.json', import.meta.url), 'utf8');
const invalidUtf8 = () => {
  const b = Buffer.from(small.replace('Protests spread', 'Protests spr\u0001ad'));
  b[b.indexOf(1)] = 0xff;
  return b;
};

// ---- Helpers ---------------------------------------------------------------------------

/** Starts a requestAnimationFrame heartbeat before the app loads. */
async function heartbeat(page) {
  await page.addInitScript(() => {
    window.__hb = { max: 0, last: 0, on: false };
    const tick = (t) => {
      const h = window.__hb;
      if (h.on && h.last) h.max = Math.max(h.max, t - h.last);
      h.last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Drops `bytes` on the page as a file (as a reader drags one in) and returns the longest
 * gap between animation frames while the app read, validated and drew it. Only the app's
 * own work is measured: the file is built inside the page first (not while measuring), the
 * wait for the result is a cheap in-page check of `count` (the result count's text) and
 * `text` (in the diagnostics), and the heavier assertions in `check` run after. */
async function load(page, name, bytes, wait, check) {
  // The machine is shared (2 cores, other builds running): another process can stall a
  // frame, even while a 4 KB file loads. A load over 100 ms is measured again, up to three
  // times, and the shortest gap kept: a real block of the main thread recurs every time.
  let gap = Infinity;
  for (let i = 0; i < 3 && gap > 100; i++) gap = Math.min(gap, await loadOnce(page, name, bytes, wait));
  await check();
  return gap;
}

async function loadOnce(page, name, bytes, { count, text }) {
  await page.evaluate(({ name, b64 }) => {
    const raw = atob(b64);
    const data = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
    window.__file = new File([data], name, { type: 'application/json' });
  }, { name, b64: Buffer.from(bytes).toString('base64') });
  await page.waitForTimeout(100);
  await page.evaluate(() => {
    Object.assign(window.__hb, { on: true, max: 0, last: 0 });
    // The page changed since this drop (so a second load of the same file is waited for too).
    window.__changed = false;
    new MutationObserver((_, o) => { window.__changed = true; o.disconnect(); })
      .observe(document.querySelector('.app'), { childList: true, subtree: true, characterData: true });
    const dt = new DataTransfer();
    dt.items.add(window.__file);
    document.querySelector('.app').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(({ count, text }) => {
    const c = document.querySelector('.count')?.textContent;
    const d = document.querySelector('.diagnostics')?.textContent ?? '';
    return window.__changed && (!count || c === count) && (!text || d.includes(text));
  }, { count, text }, { polling: 100, timeout: 30_000 });
  await page.waitForTimeout(300);
  return page.evaluate(() => { window.__hb.on = false; return window.__hb.max; });
}

/** The diagnostics the page lists: "line:col severity path message". */
async function listed(page) {
  return page.locator('.diagnostics li').evaluateAll((lis) => lis.map((li) => {
    const [loc, path] = [...li.querySelectorAll('code')].map((c) => c.textContent);
    return `${loc} ${li.className} ${path} ${li.querySelector('span').textContent}`;
  }));
}

/** What the CLI prints for the same bytes, in the same form. */
function cli(name, bytes) {
  const file = `${CACHE}${name}`;
  writeFileSync(file, bytes);
  // The CLI writes diagnostics to stderr.
  const r = spawnSync('cargo', ['run', '--quiet', '--release', '--bin', 'steppe-corpus', '--', 'check', file], { cwd: '../..', maxBuffer: 1 << 26 });
  const out = r.stderr.toString();
  return out.split('\n').filter((l) => l.startsWith(`${file}:`) && / (error|warning): /.test(l)).map((l) => {
    const m = l.slice(file.length + 1).match(/^(\d+:\d+): (error|warning): (?:(\S+): )?(.*)$/);
    return m;
  });
}

async function notBlank(page) {
  await expect(page.locator('header h1')).toBeVisible();
  expect((await page.locator('body').innerText()).trim().length).toBeGreaterThan(50);
}

// ---- Tests -----------------------------------------------------------------------------

test('hostile files load without freezing, running script, requesting anything or blanking', async ({ page }) => {
  test.setTimeout(180_000);
  await heartbeat(page);
  const { errors, foreign } = await openApp(page);
  await expect(page.locator('.count')).toHaveText(`${N} of ${N} events`);
  const gaps = {};
  const diag = page.locator('.diagnostics');

  // A benign file first: what any load costs (the whole app redraws for a new corpus).
  gaps.benign = await load(page, 'small.json', small, { count: '4 of 4 events' }, async () => {});
  gaps.malformed = await load(page, 'malformed.json', files.malformed(), { count: '1 of 1 event', text: '6,000 records' }, async () => {
    await expect(page.locator('.count')).toHaveText('1 of 1 event');
    await expect(diag).toContainText('events[0].date');
    await expect(diag).toContainText('6,000 records with errors were left out');
  });
  gaps.sharedId = await load(page, 'shared-id.json', files.sharedId(), { text: 'duplicate id "dup"' }, async () => {
    await expect(diag).toContainText('duplicate id "dup": events[0] already uses it');
    await expect(page.locator('.count')).toHaveText('1 of 1 event');
  });
  gaps.languages = await load(page, 'languages.json', files.languages(), { count: '50 of 50 events' }, async () => {
    await expect(page.locator('.count')).toHaveText('50 of 50 events');
    await expect(diag).toContainText('only 32 are read');
    await expect(diag).toContainText('only the first 100 are read');
  });
  // The app still searches in the kept languages.
  await page.fill('#search-input', 'Name 3');
  await expect(page.locator('.count')).toHaveText('50 of 50 events');
  await page.fill('#search-input', '');
  gaps.actors = await load(page, 'actors.json', files.actors(), { count: '400 of 400 events' }, async () => {
    await expect(page.locator('.count')).toHaveText('400 of 400 events');
    await expect(diag).toContainText('offered as filters');
  });
  gaps.faults = await load(page, 'faults.json', files.faults(), { count: '3 of 3 events' }, async () => {
    await expect(page.locator('.count')).toHaveText('3 of 3 events');
    await expect(diag).toContainText('the number 1e400 is out of range');
    await expect(diag).toContainText('\\ud800 is the first half of a UTF-16 surrogate pair');
    await expect(diag).toContainText('unknown field "notes" is ignored');
  });
  gaps.echo = await load(page, 'echo.json', files.echo(), { count: '2 of 2 events' }, async () => {
    await expect(page.locator('.count')).toHaveText('2 of 2 events');
    await expect(diag).toContainText('(1048576 characters)');
  });
  const longest = await page.locator('.diagnostics li').evaluateAll((lis) => Math.max(...lis.map((l) => l.textContent.length)));
  expect(longest).toBeLessThan(500);
  await expect(diag).toContainText('\\u{1b}]0;pwned');
  expect(await page.locator('.diagnostics').innerText()).not.toContain('\u001b');
  gaps.utf16 = await load(page, 'utf16.json', utf16(small, true, true), { text: 'UTF-16 (little-endian' }, async () => {
    await expect(diag).toContainText('this file is UTF-16 (little-endian, with a byte-order mark), not UTF-8: save it as UTF-8');
  });
  // Nothing in it loaded: the previous corpus stays.
  await expect(page.locator('.count')).toHaveText('2 of 2 events');
  gaps.utf16be = await load(page, 'utf16be.json', utf16(small, false, false), { text: 'UTF-16 (big-endian)' }, async () => {
    await expect(diag).toContainText('this file is UTF-16 (big-endian), not UTF-8');
  });
  gaps.invalidUtf8 = await load(page, 'invalid-utf8.json', invalidUtf8(), { count: '4 of 4 events' }, async () => {
    await expect(page.locator('.count')).toHaveText('4 of 4 events');
    await expect(diag).toContainText('invalid UTF-8 (0xFF) replaced by U+FFFD');
  });
  const line = small.slice(0, small.indexOf('Protests spread')).split('\n').length;
  await expect(page.locator('.diagnostics li').first().locator('code').first()).toHaveText(new RegExp(`^${line}:\\d+$`));
  gaps.injection = await load(page, 'injection.json', files.injection(), { text: 'javascript: link' }, async () => {
    await expect(diag).toContainText('expected an http:// or https:// link, found a javascript: link');
    await expect(diag).toContainText('U+202E');
  });
  await page.fill('#search-input', 'pwned=5');
  await expect(page.locator('.list tbody')).toContainText('<!--<script>window.__pwned=5</script>');
  await page.locator('.list tbody tr button.link').first().click();
  await expect(page.locator('.panel')).toContainText('<script>window.__pwned=2</script>Outlet');
  await expect(page.locator('.panel')).toContainText('<img src=x onerror="window.__pwned=1">Actor');
  await page.fill('#search-input', '');
  await shot(page, 'hostile-injection');

  for (const [name, gap] of Object.entries(gaps)) console.log(`heartbeat: ${name} ${gap.toFixed(0)} ms`);
  console.log(`heartbeat: max ${Math.max(...Object.values(gaps)).toFixed(0)} ms`);
  for (const [name, gap] of Object.entries(gaps)) expect(gap, `main thread blocked by ${name}`).toBeLessThanOrEqual(100);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator('.app img, .app script, .app svg[onload]').count()).toBe(0);
  await notBlank(page);
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
});

test('the app and the CLI give the same located diagnostics for the same file', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page);
  for (const [name, bytes] of [['faults.json', files.faults()], ['invalid-utf8.json', invalidUtf8()], ['utf16.json', utf16(small, true, false)]]) {
    await page.locator('.file-open input[type=file]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(bytes) });
    await expect(page.locator('.diagnostics li').first()).toBeVisible();
    await page.waitForTimeout(200);
    const app = await listed(page);
    const fromCli = cli(name, bytes).map((m) => `${m[1]} ${m[2]} ${m[3] ?? ''} ${m[4]}`);
    expect(fromCli.length, name).toBeGreaterThan(0);
    expect(app, name).toEqual(fromCli.slice(0, 100));
  }
});

test('an unclosed right-to-left override stays inside its own text', async ({ page }) => {
  await openApp(page);
  await page.locator('.file-open input[type=file]').setInputFiles({ name: 'bidi.json', mimeType: 'application/json', buffer: Buffer.from(files.bidi()) });
  await expect(page.locator('.count')).toHaveText('1 of 1 event');
  await expect(page.locator('.diagnostics')).toContainText('closed at the end of the text');
  await page.locator('.list tbody tr button.link').first().click();
  const outlet = page.locator('.panel .outlet strong');
  await expect(outlet).toContainText('Outlet');
  expect(await outlet.evaluate((e) => getComputedStyle(e).unicodeBidi)).toBe('isolate');
  // The language tag beside the outlet stays to its right, in reading order.
  const [o, tag] = await Promise.all([outlet.boundingBox(), page.locator('.panel .outlet .lang-tag').boundingBox()]);
  expect(tag.x).toBeGreaterThanOrEqual(o.x + o.width - 1);
  // Every element showing corpus text is isolated.
  const loose = await page.evaluate(() => {
    const out = [];
    const walk = document.createTreeWalker(document.querySelector('.app'), NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (n.textContent.includes('\u202e') && getComputedStyle(n.parentElement).unicodeBidi !== 'isolate') out.push(n.parentElement.outerHTML.slice(0, 80));
    }
    return out;
  });
  expect(loose).toEqual([]);
  await shot(page, 'hostile-bidi');
});

test('a mangled link gives short notices and the page still opens', async ({ page }) => {
  await heartbeat(page);
  const { errors, foreign } = await openApp(page, `/#${'bad&'.repeat(30)}e=${'%E2%80%AE'.repeat(100)}&zz=${'x'.repeat(20_000)}`);
  await expect(page.locator('.count')).toHaveText(`${N} of ${N} events`);
  const notice = await page.locator('.notice span').innerText();
  expect(notice.length).toBeLessThan(1_000);
  expect(notice).toContain('characters)');
  expect(notice).toContain('… +');
  await notBlank(page);
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
});

test('a panic shows "Something went wrong" over the corpus last shown, never a blank page', async ({ page }) => {
  const { foreign } = await openApp(page);
  const broken = small.replace('"lat": 43.25667', '"lat": 95');
  await page.locator('.file-open input[type=file]').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  await expect(page.locator('.count')).toHaveText('3 of 3 events');
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.evaluate(() => { try { window.wasmBindings.steppeCrashTest(); } catch { /* the trap */ } });
  const crash = page.locator('#crash');
  await expect(crash).toBeVisible();
  await expect(crash).toHaveAttribute('role', 'alert');
  await expect(crash.locator('h2')).toHaveText('Something went wrong');
  await expect(crash).toContainText('events[0].place.lat');
  await expect(crash.locator('a')).toHaveAttribute('href', /127\.0\.0\.1/);
  // The corpus last shown is still there.
  await expect(page.locator('.count')).toHaveText('3 of 3 events');
  await expect(page.locator('.list tbody tr')).toHaveCount(3);
  await notBlank(page);
  await shot(page, 'hostile-crash');
  expect(foreign).toEqual([]);
});

test('a headline with "<!--<script>" does not blank the single file', async () => {
  const hostile = JSON.parse(readFileSync(new URL('../../../public/corpus.json', import.meta.url), 'utf8'));
  hostile.events[0].title.en = '<!--<script>window.__pwned=1</script> Headline';
  hostile.events[1].title.en = '</script><script>window.__pwned=2</script>';
  const page0 = readFileSync(`${DIST}steppe.html`, 'utf8');
  const start = page0.indexOf('<script type="application/json" id="steppe-corpus">');
  const end = page0.indexOf('</script>', start);
  const open = '<script type="application/json" id="steppe-corpus">';
  const single = page0.slice(0, start + open.length) + inlineJson(JSON.stringify(hostile)) + page0.slice(end);
  const file = `${CACHE}steppe-hostile.html`;
  writeFileSync(file, single);
  // The corpus, the loading worker's source and the boot script close; nothing else does.
  expect(single.match(/<\/script>/gi)).toHaveLength(3);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await (await browser.newContext({ offline: true })).newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`file://${file}`);
  await expect(page.locator('.count')).toHaveText(`${N} of ${N} events`, { timeout: 30_000 });
  await page.fill('#search-input', 'Headline');
  await expect(page.locator('.list tbody')).toContainText('<!--<script>window.__pwned=1</script> Headline');
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(errors).toEqual([]);
  await browser.close();
});

/** Starts `node serve.mjs PORT ...args` for one test and returns a stopper. */
async function server(port, ...args) {
  const p = spawn('node', ['serve.mjs', String(port), ...args], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    try { await fetch(`http://127.0.0.1:${port}/index.html`); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  return () => p.kill();
}

test('two deployments on one origin keep each other\'s offline copy', async ({ page }) => {
  // /one/ and /two/ serve two builds (the second's worker has another version, as after a
  // redeploy of that one only); activating the second must not delete the first's cache.
  const sw = readFileSync(`${DIST}sw.js`, 'utf8');
  writeFileSync(`${CACHE}sw-two.js`, sw.replace(/const VERSION = '[^']*'/, "const VERSION = 'another-build'"));
  const stop = await server(8086, '--file', `/two/sw.js=${CACHE}sw-two.js`);
  try {
    const base = 'http://127.0.0.1:8086';
    await page.goto(`${base}/one/`);
    await expect(page.locator('.count')).toHaveText(`${N} of ${N} events`, { timeout: 30_000 });
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.goto(`${base}/two/`);
    await expect(page.locator('.count')).toHaveText(`${N} of ${N} events`, { timeout: 30_000 });
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => caches.keys()), { timeout: 15_000 }).toEqual(expect.arrayContaining([
      expect.stringMatching(/^steppe http:\/\/127\.0\.0\.1:8086\/one\/ /),
      `steppe ${base}/two/ another-build`,
    ]));
    const keys = await page.evaluate(() => caches.keys());
    expect(keys.filter((k) => k.includes('/one/'))).toHaveLength(1);
  } finally {
    stop();
  }
});
