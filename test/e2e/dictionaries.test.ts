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
 * Dictionaries in a real browser: an administrator renames a value in Polish, gives another a
 * colour, reorders values with the keyboard and by dragging (a value changed meanwhile reloads
 * the list), deactivates one (an existing company keeps it, a new one is not offered it), is
 * refused deleting a value in use and deactivates it instead, adds and deletes an unused value,
 * and adds a value from a company's industry picker.
 */
let env: BrowserEnv;
let page: Page;

interface Value {
  id: number;
  version: number;
  code: string;
  label_en: string;
  label_pl: string;
  sort_order: number;
  color: string | null;
  active: boolean;
}

const SCREEN = '/admin/dictionaries?dictionary=industry';
let retailCompany = 0;

async function industries(): Promise<Value[]> {
  const response = await apiAs(page, 'POST', '/api/records/dictionary_value/query', {
    filter: { field: 'dictionary', op: 'eq', value: 'industry' },
    sort: [{ field: 'sort_order', direction: 'asc' }],
    limit: 200,
  });
  return (response.body as { items: Value[] }).items;
}

async function industry(code: string): Promise<Value> {
  const value = (await industries()).find((item) => item.code === code);
  if (!value) throw new Error(`no industry ${code}`);
  return value;
}

async function createCompany(name: string, industryCode: string): Promise<number> {
  const response = await apiAs(page, 'POST', '/api/records/company', {
    name,
    industry: (await industry(industryCode)).id,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return (response.body as { id: number }).id;
}

/** The codes of the table's rows, top to bottom. */
const rowCodes = () =>
  page
    .locator('tbody tr[data-value]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-value')));

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: ELEMENT_TIMEOUT_MS });

browserForFile({ loggedInAt: SCREEN }, async (started) => {
  env = started;
  page = started.page;
  retailCompany = await createCompany('Sklep Słownikowy Sp. z o.o.', 'retail');
  await createCompany('Programiści Słownikowi Kft.', 'software');
});

