import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  type BrowserEnv,
  browserForFile,
  CHROMIUM,
  CHROMIUM_ARGS,
  E2E_TEST_TIMEOUT_MS,
  ELEMENT_TIMEOUT_MS,
  logIn,
  screenshot,
  seriousA11yViolations,
} from './browser.ts';

/**
 * Date inputs follow the app's language, not the browser's (issue 12 §8): typed in the
 * language's order, picked from a calendar in that language, stored as YYYY-MM-DD. The full
 * form of a new company has the "next action" date input.
 */
let env: BrowserEnv;
let page: Page;
/** A second browser, in Hungarian, on the same server. */
let hungarian: { context: BrowserContext; page: Page; profile: string } | undefined;

browserForFile({ locale: 'pl-PL' }, (started) => {
  env = started;
  page = started.page;
});

// Runs before the file's browser closes (after-hooks run last-registered first).
afterAll(async () => {
  await hungarian?.context.close().catch(() => undefined);
  if (hungarian) rmSync(hungarian.profile, { recursive: true, force: true });
});

async function openHungarian(): Promise<Page> {
  const profile = mkdtempSync(path.join(tmpdir(), 'kartoteka-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'hu-HU',
    timezoneId: 'Europe/Budapest',
  });
  context.setDefaultTimeout(ELEMENT_TIMEOUT_MS);
  hungarian = { context, profile, page: context.pages()[0] ?? (await context.newPage()) };
  return hungarian.page;
}

const createdId = (url: string) => /\/records\/company\/(\d+)$/.exec(url)?.[1];

describe('date inputs', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('in Polish: dd.mm.rrrr, a typed date is saved as it reads, and the calendar opens', async () => {
    await page.goto(`${env.url}/records/company/new`);
    await logIn(page);
    await page.waitForURL(/\/records\/company\/new$/);
    await page.getByRole('textbox', { name: 'Nazwa', exact: true }).fill('Terminowa Sp. z o.o.');
    const date = page.getByRole('textbox', { name: 'Następna akcja' });
    expect(await date.getAttribute('placeholder')).toBe('dd.mm.rrrr');

    await date.click();
    const calendar = page.locator('[data-dates-dropdown]');
    await calendar.getByRole('button', { name: 'Następny miesiąc' }).waitFor();
    await date.pressSequentially('05.03.2027');
    // The calendar follows what is typed, in Polish.
    await calendar.getByRole('button', { name: 'marzec 2027' }).waitFor();
    await screenshot(page, 'dates-01-polish');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await date.press('Tab');
    await calendar.waitFor({ state: 'hidden' });
    expect(await date.inputValue()).toBe('05.03.2027');

    await page.getByRole('button', { name: 'Utwórz' }).click();
    await page.waitForURL(/\/records\/company\/\d+$/);
    const saved = await apiAs(page, 'GET', `/api/records/company/${createdId(page.url())}`);
    expect(saved.body).toMatchObject({ name: 'Terminowa Sp. z o.o.', next_action_date: '2027-03-05' });
  });

  it('in Polish: a date and time typed in a filter is the instant of that moment in the user’s zone', async () => {
    await page.goto(`${env.url}/records/company`);
    await page.getByRole('table', { name: 'Firmy' }).waitFor();
    await page.getByRole('button', { name: 'Filtr', exact: true }).click();
    const drawer = page.getByRole('dialog', { name: 'Filtr: Firmy' });
    await drawer.getByRole('combobox', { name: 'Pole' }).click();
    await page.getByRole('option', { name: 'Status od', exact: true }).click();
    await drawer.getByRole('combobox', { name: 'Operator' }).click();
    await page.getByRole('option', { name: 'jest po', exact: true }).click();
    const value = drawer.getByRole('textbox', { name: 'Wartość' });
    expect(await value.getAttribute('placeholder')).toBe('dd.mm.rrrr gg:mm');
    await value.pressSequentially('05.03.2027 14:30');
    await value.press('Tab');
    expect(await value.inputValue()).toBe('05.03.2027 14:30');
    // 14:30 in Warsaw in March (UTC+1) is 13:30 UTC; the list's address carries the filter.
    await expect
      .poll(() => decodeURIComponent(page.url()), { timeout: ELEMENT_TIMEOUT_MS })
      .toContain('2027-03-05T13:30:00.000Z');
    await drawer.getByRole('button', { name: 'Gotowe' }).click();
  });

  it('in Hungarian: éééé.hh.nn., and a day picked in the calendar is saved', async () => {
    const hu = await openHungarian();
    await hu.goto(`${env.url}/records/company/new`);
    await logIn(hu);
    await hu.waitForURL(/\/records\/company\/new$/);
    await hu.getByRole('textbox', { name: 'Név', exact: true }).fill('Határidős Kft.');
    const date = hu.getByRole('textbox', { name: 'Következő teendő' });
    expect(await date.getAttribute('placeholder')).toBe('éééé.hh.nn.');

    await date.pressSequentially('2027.03.05.');
    const calendar = hu.locator('[data-dates-dropdown]');
    // Day names in Hungarian; picking one replaces the typed day and closes the calendar.
    await calendar.getByRole('button', { name: '12 március 2027' }).click();
    await calendar.waitFor({ state: 'hidden' });
    expect(await date.inputValue()).toBe('2027.03.12.');
    await screenshot(hu, 'dates-02-hungarian');

    await hu.getByRole('button', { name: 'Létrehozás' }).click();
    await hu.waitForURL(/\/records\/company\/\d+$/);
    const saved = await apiAs(hu, 'GET', `/api/records/company/${createdId(hu.url())}`);
    expect(saved.body).toMatchObject({ name: 'Határidős Kft.', next_action_date: '2027-03-12' });
  });
});
