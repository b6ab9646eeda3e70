// Every reader, every language: axe with best-practice rules, counts and plurals through
// Intl, the corpus' credits, the map's own frame, focus that never drops to <body>.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openApp, shot, N, CORPUS } from './helpers.mjs';
import { spawn } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';

/** Starts `node serve.mjs PORT ...args` for one test and returns a stopper. */
async function server(port, ...args) {
  const p = spawn('node', ['serve.mjs', String(port), ...args], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    try { await fetch(`http://127.0.0.1:${port}/index.html`); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  return () => p.kill();
}

/** A blog post from another origin holding the explorer (`allow` as given) and the resize script. */
async function blog(page, allow) {
  await openApp(page, '/');
  await page.getByRole('button', { name: 'Share / embed' }).click();
  let snippet = await page.locator('#share-embed').inputValue();
  const script = await page.locator('#share-script').inputValue();
  if (!allow) snippet = snippet.replace(' allow="clipboard-write"', '');
  mkdirSync('.cache/reader-host', { recursive: true });
  writeFileSync('.cache/reader-host/host.html', `<!DOCTYPE html><html><head><meta charset="utf-8"><title>A blog</title>
<style>body{margin:0} .col{max-width:100%;padding:0 10px}</style></head>
<body><div class="col"><h1>My blog</h1>${snippet}<p>After.</p></div>${script}</body></html>`);
  return server(8092, '--mount', '/blog/=.cache/reader-host');
}

const PANEL = '/#e=kz-2022-01-05-chinese-missions-advise-citizens';

async function axe(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(' | ')}`);
}

for (const scheme of ['light', 'dark']) {
  test(`axe with best practices finds nothing, ${scheme}: default view, panel, share dialog`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp(page);
    await expect(page.locator('.count')).toHaveText(`${N} of ${N} events`);
    expect(await axe(page)).toEqual([]);
    await page.goto(PANEL);
    await expect(page.locator('.panel h2')).toBeVisible();
    expect(await axe(page)).toEqual([]);
    await page.locator('.panel .close').click();
    await page.locator('.share-open').click();
    await expect(page.locator('dialog[open]')).toBeVisible();
    expect(await axe(page)).toEqual([]);
  });
}

/** Serves the bundled corpus with only its first `n` events. */
async function corpusOf(page, n) {
  const body = JSON.stringify({ ...CORPUS, events: CORPUS.events.slice(0, n) });
  await page.route('**/corpus.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
}

// A fresh page per corpus: the service worker would answer a reload with the cached file.
for (const [n, text] of [[1, '1 из 1 события'], [5, '5 из 5 событий'], [22, '22 из 22 событий'], [21, '21 из 21 события']]) {
  test(`Russian counts take the plural form of their number: ${n}`, async ({ page }) => {
    await corpusOf(page, n);
    await openApp(page, '/#ui=ru');
    await expect(page.locator('.count')).toHaveText(text);
  });
}

test('edge markers and digit grouping read right in Russian and English', async ({ page }) => {
  await openApp(page, '/#ui=ru');
  const edges = page.locator('.edge circle');
  await expect(edges.first()).toBeVisible();
  for (const c of await edges.all()) {
    const n = Number(await c.getAttribute('data-count'));
    const [d, h] = [n % 10, n % 100];
    const word = d === 1 && h !== 11 ? 'событие' : d >= 2 && d <= 4 && !(h >= 12 && h <= 14) ? 'события' : 'событий';
    await expect(c).toHaveAttribute('aria-label', `${n} ${word} за пределами карты`);
  }
  await page.selectOption('#ui-lang', 'en');
  for (const c of await edges.all()) {
    const n = Number(await c.getAttribute('data-count'));
    await expect(c).toHaveAttribute('aria-label', `${n} ${n === 1 ? 'event' : 'events'} outside the map`);
  }
});

test('dates by the book: genitive months in Russian, long dates in English and Chinese', async ({ page }) => {
  await openApp(page, `${PANEL}&ui=ru`);
  await expect(page.locator('.panel .date')).toHaveText(/^5 января 2022\s*г\.$/);
  await page.goto(`${PANEL}&ui=en`);
  await expect(page.locator('.panel .date')).toHaveText('January 5, 2022');
  await page.goto(`${PANEL}&ui=zh`);
  await expect(page.locator('.panel .date')).toHaveText('2022年1月5日');
  await page.goto(`${PANEL}&ui=kk`);
  await expect(page.locator('.panel .date')).toContainText('5 қаңтар');
  await expect(page.locator('.panel .date')).toContainText('2022');
});

test('language names: each in its own language, with lang, none twice', async ({ page }) => {
  await openApp(page, '/#ui=en');
  const names = page.locator('#facet-languages .name');
  const texts = await names.allTextContents();
  expect(new Set(texts).size).toBe(texts.length);
  const byCode = {};
  for (const el of await page.locator('#facet-languages label.option').all()) {
    byCode[await el.locator('input').getAttribute('data-lang')] = el.locator('.name');
  }
  await expect(byCode.ru).toHaveText('Русский');
  await expect(byCode.ru).toHaveAttribute('lang', 'ru');
  await expect(byCode['zh-Hant']).toHaveAttribute('lang', 'zh-Hant');
  expect(await byCode['zh-Hant'].textContent()).not.toBe(await byCode.zh.textContent());
  await expect(byCode['sr-Latn']).toHaveText(/^Srpski/);
  for (const o of await page.locator('#ui-lang option').all()) {
    await expect(o).toHaveAttribute('lang', await o.getAttribute('value'));
  }
});

test('Kazakh readers get Russian corpus text before English', async ({ page }) => {
  await openApp(page, `${PANEL}&ui=kk`);
  const ev = CORPUS.events.find((e) => e.id === 'kz-2022-01-05-chinese-missions-advise-citizens');
  const expected = ev.title.kk ?? ev.title.ru ?? ev.title.en;
  await expect(page.locator('.panel h2')).toHaveText(expected);
  await expect(page.locator('.panel h2')).toHaveAttribute('lang', ev.title.kk ? 'kk' : 'ru');
});

test('tags and roles read in the interface language, along the fallback chain', async ({ page }) => {
  await openApp(page, '/#e=kz-2022-01-06-almaty-police-dozens-eliminated&ui=ru');
  await expect(page.locator('.panel .type')).toHaveText('насилие · столкновение, жертвы');
  await expect(page.locator('.panel .type .tag-text').first()).toHaveAttribute('lang', 'ru');
  await expect(page.locator('.panel .actors')).toContainText('роль: автор заявления');
  await page.selectOption('#ui-lang', 'zh');
  await expect(page.locator('.panel .type .tag-text')).toHaveText(['冲突', '伤亡']);
  await expect(page.locator('.panel .actors')).toContainText('声称方');
  await page.selectOption('#ui-lang', 'kk');
  await expect(page.locator('.panel .type .tag-text')).toHaveText(['қақтығыс', 'құрбандар']);
  await shot(page, 'panel-tags-kk');
});

test("the corpus' credits show, and the page title is the corpus title", async ({ page }) => {
  await openApp(page, '/#ui=en');
  await expect(page).toHaveTitle(CORPUS.meta.title.en);
  const about = page.locator('header details.about');
  await expect(about.locator('summary')).toHaveText('About this data');
  await about.locator('summary').click();
  await expect(about.locator('.description')).toHaveText(CORPUS.meta.description.en);
  if (CORPUS.meta.license) await expect(about).toContainText(CORPUS.meta.license);
  if (CORPUS.meta.attribution) await expect(about).toContainText(CORPUS.meta.attribution);
  await page.selectOption('#ui-lang', 'ru');
  await expect(page).toHaveTitle(CORPUS.meta.title.ru);
  await expect(about.locator('summary')).toHaveText('Об этих данных');
  // Embedded, the credits are there too.
  await page.goto('/#embed=1');
  await expect(page.locator('header details.about')).toHaveCount(1);
});

test('the map opens on the corpus: Moscow and Beijing are edge markers, India is off the frame', async ({ page }) => {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await openApp(page, '/#ui=en');
    const inFrame = await page.locator('.marks .mark circle').evaluateAll((cs) => cs.reduce((n, c) => n + Number(c.dataset.count), 0));
    const offFrame = await page.locator('.edge circle').evaluateAll((cs) => cs.reduce((n, c) => n + Number(c.dataset.count), 0));
    expect(inFrame + offFrame).toBe(N);
    // Moscow's and Beijing's events (16 in all) wait at the edges, not more than a fifth.
    expect(offFrame).toBeGreaterThanOrEqual(16);
    expect(offFrame).toBeLessThan(N / 3);
    await expect(page.locator('.map .labels text', { hasText: 'India' })).toHaveCount(0);
    if (width >= 1280) await expect(page.locator('.map .labels text', { hasText: 'Almaty' })).toHaveCount(1);
    await shot(page, `reader-frame-${width}`);
  }
});

test('closing the panel returns the map to the frame the reader had', async ({ page }) => {
  await openApp(page, '/#ui=en');
  const before = await page.locator('.map .base').getAttribute('transform');
  const far = CORPUS.events.find((e) => e.place.name.en === 'Washington, D.C.');
  await page.locator('#search-input').fill(far.title.en);
  const row = page.locator(`tr[data-event="${far.id}"] button`);
  await row.click();
  await expect(page.locator('.panel h2')).toBeVisible();
  await expect(page.locator('.map .base')).not.toHaveAttribute('transform', before);
  await page.keyboard.press('Escape');
  await expect(row).toBeFocused();
  await expect(page.locator('.panel')).toHaveCount(0);
  await expect(page.locator('.map .base')).toHaveAttribute('transform', before);
});

test('a big corpus groups its digits', async ({ page }) => {
  const events = [];
  for (let i = 0; i < 1200; i++) events.push({ ...CORPUS.events[i % CORPUS.events.length], id: `copy-${i}` });
  const body = JSON.stringify({ ...CORPUS, events });
  await page.route('**/corpus.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  await openApp(page, '/#ui=en');
  await expect(page.locator('.count')).toHaveText('1,200 of 1,200 events');
  await page.selectOption('#ui-lang', 'ru');
  await expect(page.locator('.count')).toHaveText('1\u00a0200 из 1\u00a0200 событий');
});

test('focus never drops to <body>: Escape from the panel, Clear all, the last page', async ({ page }) => {
  await openApp(page, '/#ui=en');
  // Escape from the panel returns to the list row that opened it.
  const row = page.locator('.list tbody tr').nth(2).locator('button');
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.panel')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('.panel')).toHaveCount(0);
  await expect(page.locator('.list tbody tr').nth(2).locator('button')).toBeFocused();
  // Clear all filters disables itself: focus moves to the filters' heading first.
  await page.locator('#facet-languages input').first().check();
  await page.locator('.clear-all').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.clear-all')).toBeDisabled();
  await expect(page.locator('.filters summary')).toBeFocused();
  // The last page's Next button disables itself: focus moves to Previous.
  await page.locator('.pager .next-page').focus();
  for (let i = 0; i < Math.ceil(N / 25) - 1; i++) await page.keyboard.press('Enter');
  await expect(page.locator('.pager .next-page')).toBeDisabled();
  await expect(page.locator('.pager .prev-page')).toBeFocused();
  const active = await page.evaluate(() => document.activeElement.tagName);
  expect(active).not.toBe('BODY');
});

test('embedded: the page fits a column, the list is one tap away, the dialog opens at its button', async ({ page }) => {
  const stop = await blog(page, true);
  try {
    for (const width of [360, 900]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto('http://127.0.0.1:8092/blog/host.html');
      const frame = page.frameLocator('iframe');
      await expect(frame.locator('.count')).toHaveText(`${N} of ${N} events`, { timeout: 30_000 });
      await expect(frame.locator('.show-list')).toHaveText(`Show the list (${N})`);
      // The resize script grows the frame to the explorer: about its width x 1.2 plus the
      // controls, not thousands of pixels.
      await page.waitForTimeout(500);
      const h = (await page.locator('iframe').boundingBox()).height;
      const w = (await page.locator('iframe').boundingBox()).width;
      console.log(`embedded at ${width} px: frame ${Math.round(w)} x ${Math.round(h)}`);
      expect(h).toBeLessThan(w * 1.2 + 900);
      expect(h).toBeLessThan(2000);
      await shot(page, `reader-embed-${width}`, true);
    }
    const frame = page.frameLocator('iframe');
    await frame.locator('.show-list').click();
    await expect(frame.locator('.list tbody tr').first()).toBeVisible();
    await expect(frame.locator('.list tbody button').first()).toBeFocused();
    // Scrolled down the post, the share dialog opens where the reader is.
    await frame.locator('.share-open').scrollIntoViewIfNeeded();
    await frame.locator('.share-open').click();
    const dialog = frame.locator('dialog.share');
    await expect(dialog).toBeVisible();
    const box = await dialog.boundingBox();
    const viewport = page.viewportSize();
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(viewport.height - 100);
    // The host script told the frame its address: the dialog offers the post's link too.
    await expect(frame.locator('#share-post')).toHaveValue('http://127.0.0.1:8092/blog/host.html');
    const close = await frame.locator('.close-dialog').boundingBox();
    expect(close.y + close.height).toBeLessThanOrEqual(viewport.height + 400);
  } finally {
    stop();
  }
});

test('copy in a frame without clipboard permission says so and selects the text', async ({ page }) => {
  const stop = await blog(page, false);
  try {
    await page.goto('http://127.0.0.1:8092/blog/host.html');
    const frame = page.frameLocator('iframe');
    await expect(frame.locator('.count')).toHaveText(`${N} of ${N} events`, { timeout: 30_000 });
    await frame.locator('.share-open').click();
    await frame.locator('#share-link + button').click();
    await expect(frame.locator('.copy-failed')).toBeVisible();
    await expect(frame.locator('#share-link + button')).toHaveText('Copy');
    await expect(frame.locator('#share-link')).toBeFocused();
    const selected = await page.frames()[1].evaluate(() => {
      const f = document.getElementById('share-link');
      return f.value.slice(f.selectionStart, f.selectionEnd);
    });
    expect(selected).toContain('http://127.0.0.1:8081/');
  } finally {
    stop();
  }
});

test('the live region announces the settled count once, not every keystroke', async ({ page }) => {
  await openApp(page, '/#ui=en');
  const live = page.locator('header [role="status"]');
  const seen = [];
  await page.exposeFunction('heard', (t) => seen.push(t));
  await page.evaluate(() => {
    const el = document.querySelector('header [role="status"]');
    new MutationObserver(() => window.heard(el.textContent)).observe(el, { childList: true, characterData: true, subtree: true });
  });
  await page.locator('#search-input').pressSequentially('almaty', { delay: 60 });
  await expect(live).toHaveText(/ of \d+ events?$/);
  await page.waitForTimeout(1200);
  expect(seen.filter((t) => t.trim()).length).toBe(1);
  await expect(page.locator('.count')).toHaveText(await live.textContent());
});

test('keyboard only: filter, select, step, close, share, and back', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page, '/#ui=en');
  // Filter: tab to the first language checkbox and tick it with Space.
  const box = page.locator('#facet-languages input').first();
  await box.focus();
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
  const count = await page.locator('.count').textContent();
  expect(count).not.toBe(`${N} of ${N} events`);
  // Select: the first row's title button, by Enter; the panel takes focus.
  await page.locator('.list tbody button').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.panel')).toBeFocused();
  const first = await page.locator('.panel h2').textContent();
  // Step: the arrow key moves to the next event.
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.panel h2')).not.toHaveText(first);
  // Close: Escape, and focus is on a list row button, not <body>.
  await page.keyboard.press('Escape');
  await expect(page.locator('.panel')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.activeElement.closest('#event-list') !== null)).toBe(true);
  // Share: the dialog opens from the keyboard and Escape returns focus to its button.
  await page.locator('.share-open').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('dialog.share')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('dialog.share')).toBeHidden();
  await expect(page.locator('.share-open')).toBeFocused();
  // Every focusable thing has a name: no nameless tab stops on the map.
  const nameless = await page.evaluate(() => [...document.querySelectorAll('[tabindex="0"], button, a[href], input, select, textarea')]
    .filter((el) => !el.disabled && el.getAttribute('tabindex') !== '-1')
    .filter((el) => !(el.getAttribute('aria-label') || el.textContent.trim() || el.labels?.length || el.getAttribute('title') || el.getAttribute('aria-labelledby')))
    .map((el) => el.outerHTML.slice(0, 80)));
  expect(nameless).toEqual([]);
});

test('the language menu applies on Enter or blur, not on every arrow key', async ({ page }) => {
  await openApp(page, '/#ui=en');
  const menu = page.locator('#ui-lang');
  await menu.focus();
  await page.keyboard.press('ArrowDown');
  // Browsing the names leaves the interface as it is.
  await expect(page.locator('.count')).toHaveText(`${N} of ${N} events`);
  await page.keyboard.press('Enter');
  await expect(page.locator('.count')).toHaveText(`${N} из ${N} событий`);
  await menu.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.count')).toHaveText(`${N} из ${N} событий`);
  await page.keyboard.press('Tab');
  await expect(page.locator('.count')).toHaveText(`${N} 个事件中的 ${N} 个`);
  // A pointer choice applies at once.
  await page.selectOption('#ui-lang', 'kk');
  await expect(page.locator('.count')).toHaveText(`${N} оқиғаның ${N}`);
});

test('Escape from a cluster list returns to its mark', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page, '/#ui=en');
  const cluster = page.locator('.marks .mark circle:not([data-count="1"])').first();
  await cluster.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.cluster-list li button').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('.cluster-list')).toHaveCount(0);
  await expect(cluster).toBeFocused();
});
