import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/shared/text/fold.ts';
import {
  ADMIN_PASSWORD,
  apiAs,
  type BrowserEnv,
  browserForFile,
  E2E_TEST_TIMEOUT_MS,
  ELEMENT_TIMEOUT_MS,
  logIn,
  screenshot,
  seriousA11yViolations,
} from './browser.ts';

/**
 * The web app in a real browser, against the built app and the real server on a fresh
 * database with the demo data. The steps build on each other, as a user's session would.
 */
let env: BrowserEnv;
let page: Page;

browserForFile({}, (started) => {
  env = started;
  page = started.page;
});

/** Waits for a value in the page; generous, since the two-core machine may be busy. */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: ELEMENT_TIMEOUT_MS });

const firstColumn = () =>
  page
    .locator('tbody tr td:nth-child(2)')
    .evaluateAll((cells) => cells.slice(0, 5).map((c) => c.textContent ?? ''));

describe('serving the built app', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('serves index.html for client routes, hashed assets with long caching, and JSON 404s under /api', async () => {
    const index = await fetch(`${env.url}/records/company/1`);
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const script = await fetch(`${env.url}${asset}`, { headers: { 'accept-encoding': 'br' } });
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(script.headers.get('content-encoding')).toBe('br');
    const missing = await fetch(`${env.url}/api/no-such-route`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect((await fetch(`${env.url}/assets/no-such-file.js`)).status).toBe(404);
  });
});

