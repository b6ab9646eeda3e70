import { test, expect } from '@playwright/test';
import { openApp, shot, listedIds, mapEventCount, CORPUS, N } from './helpers.mjs';

const langOf = Object.fromEntries(CORPUS.sources.map((s) => [s.id, s.lang]));
const involves = (e, actor) => e.actors?.some((a) => a.id === actor) || e.claim?.claimant === actor;
const inLang = (e, lang) => e.sources.some((s) => langOf[s] === lang);

test('actor Russia and language Chinese show exactly the matching events everywhere', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  const expected = CORPUS.events.filter((e) => involves(e, 'russia') && inLang(e, 'zh')).map((e) => e.id);
  expect(expected.length).toBeGreaterThan(1);
  await page.locator('input[data-actor="russia"]').check();
  await page.locator('input[data-lang="zh"]').check();
  await expect(page.locator('.count')).toHaveText(`${expected.length} of ${N} events`);
  expect(new Set(await listedIds(page))).toEqual(new Set(expected));
  expect(await mapEventCount(page)).toBe(expected.length);
  // The timeline draws a mark for each matching event in its frame, and for no other.
  const hit = await page.locator('.tmark:not(.out)').evaluateAll((ms) => ms.map((m) => m.dataset.event));
  expect(hit.length).toBeGreaterThan(0);
  for (const id of hit) expect(expected).toContain(id);
  expect(await page.locator('.tmark.out').count()).toBe(0);
  // Live counts: the language facet counts Russia's events per language.
  const ruCount = CORPUS.events.filter((e) => involves(e, 'russia') && inLang(e, 'en')).length;
  await expect(page.locator('label:has(input[data-lang="en"]) .n')).toHaveText(String(ruCount));
  await shot(page, 'filters-russia-chinese');
});

test('all-together mode asks for events with Russia and China both', async ({ page }) => {
  await openApp(page);
  await page.locator('input[data-actor="russia"]').check();
  await page.locator('input[data-actor="china"]').check();
  const any = CORPUS.events.filter((e) => involves(e, 'russia') || involves(e, 'china')).length;
  await expect(page.locator('.count')).toHaveText(`${any} of ${N} events`);
  await page.locator('#facet-actors .switch input').check();
  const both = CORPUS.events.filter((e) => involves(e, 'russia') && involves(e, 'china')).length;
  await expect(page.locator('.count')).toHaveText(`${both} of ${N} events`);
  await page.getByRole('button', { name: 'Clear all filters' }).click();
  await expect(page.locator('.count')).toHaveText(`${N} of ${N} events`);
});

test('search matches Chinese, Russian and English text', async ({ page }) => {
  await openApp(page);
  const count = async () => Number((await page.locator('.count').innerText()).match(/^(\d+)/)[1]);
  let before = await count();
  for (const [q, min] of [['枪支', 1], ['АКИМАТ', 1], ['almaty', 5], ['no such thing anywhere', 0]]) {
    const shown = await page.locator('.count').innerText();
    await page.fill('#search-input', q);
    // Read the count once the page has answered this query (it changes with each one here).
    await expect(page.locator('.count')).not.toHaveText(shown);
    const n = await count();
    if (min === 0) expect(n).toBe(0); else expect(n).toBeGreaterThanOrEqual(min);
    expect(n).not.toBe(before);
    before = n;
  }
  await expect(page.locator('.list .empty')).toBeVisible();
});

test('a link reproduces the view; back and forward step through changes', async ({ page, context }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  await page.locator('input[data-actor="russia"]').check();
  await page.locator('input[data-lang="zh"]').check();
  await page.fill('#search-input', 'troops');
  await page.locator('.map-controls').getByRole('button', { name: 'Zoom in' }).click();
  await page.locator('.list button.link').first().click();
  await expect(page.locator('.panel h2')).toBeVisible();
  const url = page.url();
  const title = await page.locator('.panel h2').innerText();
  const count = await page.locator('.count').innerText();
  const transform = await page.locator('.map .base').getAttribute('transform');

  const fresh = await context.newPage();
  await fresh.setViewportSize({ width: 1280, height: 900 });
  await openApp(fresh, url.replace('http://127.0.0.1:8081', ''));
  await expect(fresh.locator('.count')).toHaveText(count);
  await expect(fresh.locator('.panel h2')).toHaveText(title);
  await expect(fresh.locator('#search-input')).toHaveValue('troops');
  await expect(fresh.locator('input[data-actor="russia"]')).toBeChecked();
  // The same viewport, up to the URL's rounding (a thousandth of a degree).
  const nums = (t) => t.match(/-?[\d.]+/g).map(Number);
  const got = nums(await fresh.locator('.map .base').getAttribute('transform'));
  nums(transform).forEach((v, i) => expect(Math.abs(v - got[i])).toBeLessThan(0.5));
  await shot(fresh, 'filters-shared-link');

  // Back: the selection goes, then the language, then the actor.
  await page.goBack();
  await expect(page.locator('.panel')).toHaveCount(0);
  await page.goBack();
  await expect(page.locator('input[data-lang="zh"]')).not.toBeChecked();
  await expect(page.locator('input[data-actor="russia"]')).toBeChecked();
  await page.goForward();
  await expect(page.locator('input[data-lang="zh"]')).toBeChecked();
  // A reload loses nothing.
  await page.reload();
  await expect(page.locator('input[data-lang="zh"]')).toBeChecked();
});

test('stale values in a link are dropped with a quiet notice', async ({ page }) => {
  const { errors } = await openApp(page, '/#a=russia,atlantis&l=xx&t=2022-02-30..2022-03-01&e=nope&m=1,2');
  await expect(page.locator('.notice')).toContainText('atlantis');
  await expect(page.locator('.notice')).toContainText('t=2022-02-30');
  await expect(page.locator('input[data-actor="russia"]')).toBeChecked();
  const n = CORPUS.events.filter((e) => involves(e, 'russia')).length;
  await expect(page.locator('.count')).toHaveText(`${n} of ${N} events`);
  expect(errors).toEqual([]);
});
