// Shared helpers: open the app while watching the console and every request, and save a
// screenshot of each scene into screenshots/ (git-ignored) so anyone can see what a test saw.
import { expect } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';

export const SHOTS = new URL('../screenshots/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

/** Saves a screenshot of the page as screenshots/NAME.png. */
export async function shot(page, name, fullPage = false) {
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage });
}

/** Opens `path` and returns the console errors and foreign requests seen so far (live arrays). */
export async function openApp(page, path = '/') {
  const errors = [];
  const foreign = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['127.0.0.1:8081'].includes(u.host) && u.protocol !== 'data:' && u.protocol !== 'blob:') foreign.push(r.url());
  });
  await page.goto(path);
  await expect(page.locator('.layout')).toBeVisible({ timeout: 30_000 });
  return { errors, foreign };
}

/** The event ids listed in the list view (all pages). */
export async function listedIds(page) {
  const ids = [];
  for (;;) {
    ids.push(...await page.locator('.list tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.event)));
    const next = page.locator('.pager button').last();
    if (!(await next.count()) || await next.isDisabled()) break;
    await next.click();
  }
  return ids;
}

/** Number of events the map's marks stand for (clusters count their members). */
export async function mapEventCount(page) {
  return page.locator('.marks .mark circle, .edges circle').evaluateAll((cs) => cs.reduce((n, c) => n + Number(c.dataset.count), 0));
}

const CORPUS = JSON.parse(readFileSync(new URL('../../../public/corpus.json', import.meta.url), 'utf8'));
export { CORPUS };
/** The number of events in the bundled corpus. */
export const N = CORPUS.events.length;

/** [start, end) in ms of a corpus date (string or object) at its own precision. */
export function span(d) {
  if (typeof d === 'string') {
    const [date, time] = d.split('T');
    const [y, m, day] = date.split('-').map(Number);
    const [h, mi] = time ? time.slice(0, 5).split(':').map(Number) : [];
    d = { year: y, month: m, day, hour: h, minute: mi };
  }
  const start = Date.UTC(d.year, (d.month || 1) - 1, d.day || 1, d.hour || 0, d.minute || 0);
  const end = d.hour !== undefined ? start + 60_000
    : d.day ? Date.UTC(d.year, d.month - 1, d.day + 1)
    : d.month ? Date.UTC(d.year, d.month, 1)
    : Date.UTC(d.year + 1, 0, 1);
  return [start, end];
}

/** Ids of the default corpus' events overlapping the ISO range [from, to). */
export function eventsOverlapping(from, to) {
  const [a] = span(from);
  const [b] = span(to);
  return CORPUS.events.filter((e) => {
    const [s, e1] = span(e.date);
    const end = e.end ? Math.max(e1, span(e.end)[1]) : e1;
    return s < b && end > a;
  }).map((e) => e.id);
}
