// Every reader, every language: axe with best-practice rules, counts and plurals through
// Intl, the corpus' credits, the map's own frame, focus that never drops to <body>.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openApp, shot, N, CORPUS } from './helpers.mjs';

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
    await page.locator('header .tools button').first().click();
    await expect(page.locator('dialog[open]')).toBeVisible();
    expect(await axe(page)).toEqual([]);
  });
}
