import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiAs,
  type BrowserEnv,
  browserForFile,
  E2E_TEST_TIMEOUT_MS,
  ELEMENT_TIMEOUT_MS,
  screenshot,
} from './browser.ts';

/**
 * Groups in a Polish browser: a new group made from the add-to-group dialog by typing its name,
 * then its page — members added from a pasted list of tax ids and removed. Steps build on each other.
 */
let env: BrowserEnv;
let page: Page;

browserForFile({ locale: 'pl-PL', loggedInAt: '/records/company?sort=name' }, (started) => {
  env = started;
  page = started.page;
});

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: ELEMENT_TIMEOUT_MS });
const GROUP_NAME = 'Dealerzy z kampanii wiosennej';

interface Company {
  id: number;
  name: string;
  tax_id: string | null;
  groups: number[];
}

async function companies(filter: unknown, limit = 50): Promise<Company[]> {
  const response = await apiAs(page, 'POST', '/api/records/company/query', {
    filter,
    fields: ['id', 'name', 'tax_id', 'groups'],
    sort: [{ field: 'name', direction: 'asc' }],
    limit,
  });
  expect(response.status).toBe(200);
  return (response.body as { items: Company[] }).items;
}

async function groupsNamed(name: string): Promise<Array<{ id: number; kind: string }>> {
  const response = await apiAs(page, 'POST', '/api/records/company_group/query', {
    filter: { field: 'name', op: 'eq', value: name },
    fields: ['id', 'kind'],
  });
  return (response.body as { items: Array<{ id: number; kind: string }> }).items;
}

/** A NIP as people write it, with dashes: the stored number has none. */
const withDashes = (nip: string) =>
  /^\d{10}$/.test(nip) ? `${nip.slice(0, 3)}-${nip.slice(3, 6)}-${nip.slice(6, 8)}-${nip.slice(8)}` : nip;

let groupId = 0;
let markedNames: string[] = [];

