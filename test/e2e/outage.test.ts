import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { killHard, respawnServer, type ServerProcess } from '../server-process.ts';
import {
  apiAs,
  type BrowserEnv,
  browserForFile,
  E2E_TEST_TIMEOUT_MS,
  ELEMENT_TIMEOUT_MS,
  logIn,
  screenshot,
} from './browser.ts';

/**
 * The server goes away while the app is open, and comes back on the same port and data
 * (issue 12 §7): one calm banner, nothing lost, and every screen recovers without a click.
 */
let env: BrowserEnv;
let page: Page;
/** The server now answering: the first one, then each one started again after an outage. */
let server: ServerProcess;

browserForFile({ locale: 'pl-PL' }, (started) => {
  env = started;
  page = started.page;
  server = started.server;
});

// The file's browser closes its own first server; one started again after an outage is ours.
afterAll(async () => {
  if (server && server !== env?.server) await killHard(server);
});

const LOST = 'Utracono połączenie — ponawianie…';
const banner = () => page.locator('[data-connection-banner]');
const eventually = <T>(read: () => Promise<T>, timeout = ELEMENT_TIMEOUT_MS) =>
  expect.poll(read, { timeout, interval: 200 });
const rowCount = () => page.locator('tbody tr').count();
const names = () =>
  page
    .locator('tbody tr td:nth-child(2)')
    .evaluateAll((cells) => cells.slice(0, 3).map((c) => c.textContent));

async function stopServer(): Promise<void> {
  await killHard(server);
}

async function startServerAgain(): Promise<void> {
  server = await respawnServer(server);
}

describe('when the server is away', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('shows one banner, holds the list and the palette, and both recover by themselves', async () => {
    await page.goto(`${env.url}/records/company`);
    await logIn(page);
    await page.getByRole('table', { name: 'Firmy' }).waitFor();
    await eventually(rowCount).toBeGreaterThan(5);
    expect(await banner().textContent()).toBe('');
    const before = await names();

    await stopServer();
    // Sorting asks the server for the list again; that request cannot get through.
    await page.getByRole('columnheader', { name: /Nazwa/ }).first().click();
    await eventually(() => banner().textContent(), 5_000).toContain(LOST);
    // One status line, not an error per request.
    expect(await page.getByText(LOST).count()).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);

    // The palette asks too, and waits for the server like the list.
    await page.keyboard.press('Control+K');
    const search = page.getByRole('textbox', { name: 'Szukaj rekordów' });
    await search.waitFor();
    await search.fill('kowal');
    await screenshot(page, 'outage-01-lost');

    await startServerAgain();
    await eventually(() => banner().textContent()).not.toContain(LOST);
    // The palette's hits arrive without touching anything.
    await page.locator('.mantine-Spotlight-action').first().waitFor();
    expect(await page.getByText(LOST).count()).toBe(0);
    await screenshot(page, 'outage-02-back');
    await page.keyboard.press('Escape');

    // The list, sorted the other way as asked during the outage.
    await eventually(rowCount).toBeGreaterThan(5);
    await eventually(names).not.toEqual(before);
  });

  it('keeps a form whose save could not get through, says why next to it, and saves once back', async () => {
    await page.goto(`${env.url}/records/company/new`);
    const name = page.getByRole('textbox', { name: 'Nazwa', exact: true });
    await name.fill('Awaria Sp. z o.o.');

    await stopServer();
    await page.getByRole('button', { name: 'Utwórz' }).click();
    // Above the form's fields, where the user who pressed the button is looking.
    await page
      .getByRole('form')
      .getByRole('alert')
      .filter({ hasText: 'Nie można połączyć się z serwerem. Twoje zmiany są zachowane' })
      .waitFor();
    await eventually(() => banner().textContent(), 5_000).toContain(LOST);
    expect(await name.inputValue()).toBe('Awaria Sp. z o.o.');
    expect(page.url()).toMatch(/\/records\/company\/new$/);

    await startServerAgain();
    await eventually(() => banner().textContent()).not.toContain(LOST);
    await page.getByRole('button', { name: 'Utwórz' }).click();
    await page.waitForURL(/\/records\/company\/\d+$/);
    const id = /\/records\/company\/(\d+)$/.exec(page.url())?.[1];
    // Exactly one record: the failed attempt was not repeated behind the user's back.
    const found = await apiAs(page, 'POST', '/api/records/company/query', {
      filter: { field: 'name', op: 'eq', value: 'Awaria Sp. z o.o.' },
      fields: ['name'],
      limit: 10,
    });
    expect(found.body).toMatchObject({ items: [{ id: Number(id) }] });
  });
});
