// The Compare view: disputes side by side, coverage by source language, first reports,
// reachable from a fresh page by one named control and carried by the shareable link.
import { test, expect } from '@playwright/test';
import { openApp, shot, CORPUS } from './helpers.mjs';

const TROOPS = [
  ['kz-2022-01-chinese-media-2500-paratroopers', '2,500', 'Chinese media', '中文'],
  ['kz-2022-01-10-tokayev-2030-troops', '2,030', 'Tokayev', 'Русский'],
  ['kz-2022-01-16-sputnik-csto-3600', '3,600', 'Sputnik', 'English'],
];

async function seeTroopDispute(page) {
  const table = page.locator('table.dispute[data-question="csto-troop-numbers"]');
  // The question names the table (aria-labelledby), for screen readers too.
  await expect(page.getByRole('table', { name: 'How many troops did the CSTO send to Kazakhstan?' })).toHaveAttribute('data-question', 'csto-troop-numbers');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  // Side by side, in date order, each with its claimant and language.
  for (const [k, [id, figure, who, lang]] of TROOPS.entries()) {
    const row = table.locator('tbody tr').nth(k);
    await expect(row).toHaveAttribute('data-event', id);
    await expect(row.locator('th.answer')).toContainText(figure);
    await expect(row.locator('td.claimant')).toContainText(who);
    await expect(row.locator('td.langs')).toContainText(lang);
    await expect(row.locator('td.status')).toHaveText('disputed');
  }
  // Outlets with the original headline and its translation.
  await expect(table.locator('tbody tr').first().locator('td.outlets q').first()).toHaveText('2500名俄军到哈平叛 "战斗民族"怎么打?');
  await expect(table.locator('tbody tr').first().locator('td.outlets .translation').first()).toContainText('2500 Russian troops to Kazakhstan');
}

test('one click from a fresh page shows the troop figures side by side; the copied link reopens the same view', async ({ page, context }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const { errors, foreign } = await openApp(page);
  const toggle = page.getByRole('button', { name: 'Compare', exact: true });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('#compare-title')).toBeInViewport();
  // Compare takes the list's place.
  await expect(page.locator('.list')).toHaveCount(0);
  await seeTroopDispute(page);
  // Disputes are sorted by the date of their first answer.
  const firsts = await page.locator('table.dispute').evaluateAll((ts) => ts.map((t) => t.dataset.question));
  expect(firsts.slice(0, 2)).toEqual(['us-funding-kz-ngos', 'who-was-behind-the-unrest']);
  expect(firsts).toHaveLength(6);
  await expect(page).toHaveURL(/view=compare/);
  await shot(page, 'compare-1280');

  // The share dialog's link, opened afresh and reloaded, shows the same view.
  await page.locator('.share-open').click();
  const link = await page.locator('#share-link').inputValue();
  expect(link).toContain('view=compare');
  const fresh = await context.newPage();
  await fresh.setViewportSize({ width: 1280, height: 900 });
  await openApp(fresh, link.replace('http://127.0.0.1:8081', ''));
  await expect(fresh.getByRole('button', { name: 'Compare', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await seeTroopDispute(fresh);
  await fresh.reload();
  await seeTroopDispute(fresh);
  // Back to the list with the same control.
  await fresh.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(fresh.locator('.list')).toBeVisible();
  await expect(fresh.locator('.compare')).toHaveCount(0);
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
});

test('choosing an answer opens its panel with the other answers; rows light up the map and timeline', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page, '/#view=compare');
  const row = page.locator('table.dispute[data-question="csto-troop-numbers"] tbody tr').nth(1);
  await row.hover();
  await expect(row).toHaveClass(/hovered/);
  // The map and timeline draw the hovered event's halo.
  await expect(page.locator('.tmark-halo')).not.toHaveCount(0);
  await row.locator('button').click();
  await expect(page.locator('.panel h2')).toHaveText('Tokayev puts the CSTO deployment at 2,030 troops');
  await expect(page).toHaveURL(/e=kz-2022-01-10-tokayev-2030-troops/);
  const others = page.locator('.panel .other-answers li');
  await expect(others).toHaveCount(2);
  await expect(others.nth(0)).toContainText('about 2,500');
  await expect(others.nth(1)).toContainText('3,600');
  await others.nth(1).locator('button').click();
  await expect(page.locator('.panel h2')).toHaveText('Sputnik puts the CSTO contingent at 3,600 personnel');
  await expect(page.locator('table.dispute tr.selected')).toHaveAttribute('data-event', 'kz-2022-01-16-sputnik-csto-3600');
});

