// Browser benchmark: input to painted frame after a facet click, at 100,000 events, in
// headless Chromium. Prints figures; asserts nothing. Run with `make bench-browser`
// after `make build` (it generates the corpus like the end-to-end setup does).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import setup from './global-setup.mjs';

setup();
const server = spawn('node', ['serve.mjs', '8082', '--mount', '/big/=.cache/big'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const t0 = Date.now();
  await page.goto('http://127.0.0.1:8082/big/');
  await page.locator('.count').filter({ hasText: '100000 of 100000' }).waitFor({ timeout: 120_000 });
  console.log(`load, parse and first render of 100,000 events: ${Date.now() - t0} ms`);
  // Two figures per input. "ready": from the input to the new frame being ready to paint
  // (all reactive updates run, style and layout done), which must fit in one 16.7 ms frame.
  // "painted": until the next animation frame has run, which also waits for the display's
  // next vsync (a floor of about one frame, 16.7 ms at 60 Hz, even for an input doing nothing).
  const measure = (kind) => page.evaluate(async (kind) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const task = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
    const boxes = [...document.querySelectorAll('input[data-actor]')].slice(0, 6);
    const input = document.querySelector('#search-input');
    const ready = [], painted = [];
    const steps = kind === 'facet' ? 30 : 12;
    for (let i = 0; i < steps; i++) {
      await frame();
      const t = performance.now();
      if (kind === 'facet') boxes[i % boxes.length].click();
      else if (kind === 'noop') document.title = `t${i}`;
      else { input.value = 'almaty'.slice(0, (i % 6) + 1); input.dispatchEvent(new Event('input', { bubbles: true })); }
      await task();
      document.body.getBoundingClientRect(); // style and layout
      ready.push(performance.now() - t);
      await frame();
      painted.push(performance.now() - t);
    }
    const med = (v) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)];
    const max = (v) => Math.max(...v);
    return { ready: med(ready), readyMax: max(ready), painted: med(painted) };
  }, kind);
  const f = (x) => x.toFixed(1);
  const noop = await measure('noop');
  const facet = await measure('facet');
  const typing = await measure('typing');
  console.log(`baseline (an input that changes nothing): ready ${f(noop.ready)} ms, painted ${f(noop.painted)} ms (median)`);
  console.log(`facet click at 100,000 events: ready ${f(facet.ready)} ms (max ${f(facet.readyMax)}), painted ${f(facet.painted)} ms (median of 30)`);
  console.log(`search keystroke at 100,000 events: ready ${f(typing.ready)} ms (max ${f(typing.readyMax)}), painted ${f(typing.painted)} ms (median of 12)`);
} finally {
  await browser.close();
  server.kill();
}
