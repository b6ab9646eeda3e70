import { test, expect } from '@playwright/test';
import { openApp, shot, listedIds, mapEventCount, eventsOverlapping, CORPUS, N } from './helpers.mjs';

/** Drags across the density strip from fraction a to b of its width. */
async function brush(page, a, b) {
  await page.locator('.timeline .density.all').scrollIntoViewIfNeeded();
  const box = await page.locator('.timeline svg').boundingBox();
  // Just above the strip's baseline (the strip moves down when a crowded day adds lanes).
  const strip = await page.locator('.timeline .density.all').boundingBox();
  const y = strip.y + strip.height - 3;
  await page.mouse.move(box.x + box.width * a, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * ((a + b) / 2), y, { steps: 4 });
  await page.mouse.move(box.x + box.width * b, y, { steps: 4 });
  await page.mouse.up();
}

test('brushing a range filters the map and the list to its events', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  await brush(page, 0.3, 0.5);
  await expect(page).toHaveURL(/t=\d{4}-\d\d-\d\d/);
  await expect(page.locator('.timeline-controls input.from')).not.toHaveValue('');
  const count = Number((await page.locator('.count').innerText()).match(/^(\d+)/)[1]);
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(N);
  expect(await mapEventCount(page)).toBe(count);
  const ids = await listedIds(page);
  expect(ids.length).toBe(count);
  // Exactly the events whose dates overlap the brushed range are listed.
  const [, from, to] = decodeURIComponent(page.url()).match(/t=([\d-T:]+)\.\.([\d-T:]+)/);
  expect(new Set(ids)).toEqual(new Set(eventsOverlapping(from, to)));
  await shot(page, 'timeline-brushed');
  await page.locator('.clear-range').click();
  await expect(page.locator('.count')).toHaveText(`${N} of ${N} events`);
});

test('play sweeps a window through time and marks appear as they happened', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  await page.locator('button.play').click();
  // The button says its state once, in words: "Pause" while playing.
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect(page.locator('button.play')).not.toHaveAttribute('aria-pressed');
  const seen = new Set();
  const ranges = new Set();
  // Watch what the page shows until the window has moved several times and the number of
  // events on the map has changed as it did.
  await expect.poll(async () => {
    ranges.add(new URL(page.url()).hash.match(/t=[^&]*/)?.[0]);
    seen.add(await mapEventCount(page));
    return ranges.size > 3 && seen.size > 1;
  }, { timeout: 20_000, intervals: [100] }).toBe(true);
  await shot(page, 'timeline-playing');
  await page.locator('button.play').click();
  await expect(page.getByRole('button', { name: 'Play through time', exact: true })).toBeVisible();
  // The frames of play are one history entry: Back returns to the view before it.
  await page.goBack();
  await expect(page).not.toHaveURL(/t=/);
  await expect(page.locator('.count')).toHaveText(`${N} of ${N} events`);
});

test('selecting on the timeline opens the panel with Chinese and Russian titles', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  // Zoom the timeline on 5 January 2022, where the Chinese missions' warning is.
  await page.locator('.timeline').focus();
  const mark = page.locator('.tmark[data-event="kz-2022-01-05-chinese-missions-advise-citizens"]');
  await mark.click();
  const panel = page.locator('.panel');
  await expect(panel.locator('h2')).toHaveText('Chinese embassy and consulates issue safety advice to Chinese citizens');
  await expect(panel.locator('.alt-title[lang="zh"]')).toContainText('中国驻哈使领馆提醒中国公民注意安全');
  await expect(panel.locator('.alt-title[lang="ru"]')).toContainText('Посольство');
  await expect(panel.locator('.source .lang-tag').first()).toContainText('中文');
  const link = panel.locator('.source a').first();
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(page.locator('.tmark-halo.selected[data-event="kz-2022-01-05-chinese-missions-advise-citizens"]')).toHaveCount(1);
  await expect(page.locator('.halos .halo.selected')).toHaveCount(1);
  await shot(page, 'timeline-selected-1280');
  await page.setViewportSize({ width: 360, height: 800 });
  await shot(page, 'timeline-selected-360');
  // Next and previous in time by keys.
  await panel.focus();
  await page.keyboard.press('ArrowRight');
  await expect(panel.locator('h2')).not.toHaveText('Chinese embassy and consulates issue safety advice to Chinese citizens');
  await page.keyboard.press('ArrowLeft');
  await expect(panel.locator('h2')).toHaveText('Chinese embassy and consulates issue safety advice to Chinese citizens');
});

test('hovering a timeline mark highlights its map mark', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  await page.locator('.tmark[data-event="kz-2022-01-05-chinese-missions-advise-citizens"]').hover();
  await expect(page.locator('.halos .halo.hovered')).toHaveCount(1);
  const onTimeline = await page.locator('.tmark').evaluateAll((ms) => ms.map((m) => m.dataset.event));
  const singles = await page.locator('.marks circle[data-count="1"]').evaluateAll((cs) => cs.map((c) => c.dataset.event));
  const id = singles.find((s) => onTimeline.includes(s));
  await page.locator(`.marks circle[data-event="${id}"]`).hover();
  await expect(page.locator('.tmark-halo.hovered')).toHaveCount(1);
  await expect(page.locator(`.tmark-halo.hovered[data-event="${id}"]`)).toHaveCount(1);
});

test('with reduced motion, play steps a whole window at a time', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  await page.locator('button.play').click();
  const range = () => decodeURIComponent(new URL(page.url()).hash).match(/t=([^&]+)\.\.([^&]+)/)?.slice(1);
  await expect.poll(range).toBeTruthy();
  const first = range();
  await expect.poll(range, { timeout: 5000 }).not.toEqual(first);
  const second = range();
  // The next window starts where the previous one ended: no sliding animation.
  expect(second[0]).toBe(first[1]);
  await page.locator('button.play').click();
});

test('a date range can be typed instead of brushed', async ({ page }) => {
  await openApp(page);
  await page.locator('.timeline-controls input.from').fill('2022-01-06');
  await page.locator('.timeline-controls input.to').fill('2022-01-07');
  await expect(page).toHaveURL(/t=2022-01-06\.\.2022-01-08/);
  const expected = eventsOverlapping('2022-01-06', '2022-01-08');
  await expect(page.locator('.count')).toHaveText(`${expected.length} of ${N} events`);
  expect(new Set(await listedIds(page))).toEqual(new Set(expected));
  await page.locator('.clear-range').click();
  await expect(page.locator('.timeline-controls input.from')).toHaveValue('');
});

test('selecting an event outside the timeline frame brings it into view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  // The February 2022 event lies outside the default frame (most of January 2022).
  const event = CORPUS.events.find((e) => JSON.stringify(e.date).includes('2022-02'));
  const id = event.id;
  await expect(page.locator(`.tmark[data-event="${id}"]`)).toHaveCount(0);
  // Find it in the list by its title, as a reader would.
  await page.fill('#search-input', event.title.en);
  await page.locator(`.list tr[data-event="${id}"] button.link`).click();
  await expect(page.locator(`.tmark-halo.selected[data-event="${id}"]`)).toHaveCount(1);
});