test('the coverage matrix follows the language filter, totals each column and keeps only partly covered events on request', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page, '/#view=compare');
  for (const l of ['zh', 'ru', 'en']) await page.locator(`input[data-lang="${l}"]`).check();
  const matrix = page.locator('table.matrix');
  await expect(matrix.locator('thead th')).toHaveText(['Event', 'English', 'Русский', '中文']);
  const count = Number((await page.locator('.count').innerText()).split(' ')[0]);
  // Every matching event is a row (first page of 15), and the totals count the covered cells.
  await expect(matrix.locator('caption')).toContainText(`of ${count}`);
  const rows = matrix.locator('tbody tr');
  await expect(rows).toHaveCount(Math.min(15, count));
  const zhRow = matrix.locator('tbody tr[data-event="kz-2022-01-chinese-media-2500-paratroopers"]');
  // The row is on a later page: page until it shows.
  while (!(await zhRow.count())) await page.locator('.coverage .pager button').last().click();
  await expect(zhRow.locator('td').nth(2)).toContainText('✓');
  await expect(zhRow.locator('td').nth(1)).toHaveClass(/none/);
  await expect(zhRow.locator('td').nth(1)).toHaveText('not covered');
  // "Only some languages": every row lacks one of the three and has another.
  await page.getByRole('button', { name: 'Covered by only some languages' }).click();
  await expect(page).toHaveURL(/cov=some/);
  const partial = Number((await matrix.locator('caption').innerText()).match(/of (\d+)/)[1]);
  expect(partial).toBeGreaterThan(0);
  expect(partial).toBeLessThan(count);
  const cells = await matrix.locator('tbody tr').evaluateAll((rs) => rs.map((r) => [...r.querySelectorAll('td')].map((td) => td.classList.contains('yes'))));
  for (const c of cells) {
    expect(c).toContain(true);
    expect(c).toContain(false);
  }
  // Totals: one per language, each at most the number of rows.
  const totals = await matrix.locator('tfoot td .n').allInnerTexts();
  expect(totals).toHaveLength(3);
  for (const t of totals) expect(Number(t)).toBeLessThanOrEqual(partial);
  // First reports: a lane per language, marks with a date title.
  await expect(page.locator('.first-reports .lane:not(.axis)')).toHaveCount(3);
  await expect(page.locator('.first-reports .mark').first()).toHaveAttribute('title', /\d{4}/);
  await shot(page, 'compare-coverage-1280');
});

test('Compare works by keyboard, fits 320 px without page scroll, and speaks Russian', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await openApp(page, '/#ui=ru');
  const toggle = page.getByRole('button', { name: 'Сравнение', exact: true });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#compare-title')).toHaveText('Сравнение');
  // The skip link now leads to Compare.
  await expect(page.locator('.skip-link')).toHaveAttribute('href', '#compare-view');
  await expect(page.locator('.skip-link')).toHaveText('Перейти к сравнению');
  await expect(page.locator('table.dispute').first().locator('thead th').first()).toHaveText('Ответ');
  await expect(page.locator('#question-csto-troop-numbers')).toContainText('Сколько военных ОДКБ');
  await expect(page.locator('table.dispute[data-question="csto-troop-numbers"] th.answer').first()).toContainText('около 2500');
  // The tables scroll within themselves; the page never scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  // A row's button takes focus and Enter opens the event.
  const button = page.locator('table.dispute[data-question="csto-troop-numbers"] tbody tr').nth(2).locator('button');
  await button.focus();
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/e=kz-2022-01-16-sputnik-csto-3600/);
  await shot(page, 'compare-320-ru', true);
});

for (const scheme of ['light', 'dark']) {
  for (const width of [360, 1280]) {
    test(`screenshot: Compare at ${width} px, ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height: 900 });
      const { errors } = await openApp(page, '/#view=compare');
      await page.locator('#compare-title').scrollIntoViewIfNeeded();
      await expect(page.locator('table.dispute')).toHaveCount(6);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.evaluate(() => document.querySelector('#compare-title').scrollIntoView());
      await shot(page, `compare-${width}-${scheme}`);
      expect(errors).toEqual([]);
    });
  }
}

test('Compare prints its tables without the map and controls', async ({ page }) => {
  await openApp(page, '/#view=compare');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.views')).toBeHidden();
  await expect(page.locator('.compare .pager')).toBeHidden();
  await expect(page.locator('table.dispute').first()).toBeVisible();
  await expect(page.locator('table.matrix')).toBeVisible();
});

test('at 100,000 events Compare pages its questions and rows and stays under 3,000 DOM nodes', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const { errors } = await openApp(page, '/big/#view=compare');
  await expect(page.locator('.count')).toHaveText('100,000 of 100,000 events', { timeout: 60_000 });
  await expect(page.locator('table.matrix tbody tr')).toHaveCount(15);
  // The generated corpus has 40 questions with hundreds of answers each: a page of 6, 8 answers each.
  await expect(page.locator('table.dispute')).toHaveCount(6);
  await expect(page.locator('table.dispute').first().locator('tbody tr')).toHaveCount(8);
  await expect(page.locator('.disputes .more').first()).toContainText('later answers are not shown');
  const count = () => page.evaluate(() => document.getElementsByTagName('*').length);
  expect(await count()).toBeLessThanOrEqual(3000);
  // A filter and the next pages keep it small.
  await page.locator('input[data-actor]').first().check();
  await page.locator('.coverage .pager button').last().click();
  await page.locator('.disputes .pager button').last().click();
  await expect(page.locator('table.matrix tbody tr')).toHaveCount(15);
  expect(await count()).toBeLessThanOrEqual(3000);
  await shot(page, 'compare-100k');
  expect(errors).toEqual([]);
});

test('in Russian, Compare writes dates in the genitive and names languages in their own words', async ({ page }) => {
  await openApp(page, '/#view=compare&ui=ru');
  const row = page.locator('table.dispute[data-question="csto-troop-numbers"] tbody tr').nth(1);
  await expect(row.locator('td.date')).toHaveText(/^10 января 2022\s*г\.$/);
  await expect(row.locator('td.langs span[lang="ru"]')).toHaveText('Русский');
  await expect(page.locator('table.matrix thead th[lang="zh"]')).toHaveText('中文');
  await shot(page, 'compare-ru');
});

test('in Russian, Compare groups a count past a thousand', async ({ page }) => {
  const events = [];
  for (let i = 0; i < 1200; i++) events.push({ ...CORPUS.events[i % CORPUS.events.length], id: `copy-${i}` });
  const body = JSON.stringify({ ...CORPUS, events });
  await page.route('**/corpus.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  await openApp(page, '/#view=compare&ui=ru');
  await expect(page.locator('table.matrix caption')).toContainText('1–15 из 1\u00a0200');
});
