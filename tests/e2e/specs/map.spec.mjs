import { test, expect } from '@playwright/test';
import { openApp, shot, mapEventCount, N } from './helpers.mjs';

test('clicking a mark shows its event, or lists a cluster', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  // Every event is on the map: in a mark or an edge marker, none dropped.
  expect(await mapEventCount(page)).toBe(N);
  await expect(page.locator('.edges circle').first()).toBeVisible();
  const single = page.locator('.marks circle[data-count="1"]').first();
  const label = await single.getAttribute('aria-label');
  await single.click();
  await expect(page.locator('.panel h2')).toBeVisible();
  expect(label).toContain(await page.locator('.panel h2').innerText());
  await expect(page).toHaveURL(/#.*e=/);
  await shot(page, 'map-single-selected');
  const counts = await page.locator('.marks circle').evaluateAll((cs) => cs.map((c) => Number(c.dataset.count)));
  const big = page.locator('.marks circle').nth(counts.findIndex((n) => n > 3));
  const n = Number(await big.getAttribute('data-count'));
  await big.click();
  await expect(page.locator('.cluster-list li')).toHaveCount(Math.min(n, 200));
  await page.locator('.cluster-list li button').first().click();
  await expect(page.locator('.panel h2')).toBeVisible();
  await shot(page, 'map-cluster-list');
});

test('zooming in splits a cluster', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  // Zoom out so that nearby places merge, then zoom with the wheel on the biggest cluster.
  // (The map opens on the corpus' own frame, zoomed in: four steps reach the whole region.)
  for (let i = 0; i < 4; i++) await page.locator('.map-controls').getByRole('button', { name: 'Zoom out' }).click();
  const before = await page.locator('.marks circle').evaluateAll((cs) => cs.map((c) => Number(c.dataset.count)));
  const n = Math.max(...before);
  const biggest = page.locator('.marks circle').nth(before.indexOf(n));
  const box = await biggest.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -300);
  await expect(page).toHaveURL(/m=/);
  // The cluster split: several marks now, none as big as it was, and no event lost.
  const counts = await page.locator('.marks circle').evaluateAll((cs) => cs.map((c) => Number(c.dataset.count)));
  expect(counts.length).toBeGreaterThan(1);
  expect(Math.max(...counts)).toBeLessThan(n);
  expect(await mapEventCount(page)).toBe(N);
  await shot(page, 'map-zoomed');
});

test('the map works by keyboard', async ({ page }) => {
  await openApp(page);
  await page.locator('.map').focus();
  const t0 = await page.locator('.map .base').getAttribute('transform');
  await page.keyboard.press('+');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => page.locator('.map .base').getAttribute('transform')).not.toBe(t0);
  await page.keyboard.press('0');
  await expect.poll(() => page.locator('.map .base').getAttribute('transform')).toBe(t0);
  // A cluster opened by keyboard puts focus in its list; Escape closes it and returns to its mark.
  const counts = await page.locator('.marks circle').evaluateAll((cs) => cs.map((c) => Number(c.dataset.count)));
  await page.locator('.marks circle').nth(counts.findIndex((n) => n > 1)).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => !!document.activeElement.closest('.cluster-list'))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.locator('.cluster-list')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => !!document.activeElement.closest('.marks .mark'))).toBe(true);
  // Tab to a mark and open it with Enter.
  await page.locator('.marks circle[data-count="1"]').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.panel h2')).toBeVisible();
});

test('at 100,000 events the page stays under 3,000 DOM nodes', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page, '/big/');
  await expect(page.locator('.count')).toHaveText('100,000 of 100,000 events', { timeout: 60_000 });
  const count = () => page.evaluate(() => document.getElementsByTagName('*').length);
  expect(await count()).toBeLessThanOrEqual(3000);
  await page.locator('.map-controls').getByRole('button', { name: 'Zoom in' }).click();
  await page.locator('.map-controls').getByRole('button', { name: 'Zoom in' }).click();
  expect(await count()).toBeLessThanOrEqual(3000);
  await page.locator('.marks circle').first().click();
  expect(await count()).toBeLessThanOrEqual(3000);
  await shot(page, 'map-100k');
  console.log(`DOM elements at 100k events: ${await count()}`);
});

/** Two-finger pinch on `selector` with CDP touch events: fingers from `d0` to `d1` px apart. */
async function pinch(page, selector, d0, d1) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  const box = await page.locator(selector).boundingBox();
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  const cdp = await page.context().newCDPSession(page);
  const points = (d) => [{ x: cx - d / 2, y: cy, id: 1 }, { x: cx + d / 2, y: cy, id: 2 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(d0) });
  for (let i = 1; i <= 8; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(d0 + ((d1 - d0) * i) / 8) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

test('pinching zooms the map and the timeline on a touch screen', async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await openApp(page);
  await pinch(page, '.map', 60, 240);
  await expect(page).toHaveURL(/m=[-\d.]+,[-\d.]+,(\d+(\.\d+)?)/);
  const zoom = Number(page.url().match(/m=[-\d.]+,[-\d.]+,([\d.]+)/)[1]);
  expect(zoom).toBeGreaterThan(2);
  const ticks = async () => page.locator('.timeline .tick text').evaluateAll((ts) => ts.map((t) => t.textContent));
  const before = await ticks();
  await pinch(page, '.timeline', 40, 200);
  await expect.poll(ticks).not.toEqual(before);
  await shot(page, 'map-pinched-390');
  await context.close();
});

test('selecting an event outside the frame brings it into view; the legend names the languages', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  // Zoomed on Almaty: Moscow is far outside the frame.
  await openApp(page, '/#m=76.9,43.3,8');
  await expect(page.locator('.map-wrap .legend')).toContainText('中文');
  await page.fill('#search-input', 'Moscow');
  await page.locator('.list tbody tr', { hasText: 'Moscow' }).first().locator('button.link').click();
  await expect(page.locator('.panel h2')).toBeVisible();
  await expect.poll(() => Number(decodeURIComponent(page.url()).match(/m=([-\d.]+),/)[1])).toBeLessThan(40);
  await expect(page.locator('.halos .halo.selected')).toHaveCount(1);
});