describe('dictionaries', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  const values = () => page.getByRole('table', { name: 'Values of Industry' });

  it('renames a value in Polish, in place', async () => {
    await page.getByRole('heading', { level: 2, name: 'Industry' }).waitFor();
    const polish = values().getByRole('textbox', { name: 'Polish label of “Retail”' });
    await polish.fill('Handel detaliczny i sklepy');
    await polish.press('Tab');
    await eventually(async () => (await industry('retail')).label_pl).toBe('Handel detaliczny i sklepy');
    await values().getByRole('button', { name: 'Colour of “Construction”: No colour' }).click();
    await page.getByRole('button', { name: 'Red', exact: true }).click();
    await values().getByRole('button', { name: 'Colour of “Construction”: Red' }).waitFor();
    await eventually(async () => (await industry('construction')).color).toBe('#fa5252');
    await screenshot(page, 'dictionaries-01-values');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('reorders values with the arrow buttons and by dragging', async () => {
    const before = await rowCodes();
    const at = before.indexOf('retail');
    expect(at).toBeGreaterThan(0);
    await values().getByRole('button', { name: 'Move “Retail” up' }).click();
    const moved = [...before];
    moved.splice(at - 1, 2, 'retail', before[at - 1] ?? '');
    await eventually(rowCodes).toEqual(moved);
    await page.getByText(`“Retail” is now at position ${at} of ${before.length}.`).waitFor();
    await eventually(async () => (await industries()).map((value) => value.code)).toEqual(moved);

    // Drag the first value below the third: it lands in the third place.
    const first = moved[0] ?? '';
    await page
      .locator(`tr[data-value="${first}"] [draggable="true"]`)
      .dragTo(page.locator(`tr[data-value="${moved[2]}"]`));
    const dragged = [moved[1], moved[2], first, ...moved.slice(3)];
    await eventually(rowCodes).toEqual(dragged);
    await eventually(async () => (await industries()).map((value) => value.code)).toEqual(dragged);
  });

  it('reloads and says so when someone else changed the value meanwhile', async () => {
    const wholesale = await industry('wholesale');
    const renamed = await apiAs(page, 'PATCH', `/api/records/dictionary_value/${wholesale.id}`, {
      label_en: 'Wholesale trade',
      version: wholesale.version,
    });
    expect(renamed.status).toBe(200);
    const order = await rowCodes();
    await values().getByRole('button', { name: 'Move “Wholesale” down' }).click();
    await page.getByText('Someone else changed this dictionary meanwhile.', { exact: false }).waitFor();
    const english = values().getByRole('textbox', { name: 'English label of “Wholesale trade”' });
    await eventually(() => english.inputValue()).toBe('Wholesale trade');
    await eventually(rowCodes).toEqual(order);
    expect((await industries()).map((value) => value.code)).toEqual(order);
  });

  it('deactivates a value: an existing company keeps it, a new one is not offered it', async () => {
    // From the keyboard, as every control here must work.
    await values().getByRole('switch', { name: '“Retail” is active' }).focus();
    await page.keyboard.press('Space');
    await values().locator('tr[data-value="retail"]').getByText('Inactive').waitFor();
    await eventually(async () => (await industry('retail')).active).toBe(false);

    // The full form (?edit=1) shows the kept value in its picker.
    await page.goto(`${env.url}/records/company/${retailCompany}?edit=1`);
    const kept = page.getByRole('combobox', { name: 'Industry' });
    await eventually(() => kept.inputValue()).toBe('Retail (inactive)');

    await page.goto(`${env.url}/records/company/new`);
    await page.getByRole('heading', { level: 1, name: 'New record: Company' }).waitFor();
    const picker = page.getByRole('combobox', { name: 'Industry' });
    await picker.click();
    await page.getByRole('option', { name: 'Software' }).waitFor();
    expect(await page.getByRole('option', { name: /Retail/ }).count()).toBe(0);
    await screenshot(page, 'dictionaries-02-picker');
    await picker.fill('Reta');
    await page.getByRole('option', { name: 'Add “Reta”…' }).waitFor();
    await picker.press('Escape');
  });

  it('refuses to delete a value in use, and deactivates it instead', async () => {
    await page.goto(`${env.url}${SCREEN}`);
    await values().getByRole('button', { name: 'Delete “Software and IT”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “Software and IT”?' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await dialog.getByText(/^“Software and IT” is used by \d+ records? and cannot be deleted/).waitFor();
    await screenshot(page, 'dictionaries-03-in-use');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Deactivate instead' }).click();
    await page.getByText('“Software and IT” deactivated', { exact: false }).waitFor();
    await eventually(async () => (await industry('software')).active).toBe(false);
    // Active again: the switch undoes it.
    await values().getByRole('switch', { name: '“Software and IT” is active' }).focus();
    await page.keyboard.press('Space');
    await eventually(async () => (await industry('software')).active).toBe(true);
  });

  it('adds a value with its own code and colour, and deletes it while unused', async () => {
    await page.getByRole('button', { name: 'Add value' }).click();
    const dialog = page.getByRole('dialog', { name: 'New value: Industry' });
    await dialog.getByRole('textbox', { name: 'Label in English' }).fill('Drones');
    await dialog.getByRole('textbox', { name: 'Label in Polish' }).fill('Drony');
    await dialog.getByRole('textbox', { name: 'Label in Hungarian' }).fill('Drónok');
    expect(await dialog.getByRole('textbox', { name: 'Code' }).inputValue()).toBe('drones');
    await dialog.getByRole('textbox', { name: 'Colour' }).fill('#12b886');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await values().getByRole('textbox', { name: 'Polish label of “Drones”' }).waitFor();
    const drones = await industry('drones');
    expect(drones).toMatchObject({ label_pl: 'Drony', active: true });
    expect(drones.sort_order).toBe(Math.max(...(await industries()).map((value) => value.sort_order)));

    await values().getByRole('button', { name: 'Delete “Drones”' }).click();
    await page
      .getByRole('dialog', { name: 'Delete “Drones”?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await page.getByText('“Drones” deleted.').waitFor();
    expect((await industries()).some((value) => value.code === 'drones')).toBe(false);
  });

  it("adds a value from a company's industry picker and selects it", async () => {
    await page.goto(`${env.url}/records/company/new`);
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Agro Słownik Sp. z o.o.');
    const picker = page.getByRole('combobox', { name: 'Industry' });
    await picker.fill('Agroturystyka i Łowiectwo');
    await page.getByRole('option', { name: 'Add “Agroturystyka i Łowiectwo”…' }).click();
    await page.getByText('“Agroturystyka i Łowiectwo” added to the list.').waitFor();
    await eventually(() => picker.inputValue()).toBe('Agroturystyka i Łowiectwo');
    await screenshot(page, 'dictionaries-04-added-from-picker');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { level: 1, name: 'Agro Słownik Sp. z o.o.' }).waitFor();

    const added = await industry('agroturystyka_i_lowiectwo');
    expect(added).toMatchObject({ label_pl: 'Agroturystyka i Łowiectwo', active: true });
    expect(added.sort_order).toBe(Math.max(...(await industries()).map((value) => value.sort_order)));
    const id = /\/records\/company\/(\d+)/.exec(page.url())?.[1];
    const company = await apiAs(page, 'GET', `/api/records/company/${id}`);
    expect((company.body as { industry: number }).industry).toBe(added.id);
  });
});
