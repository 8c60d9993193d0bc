import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiAs,
  type BrowserEnv,
  browserForFile,
  E2E_TEST_TIMEOUT_MS,
  ELEMENT_TIMEOUT_MS,
  screenshot,
  seriousA11yViolations,
} from './browser.ts';

/**
 * The client card in a real browser: its sections follow the client's status (a prospect's
 * marketing data, an active client's terms, an inactive one's last events), and an address
 * added on the card becomes the company's own when it is the main one.
 */
let env: BrowserEnv;
let page: Page;

browserForFile({ loggedInAt: '/records/company' }, (started) => {
  env = started;
  page = started.page;
});

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: ELEMENT_TIMEOUT_MS });

async function statusId(code: string): Promise<number> {
  const { body } = await apiAs(page, 'POST', '/api/records/dictionary_value/query', {
    filter: {
      and: [
        { field: 'dictionary', op: 'eq', value: 'company_status' },
        { field: 'code', op: 'eq', value: code },
      ],
    },
  });
  return (body as { items: Array<{ id: number }> }).items[0]?.id ?? 0;
}

const sectionHeadings = () => page.locator('section h2').allTextContents();

describe('the client card', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('shows the sections a client’s status calls for', async () => {
    const created = await apiAs(page, 'POST', '/api/records/company', {
      name: 'Karta Statusów Sp. z o.o.',
      status: await statusId('prospect'),
      country: 'PL',
      tax_id: '7740001454',
    });
    expect(created.status).toBe(201);
    const company = created.body as { id: number; version: number };
    await page.goto(`${env.url}/records/company/${company.id}`);
    await eventually(sectionHeadings).toContain('Marketing');
    const prospect = await sectionHeadings();
    expect(prospect).toEqual(
      expect.arrayContaining(['Client', 'Registry numbers', 'Contact', 'Profile', 'Marketing']),
    );
    expect(prospect).not.toContain('Contract and terms');
    // The NIP is shown formatted on the card.
    await page.getByRole('region', { name: 'Registry numbers' }).getByText('774-000-14-54').waitFor();
    await screenshot(page, 'card-prospect');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const saved = await apiAs(page, 'PATCH', `/api/records/company/${company.id}`, {
      status: await statusId('active'),
      version: company.version,
    });
    expect(saved.status).toBe(200);
    await page.reload();
    await eventually(sectionHeadings).toContain('Contract and terms');
    expect(await sectionHeadings()).toContain('Latest documents and orders');
    expect(await sectionHeadings()).not.toContain('Marketing');
    await page.getByText('Offers, orders and documents will show here').waitFor();
    await screenshot(page, 'card-active');

    const current = (await apiAs(page, 'GET', `/api/records/company/${company.id}`)).body as {
      version: number;
    };
    await apiAs(page, 'PATCH', `/api/records/company/${company.id}`, {
      status: await statusId('inactive'),
      version: current.version,
    });
    await page.reload();
    await eventually(sectionHeadings).toContain('Last events and turnover');
    expect(await sectionHeadings()).not.toContain('Contract and terms');
  });

  it('adds a main address from the card and shows it as the company’s address', async () => {
    const created = await apiAs(page, 'POST', '/api/records/company', {
      name: 'Adresowa Kft.',
      country: 'HU',
    });
    const company = created.body as { id: number };
    // The related lists sit beside the details, on the first screen.
    await page.goto(`${env.url}/records/company/${company.id}`);
    const addresses = page.getByRole('region', { name: /Addresses/ });
    await addresses.getByRole('link', { name: 'Add: Address' }).click();
    await page.getByRole('heading', { level: 1, name: /Address/ }).waitFor();
    await page.getByRole('textbox', { name: 'Street', exact: true }).fill('Váci út');
    await page.getByLabel('Building / unit').fill('1');
    await page.getByRole('textbox', { name: 'City', exact: true }).fill('Budapest');
    await page.getByRole('textbox', { name: 'Postal code', exact: true }).fill('1062');
    await page.getByRole('combobox', { name: 'Country' }).fill('Hungary');
    await page.getByRole('option', { name: 'Hungary' }).click();
    await page.getByLabel('Main address').check();
    await page
      .getByRole('button', { name: /Create|Save/ })
      .first()
      .click();
    await eventually(async () => {
      const { body } = await apiAs(page, 'GET', `/api/records/company/${company.id}`);
      return (body as { city: string | null }).city;
    }).toBe('Budapest');
    await page.goto(`${env.url}/records/company/${company.id}`);
    await page.getByRole('region', { name: 'Contact' }).getByText('Váci út 1').waitFor();
  });
});
