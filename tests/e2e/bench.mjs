// Browser benchmark, in headless Chromium against the release bundle in dist/. Prints
// figures; asserts nothing (a benchmark is not a test). Run with `make bench-browser`.
//
// For the bundled corpus and generated corpora of 1,000, 10,000 and 100,000 events
// (and 1,000,000 with BENCH_1M=1; or the sizes in BENCH_SIZES), each in a fresh browser
// context:
//   render   navigation start -> the map's marks and the timeline painted
//   filter   a click on language "ru" and then on an actor -> painted (median of 10,
//            as every input below)
//   clear    "Clear all filters" -> painted
//   search   a keystroke in the search field ("A", "Al", ... "Almaty") -> painted
//   play     a step of playing through time (its timer firing) -> painted
//   no-op    an input that changes nothing -> painted (the floor: waiting for a frame)
//   brush    a pointer move while brushing a range on the timeline -> painted, next to
//            no-op-move, a pointer move over a heading (moves arrive just before a frame)
//   longest  the longest main-thread task while loading (PerformanceObserver "longtask")
//   DOM      elements in the page after the first render
//   +MB      memory the load added: the browser's processes' proportional set size (PSS,
//            shared pages counted once) at its highest while loading, less before it,
//            sampled every 50 ms from /proc (page, loading worker, browser, GPU together)
// and the app's transfer size (everything the page requests except the corpus, gzip), and
// the embedded default corpus on a slow-4G phone (1.6 Mbps, 150 ms RTT, CPU slowed 4x,
// 360 px, gzip served), through Chromium's DevTools protocol.
//
// "Painted" means: after the input, requestAnimationFrame then a task have run.
import { chromium } from '@playwright/test';
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, existsSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { stale } from './global-setup.mjs';

// BENCH_SIZES=1000,1000000 picks the generated sizes (the bundled corpus always runs).
const sizes = process.env.BENCH_SIZES
  ? process.env.BENCH_SIZES.split(',').map(Number).filter((n) => n > 0)
  : [1_000, 10_000, 100_000, ...(process.env.BENCH_1M ? [1_000_000] : [])];
for (const n of sizes) {
  const dir = `.cache/bench/${n}`;
  if (stale(`${dir}/corpus.json`)) {
    mkdirSync(dir, { recursive: true });
    const out = execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'steppe-corpus', '--', 'generate', String(n), '--seed', '42'],
      { cwd: '../..', maxBuffer: 1 << 30 });
    writeFileSync(`${dir}/corpus.json`, out);
  }
}
const mounts = sizes.flatMap((n) => ['--mount', `/n${n}/=.cache/bench/${n}`]);
const server = spawn('node', ['serve.mjs', '8083', ...mounts], { stdio: 'ignore' });
const gzServer = spawn('node', ['serve.mjs', '8084', '--gzip'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 700));
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
/** Proportional set size of the browser's processes (started by this script), in MB. */
function browserPss() {
  if (!existsSync('/proc/self')) return 0;
  const parents = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parents.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* gone */ }
  }
  let kb = 0;
  for (const pid of parents.keys()) {
    let p = parents.get(pid);
    while (p && p !== process.pid) p = parents.get(p);
    if (!p) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chrom')) continue;
      kb += Number(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/Pss:\s+(\d+)/)?.[1] ?? 0);
    } catch { /* gone */ }
  }
  return kb / 1024;
}
const f = (x) => (x === undefined ? '-' : `${Math.round(x)}`);
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

/** Loads `url` in a fresh context; returns render time, longest task, DOM size, requests. */
async function load(url, { viewport = { width: 1280, height: 800 }, throttle = false, timeout = 180_000 } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  if (throttle) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  await page.addInitScript(() => {
    // The render: the frame in which the map's marks and the timeline first show. They are
    // noticed as they are inserted; a check once a frame would notice them a frame late,
    // and count whatever that next frame draws.
    window.__painted = 0;
    const shown = () => document.querySelector('.map .marks circle, .map .edges circle')
      && document.querySelector('.timeline .density.all');
    const watch = new MutationObserver(() => {
      if (!shown()) return;
      watch.disconnect();
      requestAnimationFrame(() => setTimeout(() => { window.__painted = performance.now(); }, 0));
    });
    watch.observe(document, { childList: true, subtree: true, attributeFilter: ['class'] });
    window.__longest = 0;
    // Each step of a timer (playing through time): from its callback to the painted frame.
    window.__steps = [];
    const every = window.setInterval.bind(window);
    window.setInterval = (fn, ms, ...args) => every(() => {
      const t = performance.now();
      fn(...args);
      requestAnimationFrame(() => setTimeout(() => window.__steps.push(performance.now() - t), 0));
    }, ms);
    try {
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      }).observe({ type: 'longtask', buffered: true });
    } catch { /* no long-task timing */ }
  });
  const before = browserPss();
  let peak = before;
  const sampler = setInterval(() => { peak = Math.max(peak, browserPss()); }, 50);
  await page.goto(url, { waitUntil: 'commit' });
  const render = await page.waitForFunction(() => window.__painted, null, { timeout, polling: 50 })
    .then((h) => h.jsonValue())
    .finally(() => clearInterval(sampler));
  peak = Math.max(peak, browserPss());
  const longest = await page.evaluate(() => window.__longest);
  const dom = await page.evaluate(() => document.getElementsByTagName('*').length);
  return { context, page, render, longest, dom, requests, added: peak - before };
}

