// Browser benchmark for the Compare view: input to painted frame after a facet click, at
// 100,000 events, with Compare open (disputes, coverage matrix page and first-report lanes
// redrawn on each click). Prints figures; asserts nothing. Run after a release build:
// `cd tests/e2e && node bench-compare.mjs` (it generates the corpus like the end-to-end setup).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import setup from './global-setup.mjs';

setup();
const server = spawn('node', ['serve.mjs', '8083', '--mount', '/big/=.cache/big'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto('http://127.0.0.1:8083/big/');
  await page.locator('.count').filter({ hasText: '100000 of 100000' }).waitFor({ timeout: 120_000 });
  // Opening Compare builds the per-event language reports once for the corpus.
  const t0 = Date.now();
  await page.locator('.compare-toggle').click();
  await page.locator('table.matrix tbody tr').first().waitFor();
  console.log(`opening Compare at 100,000 events (reports built once): ${Date.now() - t0} ms`);
  const measure = (kind) => page.evaluate(async (kind) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const task = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
    const boxes = [...document.querySelectorAll('input[data-actor]')].slice(0, 6);
    const painted = [], ready = [];
    const steps = kind === 'facet' ? 30 : 12;
    for (let i = 0; i < steps; i++) {
      await frame();
      const t = performance.now();
      if (kind === 'facet') boxes[i % boxes.length].click();
      else if (kind === 'toggle') document.querySelectorAll('.segmented button')[i % 2].click();
      else document.title = `t${i}`;
      await task();
      document.body.getBoundingClientRect(); // style and layout
      ready.push(performance.now() - t);
      await frame();
      painted.push(performance.now() - t);
    }
    const med = (v) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)];
    return { painted: med(painted), max: Math.max(...painted), ready: med(ready) };
  }, kind);
  const f = (x) => x.toFixed(1);
  const noop = await measure('noop');
  const facet = await measure('facet');
  const toggle = await measure('toggle');
  console.log(`no-op input: ready ${f(noop.ready)} ms, painted ${f(noop.painted)} ms (median of 12)`);
  console.log(`facet click, Compare open: ready ${f(facet.ready)} ms, painted ${f(facet.painted)} ms (median of 30, max ${f(facet.max)}); over the no-op: ${f(facet.painted - noop.painted)} ms`);
  console.log(`coverage toggle, Compare open: ready ${f(toggle.ready)} ms, painted ${f(toggle.painted)} ms (median of 12, max ${f(toggle.max)})`);
  // The same facet clicks with Compare closed (map, timeline and list only), for comparison.
  await page.locator('.compare-toggle').click();
  await page.locator('.list').waitFor();
  const closed = await measure('facet');
  console.log(`facet click, Compare closed: ready ${f(closed.ready)} ms, painted ${f(closed.painted)} ms (median of 30); Compare adds ${f(facet.painted - closed.painted)} ms painted, ${f(facet.ready - closed.ready)} ms ready`);
  await page.locator('.compare-toggle').click();
  await page.locator('table.matrix').waitFor();
  console.log(`rows drawn: ${await page.locator('table.matrix tbody tr').count()}, dispute tables: ${await page.locator('table.dispute').count()}, DOM elements: ${await page.evaluate(() => document.querySelectorAll('*').length)}`);
} finally {
  await browser.close();
  server.kill();
}