describe('web app', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('asks for a login, rejects a wrong password without saying why, and returns where the user was', async () => {
    await page.goto(`${env.url}/records/company`);
    await page.waitForURL(/\/login\?next=%2Frecords%2Fcompany$/);
    await screenshot(page, '01-login');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await logIn(page, 'not-the-password');
    await eventually(() => page.getByRole('alert').textContent()).toBe('Wrong login or password.');
    await logIn(page, ADMIN_PASSWORD);
    await page.waitForURL(`${env.url}/records/company`);
    await page.getByRole('table', { name: 'Companies' }).waitFor();
  });

  it('lists clients and sorts them by name from the header', async () => {
    await page.getByRole('link', { name: 'People' }).click();
    await page.getByRole('table', { name: 'People' }).waitFor();
    await page.getByRole('link', { name: 'Companies' }).click();
    await page.getByRole('table', { name: 'Companies' }).waitFor();
    await screenshot(page, '02-clients');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const expected = async (direction: 'asc' | 'desc') => {
      const response = await apiAs(page, 'POST', '/api/records/company/query', {
        sort: [{ field: 'name', direction }],
        fields: ['name'],
        limit: 5,
        locale: 'en',
      });
      return (response.body as { items: Array<{ name: string }> }).items.map((row) => row.name);
    };
    // Clients are sorted by name to begin with, and the header says so.
    const nameHeader = page.getByRole('columnheader', { name: 'Name' });
    await eventually(() => nameHeader.getAttribute('aria-sort')).toBe('ascending');
    await eventually(firstColumn).toEqual(await expected('asc'));
    await nameHeader.getByRole('button').click();
    await eventually(() => nameHeader.getAttribute('aria-sort')).toBe('descending');
    await eventually(firstColumn).toEqual(await expected('desc'));
    expect(page.url()).toContain('sort=-name');
    await nameHeader.getByRole('button').click();
    await eventually(() => nameHeader.getAttribute('aria-sort')).toBe('ascending');
    await eventually(firstColumn).toEqual(await expected('asc'));
    await nameHeader.getByRole('button').click();
    await screenshot(page, '03-clients-sorted');
  });

  it('loads the next page through the cursor as the user scrolls', async () => {
    await page.getByRole('link', { name: 'People' }).click();
    // The clients list says "100 records loaded" too: only the people's table is the one to scroll.
    await page.getByRole('table', { name: 'People' }).waitFor();
    const status = page.getByText(/records loaded; more load as you scroll/);
    await eventually(() => status.textContent()).toContain('100 records');
    // Only the rows in view are in the DOM, however many are loaded.
    expect(await page.locator('tbody tr').count()).toBeLessThan(60);
    await page.locator('tbody').evaluate((body) => body.closest('table')?.parentElement?.scrollTo(0, 1e7));
    await eventually(() => status.textContent()).toContain('200 records');
    await page.getByRole('link', { name: 'Companies' }).click();
    await page.getByRole('table', { name: 'Companies' }).waitFor();
  });

  it('opens a company as a card, changes a value where it stands; the history shows the change', async () => {
    const name = (await firstColumn())[0] ?? '';
    await page.getByRole('link', { name, exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const id = /\/records\/company\/(\d+)/.exec(page.url())?.[1];
    // The card shows values, not inputs, until one is edited.
    expect(await page.getByRole('textbox', { name: 'City' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Change: City' }).click();
    const city = page.getByRole('textbox', { name: 'City' });
    await city.fill('Łódź Bałuty');
    await city.press('Enter');
    await city.waitFor({ state: 'detached' });
    await page.getByText('Łódź Bałuty').first().waitFor();
    const saved = await apiAs(page, 'GET', `/api/records/company/${id}`);
    expect(saved.body).toMatchObject({ city: 'Łódź Bałuty', version: 2 });
    await screenshot(page, '04-company-saved');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByText('Changed by admin').waitFor();
    await page.getByText('Łódź Bałuty').first().waitFor();
    await page.getByRole('tab', { name: 'Details' }).click();
  });

  it("shows the server's validation message at the value, and Esc gives the edit up", async () => {
    await page.getByRole('button', { name: 'Change: E-mail' }).click();
    const email = page.getByRole('textbox', { name: 'E-mail' });
    await email.fill('not an address');
    await email.press('Enter');
    await page.getByText('Enter an e-mail address, e.g. name@example.com.').waitFor();
    await email.press('Escape');
    await email.waitFor({ state: 'detached' });
  });

  it('keeps both versions when someone else saved meanwhile, and saves the chosen one', async () => {
    const id = /\/records\/company\/(\d+)/.exec(page.url())?.[1];
    await page.getByRole('button', { name: 'Change: Postal code' }).click();
    await page.getByRole('textbox', { name: 'Postal code' }).fill('90-001');
    const other = await env.context.newPage();
    await other.goto(page.url());
    await other.getByRole('button', { name: 'Change: Postal code' }).click();
    await other.getByRole('textbox', { name: 'Postal code' }).fill('91-002');
    await other.getByRole('textbox', { name: 'Postal code' }).press('Enter');
    await eventually(
      async () => (await apiAs(other, 'GET', `/api/records/company/${id}`)).body,
    ).toMatchObject({
      postal_code: '91-002',
    });
    await other.close();

    await page.getByRole('textbox', { name: 'Postal code' }).press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Someone else changed this record' });
    await dialog.waitFor();
    await dialog.getByText('90-001').waitFor();
    await dialog.getByText('91-002').waitFor();
    await screenshot(page, '05-conflict');
    await dialog.getByRole('button', { name: 'Save my choices' }).click();
    await eventually(async () => (await apiAs(page, 'GET', `/api/records/company/${id}`)).body).toMatchObject(
      { postal_code: '90-001', version: 4 },
    );
    await page.getByRole('textbox', { name: 'Postal code' }).waitFor({ state: 'detached' });
  });

  it('brings the user back with their unsaved edit in the full form after the session is lost', async () => {
    const recordUrl = page.url();
    await page.getByRole('button', { name: 'Edit all fields' }).click();
    // The edit sets off a duplicate check; it is answered before the session goes, so the Save
    // is the request that finds it gone. (Racing the two left a click waiting that landed on
    // the restored form after the login and saved it.)
    const duplicateCheck = page.waitForResponse(
      (response) => response.url().endsWith('/duplicates') && response.request().method() === 'POST',
    );
    await page.getByRole('textbox', { name: 'Short name' }).fill('Kept after login');
    await duplicateCheck;
    await env.context.clearCookies();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/login\?next=/);
    await logIn(page);
    await page.waitForURL(recordUrl);
    await page.getByText('Your unsaved changes from before have been restored.').waitFor();
    expect(await page.getByRole('textbox', { name: 'Short name' }).inputValue()).toBe('Kept after login');
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await page.getByRole('button', { name: 'Back to the card' }).click();
  });

  it('switches to Polish and Hungarian and shows translated screens', async () => {
    await page.goto(`${env.url}/records/person`);
    await page.getByRole('table', { name: 'People' }).waitFor();
    const switchTo = async (current: RegExp, language: string) => {
      await page.getByRole('button', { name: current }).click();
      await page.getByRole('menuitemradio', { name: language }).click();
    };
    await switchTo(/User menu/, 'Polski');
    await page.getByRole('link', { name: 'Firmy' }).waitFor();
    await page.getByRole('table', { name: 'Osoby' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('pl');
    await screenshot(page, '06-polish');

    await switchTo(/Menu użytkownika/, 'Magyar');
    await page.getByRole('link', { name: 'Cégek' }).waitFor();
    await page.getByRole('table', { name: 'Személyek' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('hu');
    await screenshot(page, '07-hungarian');
    // The choice is the user's setting on the server too.
    expect((await apiAs(page, 'GET', '/api/auth/me')).body).toMatchObject({ user: { locale: 'hu' } });

    await switchTo(/Felhasználói menü/, 'English');
    await page.getByRole('link', { name: 'Companies' }).waitFor();
  });

  it('finds a record with Ctrl+K and opens it', async () => {
    await page.keyboard.press('Control+K');
    const search = page.getByRole('textbox', { name: 'Search records' });
    await search.waitFor();
    // Accent-insensitive: "lodz" marks "Łódź" in the titles and labelled facts of the hits.
    await search.fill('lodz');
    await page.locator('.mantine-Spotlight-action').first().waitFor();
    const marks = await page.locator('.mantine-Spotlight-actionsList mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.filter((mark) => foldText(mark) !== 'lodz')).toEqual([]);
    await search.fill('kowal');
    const first = page.locator('.mantine-Spotlight-action').first();
    await eventually(async () =>
      foldText((await first.locator('[data-hit-title] mark').first().textContent()) ?? ''),
    ).toBe('kowal');
    const title = (await first.locator('[data-hit-title]').textContent()) ?? '';
    // Under the name, what tells same-named records apart (a person's company, a company's city), labelled.
    const facts = page.locator('.mantine-Spotlight-action [data-hit-facts]').first();
    expect(await facts.textContent()).toMatch(/^[^:]+: \S/);
    await screenshot(page, '08-search');
    await search.press('ArrowDown');
    await search.press('Enter');
    await page.waitForURL(/\/records\/(person|company|employee)\/\d+$/);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  });

  it('shows all results of the palette on a page, a section per object', async () => {
    await page.keyboard.press('Control+K');
    const search = page.getByRole('textbox', { name: 'Search records' });
    await search.fill('kowal');
    const showAll = page.locator('[data-search-all]');
    await showAll.waitFor();
    const total = Number(
      ((await showAll.textContent()) ?? '').match(/Show all ([\d,]+) results/)?.[1]?.replace(/,/g, ''),
    );
    expect(total).toBeGreaterThan(0);
    await showAll.click();
    await page.waitForURL(/\/search\?q=kowal$/);
    await page.getByRole('heading', { level: 1, name: 'Results for “kowal”' }).waitFor();
    const people = page.getByRole('region', { name: /^People \([\d,]+\)$/ });
    await people.waitFor();
    const link = people.getByRole('link').first();
    expect(foldText((await link.locator('mark').first().textContent()) ?? '')).toBe('kowal');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '08b-search-page');
    const name = (await link.textContent()) ?? '';
    await link.click();
    await page.waitForURL(/\/records\/person\/\d+$/);
    await page.getByRole('heading', { level: 1, name }).waitFor();
  });

  it('works at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    try {
      await page.goto(`${env.url}/records/company`);
      // A phone gets cards instead of a table (test/e2e/phone.test.ts has the details).
      await page.getByRole('list', { name: 'Companies' }).waitFor();
      await page.getByRole('button', { name: 'Open the menu' }).click();
      await page.getByRole('link', { name: 'Employees' }).click();
      await page.getByRole('list', { name: 'Employees' }).waitFor();
      await screenshot(page, '09-phone');
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      // Whatever happened, the next steps run at desktop width.
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('logs out', async () => {
    await page.getByRole('button', { name: /User menu/ }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.waitForURL(`${env.url}/login`);
    await page.goto(`${env.url}/records/person`);
    await page.waitForURL(/\/login\?next=%2Frecords%2Fperson$/);
  });
});