describe('groups', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('creates a group from the add-to-group dialog by typing its name, and adds the marked rows', async () => {
    await page.getByRole('table', { name: 'Firmy' }).waitFor();
    markedNames = await page
      .locator('tbody tr td:nth-child(2)')
      .evaluateAll((cells) => cells.slice(0, 3).map((cell) => cell.textContent ?? ''));
    const cell = (row: number) => page.locator('tbody tr').nth(row).locator('td').nth(2);
    await cell(0).click();
    await cell(2).click({ modifiers: ['Shift'] });
    await page.getByText('Zaznaczono 3').waitFor();
    await page.getByRole('button', { name: 'Działania' }).click();
    await page.getByRole('menuitem', { name: 'Dodaj do grupy…' }).click();

    const dialog = page.getByRole('dialog', { name: 'Dodaj zaznaczone rekordy do grupy' });
    const group = dialog.getByRole('combobox', { name: 'Grupa' });
    await group.waitFor();
    // A company has one kind of group: the dialog does not ask which.
    expect(await dialog.getByRole('combobox').count()).toBe(1);
    expect(await dialog.getByText('Rodzaj grupy').count()).toBe(0);

    await group.fill(GROUP_NAME);
    await page.getByRole('option', { name: `Utwórz grupę „${GROUP_NAME}”` }).click();
    await page.getByText(`Utworzono grupę „${GROUP_NAME}”.`).waitFor();
    await expect.poll(() => group.inputValue(), { timeout: ELEMENT_TIMEOUT_MS }).toBe(GROUP_NAME);
    await dialog.getByText('Zostaną dodane 3 rekordy.').waitFor();
    await screenshot(page, 'groups-01-created-in-dialog');
    await dialog.getByRole('button', { name: 'Dodaj 3 rekordy' }).click();
    await page.getByText('Gotowe: 3 rekordy.').waitFor();

    const created = await groupsNamed(GROUP_NAME);
    expect(created).toHaveLength(1);
    expect(created[0]?.kind).toBe('static');
    groupId = created[0]?.id ?? 0;
    const members = await companies({ field: 'groups', op: 'in', value: [groupId] });
    expect(members.map((company) => company.name).sort()).toEqual([...markedNames].sort());
  });

  it('adds members to the group from a pasted list of tax ids, saying which were not found', async () => {
    // Two companies outside the group, each the only one with its tax id.
    const candidates = await companies(
      {
        and: [
          { field: 'tax_id', op: 'isNotEmpty' },
          { not: { field: 'groups', op: 'in', value: [groupId] } },
        ],
      },
      100,
    );
    const count = (nip: string | null) => candidates.filter((company) => company.tax_id === nip).length;
    const chosen = candidates.filter((company) => count(company.tax_id) === 1).slice(0, 2);
    expect(chosen).toHaveLength(2);
    const [first, second] = chosen as [Company, Company];
    expect(await companies({ field: 'tax_id', op: 'eq', value: '0000000000' })).toHaveLength(0);

    await page.goto(`${env.url}/records/company_group/${groupId}`);
    await page.getByRole('heading', { level: 1, name: GROUP_NAME }).waitFor();
    const members = page.getByRole('table', { name: 'Członkowie', exact: true });
    await members.waitFor();
    await page.getByText('Razem: 3').waitFor();
    for (const name of markedNames) await members.getByRole('link', { name, exact: true }).waitFor();

    await page.getByRole('button', { name: 'Dodaj członków' }).click();
    const dialog = page.getByRole('dialog', { name: `Dodaj członków do grupy „${GROUP_NAME}”` });
    await dialog.getByRole('tab', { name: 'Wklej listę' }).click();
    await dialog
      .getByRole('textbox', { name: 'Numery NIP' })
      .fill(`${withDashes(first.tax_id ?? '')}\n${second.tax_id}; 000-000-00-00`);
    await dialog.getByRole('button', { name: 'Wyszukaj 3 pozycje' }).click();
    const result = dialog.getByRole('status');
    await result.getByText('Znaleziono 2 rekordy.').waitFor();
    await result.getByText(first.name, { exact: false }).first().waitFor();
    await result.getByText('Nie znaleziono (1)').waitFor();
    await result.getByText('000-000-00-00').waitFor();
    await screenshot(page, 'groups-02-pasted-list');
    await dialog.getByRole('button', { name: 'Dodaj 2 rekordy' }).click();
    await page.getByText('Dodano do grupy 2 rekordy.').waitFor();
    await dialog.waitFor({ state: 'detached' });

    await page.getByText('Razem: 5').waitFor();
    await members.getByRole('link', { name: second.name, exact: true }).waitFor();
    await eventually(async () =>
      (await companies({ field: 'groups', op: 'in', value: [groupId] })).map((company) => company.id).sort(),
    ).toEqual(expect.arrayContaining([first.id, second.id]));
  });

  it('removes a member from the group', async () => {
    const removed = markedNames[0] ?? '';
    await page.getByRole('button', { name: `Usuń ${removed} z grupy` }).click();
    await page.getByText('Usunięto z grupy 1 rekord.').waitFor();
    await page.getByText('Razem: 4').waitFor();
    const members = page.getByRole('table', { name: 'Członkowie', exact: true });
    await eventually(() => members.getByRole('link', { name: removed, exact: true }).count()).toBe(0);
    const left = await companies({ field: 'groups', op: 'in', value: [groupId] });
    expect(left).toHaveLength(4);
    expect(left.map((company) => company.name)).not.toContain(removed);
    await screenshot(page, 'groups-03-member-removed');
  });

  it('adds a member found by search, then removes several marked members at once', async () => {
    const [outsider] = await companies({ not: { field: 'groups', op: 'in', value: [groupId] } }, 1);
    expect(outsider).toBeDefined();
    const name = outsider?.name ?? '';
    await page.getByRole('button', { name: 'Dodaj członków' }).click();
    const dialog = page.getByRole('dialog', { name: `Dodaj członków do grupy „${GROUP_NAME}”` });
    await dialog.getByRole('combobox', { name: 'Firmy do dodania' }).fill(name);
    await page.getByRole('option', { name, exact: true }).click();
    await dialog.getByRole('heading', { name: `Dodaj członków do grupy „${GROUP_NAME}”` }).click();
    await dialog.getByRole('button', { name: 'Dodaj 1 rekord' }).click();
    await page.getByText('Dodano do grupy 1 rekord.').waitFor();
    await page.getByText('Razem: 5').waitFor();

    const members = page.getByRole('table', { name: 'Członkowie', exact: true });
    const [first, second] = await members
      .locator('tbody tr td:nth-child(2)')
      .evaluateAll(
        (cells, added) => cells.map((cell) => cell.textContent ?? '').filter((n) => n !== added),
        name,
      );
    await members.getByRole('checkbox', { name: `Zaznacz: ${first}` }).check();
    await members.getByRole('checkbox', { name: `Zaznacz: ${second}` }).check();
    await page.getByRole('button', { name: 'Usuń zaznaczone rekordy z grupy (2)' }).click();
    await page.getByText('Usunięto z grupy 2 rekordy.').waitFor();
    await page.getByText('Razem: 3').waitFor();
    const left = (await companies({ field: 'groups', op: 'in', value: [groupId] })).map((c) => c.name);
    expect(left).toHaveLength(3);
    expect(left).toContain(name);
    expect(left).not.toContain(first);
    expect(left).not.toContain(second);
  });

  it('shows a dynamic group read-only, with its members from the filter', async () => {
    const created = await apiAs(page, 'POST', '/api/records/company_group', {
      name: 'Firmy z NIP',
      kind: 'dynamic',
      filter: { field: 'tax_id', op: 'isNotEmpty' },
    });
    expect(created.status).toBe(201);
    const id = (created.body as { id: number }).id;
    await page.goto(`${env.url}/records/company_group/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Firmy z NIP' }).waitFor();
    await page.getByText('Członkami tej grupy są rekordy spełniające jej filtr', { exact: false }).waitFor();
    await page.getByRole('table', { name: 'Członkowie', exact: true }).locator('tbody tr').first().waitFor();
    expect(await page.getByRole('button', { name: 'Dodaj członków' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Usuń .* z grupy$/ }).count()).toBe(0);

    await page.getByRole('link', { name: 'Otwórz jako listę' }).first().click();
    await page.waitForURL(/\/records\/company\?filter=/);
    const filter = JSON.parse(new URL(page.url()).searchParams.get('filter') ?? 'null') as unknown;
    expect(filter).toEqual({ field: 'groups', op: 'in', value: [id] });
  });
});
