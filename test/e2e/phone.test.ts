import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserForFile, E2E_TEST_TIMEOUT_MS, screenshot, seriousA11yViolations } from './browser.ts';

/** The everyday screens at a phone's width (390 px), in Polish: cards, not tables wider than the screen. */
let page: Page;

browserForFile(
  { locale: 'pl-PL', viewport: { width: 390, height: 800 }, loggedInAt: '/records/company' },
  (started) => {
    page = started.page;
  },
);

/** Nothing on the page is wider than the screen, so nothing scrolls sideways. */
const fitsTheScreen = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('phone width', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('shows a list as cards under a one-row toolbar, with the filter in a sheet', async () => {
    const cards = page.getByRole('list', { name: 'Firmy' });
    await cards.waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await cards.getByRole('listitem').count()).toBeGreaterThan(3);
    // Each card: the title as a link and labelled facts under it.
    const first = cards.getByRole('listitem').first();
    await first.getByRole('link').waitFor();
    expect(await fitsTheScreen()).toBe(true);

    await page.getByRole('button', { name: /^Filtr/ }).click();
    const sheet = page.getByRole('dialog', { name: 'Filtr: Firmy' });
    await sheet.waitFor();
    // The saved views live in the sheet on a phone.
    await sheet.getByRole('button', { name: /Lista standardowa/ }).waitFor();
    await sheet.getByRole('button', { name: 'Gotowe' }).click();
    await sheet.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Więcej działań' }).click();
    await page.getByRole('menuitem', { name: 'Nowa' }).waitFor();
    await page.keyboard.press('Escape');
    // The menu fades out: axe looks once it is gone, not at a half-closed menu.
    await page.getByRole('menu').waitFor({ state: 'hidden' });
    await screenshot(page, 'phone-list');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('shows a record as a card whose related lists are cards too, with no sideways scrolling', async () => {
    const cards = page.getByRole('list', { name: 'Firmy' });
    const title = (await cards.getByRole('link').first().textContent()) ?? '';
    await cards.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('region', { name: 'Kontakt' }).waitFor();
    expect(await fitsTheScreen()).toBe(true);
    await page.getByRole('button', { name: 'Zmień: Miejscowość' }).click();
    await page.getByRole('textbox', { name: 'Miejscowość' }).waitFor();
    expect(await fitsTheScreen()).toBe(true);
    await page.keyboard.press('Escape');
    await screenshot(page, 'phone-card');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