/** Median time from an input of `kind` (noop, filter, clear) to the painted frame. */
async function inputs(page, kind, steps = 10) {
  return page.evaluate(async ({ kind, steps }) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const times = [];
    const lang = document.querySelector('input[data-lang="ru"]') || document.querySelector('input[data-lang]');
    const actor = document.querySelector('input[data-actor="protesters"]') || document.querySelector('input[data-actor]');
    const clear = () => document.querySelector('button.clear-all');
    const search = document.querySelector('#search-input');
    const word = 'Almaty';
    for (let i = 0; i < steps; i++) {
      if (kind === 'clear') { lang.click(); actor.click(); }
      await frame();
      await frame();
      const t = performance.now();
      if (kind === 'noop') document.title = `t${i}`;
      else if (kind === 'filter') { lang.click(); actor.click(); }
      else if (kind === 'search') {
        search.value = word.slice(0, (i % word.length) + 1);
        search.dispatchEvent(new Event('input', { bubbles: true }));
      } else clear().click();
      await frame();
      times.push(performance.now() - t);
      if (kind === 'filter') { lang.click(); actor.click(); await frame(); }
    }
    if (kind === 'search') { search.value = ''; search.dispatchEvent(new Event('input', { bubbles: true })); await frame(); }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
  }, { kind, steps });
}

/** Median time from a pointer move to the painted frame: while brushing the timeline's
 * strip, and over the timeline's hint text (which does nothing: the floor for a move, which the
 * browser delivers just before a frame). */
async function brush(page, steps = 10) {
  await page.locator('.timeline .density.all').scrollIntoViewIfNeeded();
  await page.evaluate(() => {
    window.__moves = [];
    addEventListener('pointermove', () => {
      const t = performance.now();
      requestAnimationFrame(() => setTimeout(() => window.__moves.push(performance.now() - t), 0));
    }, { capture: true });
  });
  const heading = await page.locator('.timeline-controls .hint').boundingBox();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(heading.x + i * 3, heading.y + heading.height / 2);
    await page.waitForTimeout(60);
  }
  const idle = median(await page.evaluate(() => window.__moves));
  const box = await page.locator('.timeline .density.all').boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 20, y);
  await page.mouse.down();
  await page.evaluate(() => { window.__moves = []; });
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(box.x + 20 + i * (box.width / 3 / steps), y);
    await page.waitForTimeout(60);
  }
  // A move that drew no brush measured nothing.
  const moves = await page.evaluate(() => (document.querySelector('.timeline .brush') ? window.__moves : []));
  await page.mouse.up();
  await clearAll(page);
  return [moves.length ? median(moves) : undefined, idle];
}

/** Median time from a step of playing through time to the painted frame. */
async function play(page, steps = 10) {
  await page.evaluate(() => { window.__steps = []; });
  await page.locator('button.play').click();
  await page.waitForFunction((n) => window.__steps.length >= n, steps, { timeout: 60_000 });
  const times = await page.evaluate(() => window.__steps);
  if (await page.locator('button.play').textContent().then((t) => /Pause/.test(t))) await page.locator('button.play').click();
  await clearAll(page);
  return median(times);
}

async function clearAll(page) {
  const button = page.locator('button.clear-all');
  if (await button.isEnabled()) await button.click();
}

try {
  console.log('Steppe browser benchmark (headless Chromium, 1280x800, local server; ms)\n');
  console.log('corpus         render  filter  clear  search  play  no-op  brush  no-op-move  longest-task   DOM     +MB');
  for (const [name, url] of [['bundled', 'http://127.0.0.1:8083/'], ...sizes.map((n) => [`${n.toLocaleString('en')}`, `http://127.0.0.1:8083/n${n}/`])]) {
    const runs = name === '100,000' || name === '1,000,000' ? 1 : 3;
    const r = [];
    for (let i = 0; i < runs; i++) r.push(await load(url));
    const last = r[r.length - 1];
    const noop = await inputs(last.page, 'noop');
    const filter = await inputs(last.page, 'filter');
    const clear = await inputs(last.page, 'clear');
    const search = await inputs(last.page, 'search');
    const [brushed, idleMove] = await brush(last.page);
    const played = await play(last.page);
    console.log(`${name.padEnd(13)} ${f(median(r.map((x) => x.render))).padStart(7)} ${f(filter).padStart(7)} ${f(clear).padStart(6)} ${f(search).padStart(7)} ${f(played).padStart(5)} ${f(noop).padStart(6)} ${f(brushed).padStart(6)} ${f(idleMove).padStart(10)} ${f(Math.max(...r.map((x) => x.longest))).padStart(13)} ${String(last.dom).padStart(6)} ${f(Math.max(...r.map((x) => x.added))).padStart(7)}`);
    if (name === 'bundled') {
      // The app's transfer: every file the page asked for except the corpus, gzip -9.
      const files = [...new Set(last.requests.map((u) => new URL(u).pathname.split('/').pop() || 'index.html'))]
        .filter((n) => n !== 'corpus.json' && existsSync(`../../dist/${n}`));
      const gz = files.map((n) => [n, gzipSync(readFileSync(`../../dist/${n}`), { level: 9 }).length]);
      const total = gz.reduce((s, [, b]) => s + b, 0);
      var transfer = `app transfer (gzip, without the corpus): ${(total / 1024).toFixed(1)} KB — ${gz.map(([n, b]) => `${n.replace(/-[0-9a-f]{16}/, '')} ${(b / 1024).toFixed(1)}`).join(', ')}`;
    }
    for (const x of r) await x.context.close();
  }
  console.log(`\n${transfer}`);
  const phone = [];
  for (let i = 0; i < 3; i++) {
    const r = await load('http://127.0.0.1:8084/#embed=1', { viewport: { width: 360, height: 740 }, throttle: true });
    phone.push(r.render);
    await r.context.close();
  }
  console.log(`slow-4G phone, embedded, bundled corpus, gzip served: ${f(median(phone))} ms to painted (median of 3)`);
} finally {
  await browser.close();
  server.kill();
  gzServer.kill();
}
