import ExcelJS from 'exceljs';
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
 * The list's tools in a real browser: creating, marking rows and acting on them, export,
 * the trash, saved views and filters, and personal settings. Steps build on each other.
 */
let env: BrowserEnv;
let page: Page;

browserForFile({ loggedInAt: '/records/company' }, (started) => {
  env = started;
  page = started.page;
});

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: ELEMENT_TIMEOUT_MS });
const companies = () => page.getByRole('table', { name: 'Companies' });
const rowTitles = (count: number) =>
  page
    .locator('tbody tr td:nth-child(2)')
    .evaluateAll((cells, n) => cells.slice(0, n).map((cell) => cell.textContent ?? ''), count);

/** A click on a plain cell (not the title link) marks that row; Shift-click extends to the third. */
async function markFirstThreeRows(): Promise<void> {
  const cell = (row: number) => page.locator('tbody tr').nth(row).locator('td').nth(2);
  await cell(0).click();
  await cell(2).click({ modifiers: ['Shift'] });
}

interface Row {
  id: number;
  name: string;
  groups?: number[];
}
async function findCompanies(filter: unknown): Promise<Row[]> {
  const response = await apiAs(page, 'POST', '/api/records/company/query', {
    filter,
    fields: ['id', 'name', 'groups'],
    limit: 50,
  });
  return (response.body as { items: Row[] }).items;
}

describe('list tools', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('creates a company from the list and opens it', async () => {
    await companies().waitFor();
    await page.getByRole('link', { name: 'New' }).click();
    await page.getByRole('heading', { level: 1, name: 'New record: Company' }).waitFor();
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByText('Required.').first().waitFor();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Zielony Ogród Sp. z o.o.');
    await page.getByRole('textbox', { name: 'City' }).fill('Győr');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zielony Ogród Sp. z o.o.' }).waitFor();
    expect(await findCompanies({ field: 'name', op: 'eq', value: 'Zielony Ogród Sp. z o.o.' })).toHaveLength(
      1,
    );
  });

  it('moves a record to the trash, undoes it, and restores it from the trash list', async () => {
    const id = Number(/\/records\/company\/(\d+)/.exec(page.url())?.[1]);
    const trashIt = async () => {
      await page.getByRole('button', { name: 'More actions' }).click();
      await page.getByRole('menuitem', { name: 'Move to the trash' }).click();
      await page
        .getByRole('dialog', { name: 'Move to the trash?' })
        .getByRole('button', { name: 'Move to the trash' })
        .click();
      await page.waitForURL(`${env.url}/records/company`);
    };
    await trashIt();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.waitForURL(`${env.url}/records/company/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Zielony Ogród Sp. z o.o.' }).waitFor();

    await trashIt();
    await page.getByRole('button', { name: 'Trash' }).click();
    const trash = page.getByRole('table', { name: 'Trash: Companies' });
    await trash.waitFor();
    await screenshot(page, '10-trash');
    await trash.getByRole('checkbox', { name: 'Select Zielony Ogród Sp. z o.o.' }).check();
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore the selected records' });
    await dialog.getByText('1 record will be restored.').waitFor();
    await dialog.getByRole('button', { name: 'Restore 1 record' }).click();
    await page.getByText('Done: 1 record.').waitFor();
    await eventually(async () => (await apiAs(page, 'GET', `/api/records/company/${id}`)).status).toBe(200);
    await page.getByRole('button', { name: 'Back to the list' }).click();
    await companies().waitFor();
  });

  it('marks three rows with click and Shift-click and adds them to a group', async () => {
    await page.goto(`${env.url}/records/company?sort=name`);
    await companies().waitFor();
    const [first, , third] = await rowTitles(3);
    await markFirstThreeRows();
    await page.getByText('3 selected').waitFor();
    expect(await page.locator('tbody tr[data-selected=true]').count()).toBe(3);
    await page.getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('menuitem', { name: 'Add to a group…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add the selected records to a group' });
    const group = dialog.getByRole('combobox', { name: /^Group/ });
    await group.click();
    const option = page.getByRole('option').first();
    const groupTitle = (await option.textContent()) ?? '';
    await option.click();
    await dialog.getByText('3 records will be added.').waitFor();
    await screenshot(page, '11-bulk-add-to-group');
    await dialog.getByRole('button', { name: 'Add 3 records' }).click();
    await page.getByText('Done: 3 records.').waitFor();

    const groups = (
      (
        await apiAs(page, 'POST', '/api/records/company_group/query', {
          filter: { field: 'name', op: 'eq', value: groupTitle },
          fields: ['id'],
        })
      ).body as { items: Array<{ id: number }> }
    ).items;
    const marked = await findCompanies({ field: 'name', op: 'in', value: [first, third] });
    for (const company of marked) expect(company.groups).toContain(groups[0]?.id);
  });

  it('exports the marked rows to an XLSX file with the same rows', async () => {
    const names = await rowTitles(3);
    await markFirstThreeRows();
    await page.getByRole('button', { name: 'Export selected' }).click();
    // Waiting and clicking together: a failed click must not leave the wait pending after the test.
    const sheetOf = async (columns: 'Visible columns' | 'All fields') => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page
          .getByRole('group', { name: columns })
          .getByRole('menuitem', { name: 'Excel workbook (XLSX)' })
          .click(),
      ]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(await download.path());
      const sheet = workbook.worksheets[0];
      if (!sheet) throw new Error('the workbook has no sheet');
      return sheet;
    };
    const visible = await sheetOf('Visible columns');
    const values = (sheet: ExcelJS.Worksheet, row: number) =>
      (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(visible, 1)[0]).toBe('Name');
    expect([2, 3, 4].map((row) => values(visible, row)[0])).toEqual(names);
    expect(visible.rowCount).toBe(4);
    // The header is frozen and filtered, as a spreadsheet user expects to find it.
    expect(visible.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(visible.autoFilter).toBeTruthy();

    await page.getByRole('button', { name: 'Export selected' }).click();
    const all = await sheetOf('All fields');
    const header = values(all, 1);
    expect(header.length).toBeGreaterThan(values(visible, 1).length);
    expect(header).toEqual(expect.arrayContaining(['Name', 'Tax ID', 'Short name', 'Notes']));
    expect([2, 3, 4].map((row) => values(all, row)[0])).toEqual(names);
  });

  it('shows a printable view of the list', async () => {
    await page.getByRole('button', { name: 'Export selected' }).click();
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('menuitem', { name: 'Printable view' }).click(),
    ]);
    await popup.getByRole('button', { name: 'Print' }).waitFor();
    await popup.getByRole('heading', { level: 1, name: /Companies — printed/ }).waitFor();
    expect(await popup.locator('tbody tr').count()).toBeGreaterThan(3);
    await popup.close();
    await page.getByRole('button', { name: 'Clear selection' }).click();
  });

  it('changes a field on more records than one transaction takes: a progress bar, then done', async () => {
    // 1,001 companies, one over the immediate limit, made through the API 25 at a time.
    const request = page.context().request;
    const base = new URL(page.url()).origin;
    const me = (await (await request.get(`${base}/api/auth/me`)).json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': me.csrfToken, origin: base };
    const total = 1_001;
    for (let start = 0; start < total; start += 25) {
      await Promise.all(
        Array.from({ length: Math.min(25, total - start) }, (_, i) =>
          request.post(`${base}/api/records/company`, {
            data: { name: `Masowa ${start + i}`, city: 'Masowo' },
            headers,
          }),
        ),
      );
    }
    await page.goto(`${env.url}/records/company?q=Masowa`);
    await companies().waitFor();
    await page.getByRole('checkbox', { name: 'Select all loaded rows' }).check();
    await page.getByRole('button', { name: 'Select all 1,001 matching records' }).click();
    await page.getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('menuitem', { name: 'Change a field…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change a field of the selected records' });
    await dialog.getByRole('combobox', { name: 'Field' }).click();
    await page.getByRole('option', { name: 'City', exact: true }).click();
    await dialog.getByRole('textbox', { name: 'New value (empty clears it)' }).fill('Nowe Masowo');
    await dialog.getByText('This will change 1,001 records.').waitFor();
    await dialog.getByRole('button', { name: 'Change 1,001 records' }).click();
    // The dialog follows the background run until it ends, then says so and closes.
    await page.getByText('Done: 1,001 records.').waitFor();
    const moved = await apiAs(page, 'POST', '/api/records/company/count', {
      filter: { field: 'city', op: 'eq', value: 'Nowe Masowo' },
    });
    expect(moved.body).toEqual({ count: total, exact: true });
    // Out of the later steps' way: to the trash, in the background again, through the API.
    const trashed = await apiAs(page, 'POST', '/api/records/company/bulk', {
      selection: { filter: { field: 'city', op: 'eq', value: 'Nowe Masowo' } },
      action: { type: 'delete' },
    });
    expect(trashed.status).toBe(202);
    const runId = (trashed.body as { run: { id: number } }).run.id;
    await eventually(async () => (await apiAs(page, 'GET', `/api/bulk-runs/${runId}`)).body).toMatchObject({
      status: 'done',
      updated: total,
    });
    await page.goto(`${env.url}/records/company`);
    await companies().waitFor();
  });

  it('changes personal settings', async () => {
    await page.getByRole('button', { name: /User menu/ }).click();
    await page.getByRole('menuitem', { name: 'Personal settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Personal settings' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    const zone = page.getByRole('combobox', { name: 'Time zone' });
    await zone.fill('Europe/Buda');
    await page.getByRole('option', { name: 'Europe/Budapest' }).click();
    // The language and time zone section's; the notifications section has its own.
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.getByText('Settings saved.').waitFor();
    expect((await apiAs(page, 'GET', '/api/auth/me')).body).toMatchObject({
      user: { timeZone: 'Europe/Budapest' },
    });
    await screenshot(page, '12-settings');
  });

  it('filters by city with the filter builder, sorts, and saves it as a shared default view', async () => {
    // The city most demo companies share, so the filtered list has several rows.
    const sample = (
      (await apiAs(page, 'POST', '/api/records/company/query', { fields: ['city'], limit: 200 })).body as {
        items: Array<{ city: string | null }>;
      }
    ).items;
    const tally = new Map<string, number>();
    for (const { city } of sample) if (city) tally.set(city, (tally.get(city) ?? 0) + 1);
    const city = [...tally].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
    const cityFilter = { field: 'city', op: 'eq', value: city };
    const matching = (
      (await apiAs(page, 'POST', '/api/records/company/count', { filter: cityFilter })).body as {
        count: number;
      }
    ).count;

    await page.goto(`${env.url}/records/company`);
    await companies().waitFor();
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    const drawer = page.getByRole('dialog', { name: 'Filter: Companies' });
    await drawer.getByRole('combobox', { name: 'Field' }).click();
    await page.getByRole('option', { name: 'City', exact: true }).click();
    await drawer.getByRole('textbox', { name: 'Value' }).fill(city);
    await screenshot(page, '13-filter-builder');
    await drawer.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Filter 1 active condition' }).waitFor();
    const cities = () =>
      page.locator('tbody tr td:nth-child(3)').evaluateAll((cells) => cells.map((cell) => cell.textContent));
    await eventually(async () => [...new Set(await cities())]).toEqual([city]);
    await page.getByText(`${matching} records`, { exact: true }).waitFor();

    const nameHeader = page.getByRole('columnheader', { name: 'Name' });
    await eventually(() => nameHeader.getAttribute('aria-sort')).toBe('ascending');
    await nameHeader.getByRole('button').click();
    await eventually(() => nameHeader.getAttribute('aria-sort')).toBe('descending');

    await page.getByRole('button', { name: /Current view: Standard list/ }).click();
    await page.getByRole('menuitem', { name: 'Save as new view…' }).click();
    const save = page.getByRole('dialog', { name: 'Save as new view' });
    await save.getByRole('textbox', { name: 'Name' }).fill(`Clients in ${city}`);
    await save.getByRole('checkbox', { name: 'Share with everyone' }).check();
    await save.getByRole('checkbox', { name: 'Open this list with this view' }).check();
    await save.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`View “Clients in ${city}” saved.`).waitFor();

    // Opening the list afresh brings the default view back, filter and sort included.
    await page.goto(`${env.url}/records/company`);
    await page.waitForURL(/view=\d+/);
    await page.getByRole('button', { name: `Current view: Clients in ${city}` }).waitFor();
    await eventually(async () => [...new Set(await cities())]).toEqual([city]);
    expect(await nameHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /Current view/ }).click();
    await page.getByRole('menuitemradio', { name: 'Standard list' }).click();
    await page.getByRole('button', { name: 'Filter', exact: true }).waitFor();
  });

  it('paints overdue rows red with a row colour rule', async () => {
    await page.goto(`${env.url}/records/company?sort=name`);
    await companies().waitFor();
    await page.getByRole('button', { name: /Current view/ }).click();
    await page.getByRole('menuitem', { name: 'Row colours…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Row colours' });
    await dialog.getByRole('button', { name: 'Add rule' }).click();
    const rule = dialog.getByRole('group', { name: 'Rule 1' });
    await rule.getByRole('combobox', { name: 'Field' }).click();
    await page.getByRole('option', { name: 'Next action', exact: true }).click();
    await rule.getByRole('combobox', { name: 'Condition' }).click();
    await page.getByRole('option', { name: 'is overdue (before today)' }).click();
    await rule.getByRole('combobox', { name: 'Colour' }).click();
    await page.getByRole('option', { name: 'Red' }).click();
    await dialog.getByRole('button', { name: 'Apply' }).click();

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Budapest' }).format(new Date());
    const firstRows = (
      (
        await apiAs(page, 'POST', '/api/records/company/query', {
          sort: [{ field: 'name', direction: 'asc' }],
          fields: ['next_action_date'],
          limit: 12,
          locale: 'en',
        })
      ).body as { items: Array<{ next_action_date: string | null }> }
    ).items;
    const expected = firstRows.map((row) => row.next_action_date !== null && row.next_action_date < today);
    expect(expected).toContain(true);
    expect(expected).toContain(false);
    const painted = () =>
      page
        .locator('tbody tr')
        .evaluateAll(
          (rows, n) => rows.slice(0, n).map((row) => row.getAttribute('data-colour') === 'red'),
          12,
        );
    await eventually(painted).toEqual(expected);
    // The colour shows: a painted row's background differs from an unpainted one's.
    await page.mouse.move(5, 790);
    const background = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((row) => {
          // Runs in the page; this file is type-checked without the DOM's globals.
          const page = globalThis as unknown as {
            getComputedStyle(element: unknown): { backgroundColor: string };
          };
          return page.getComputedStyle(row).backgroundColor;
        });
    expect(await background('tbody tr[data-colour=red]')).not.toBe(
      await background('tbody tr:not([data-colour])'),
    );
    await screenshot(page, '14-row-colours');
    expect(page.url()).toContain('colours=');
  });

  it("adds a person from a company's related list, with the company already set", async () => {
    const company = (
      (await apiAs(page, 'POST', '/api/records/company/query', { fields: ['name'], limit: 1 })).body as {
        items: Array<{ id: number; name: string }>;
      }
    ).items[0];
    await page.goto(`${env.url}/records/company/${company?.id}?tab=related`);
    await page.getByRole('link', { name: 'Add: Person' }).click();
    await page.getByRole('heading', { level: 1, name: 'New record: Person' }).waitFor();
    // The picker shows the company's title once it has loaded it (a busy machine takes a moment).
    await eventually(() => page.getByRole('combobox', { name: /^Company/ }).inputValue()).toBe(company?.name);
    await page.getByRole('textbox', { name: 'First name' }).fill('Eszter');
    await page.getByRole('textbox', { name: 'Last name' }).fill('Kovácsné');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { level: 1, name: 'Eszter Kovácsné' }).waitFor();

    await page.goto(`${env.url}/records/company/${company?.id}?tab=related`);
    await page.getByRole('link', { name: /^Open as a list: People/ }).click();
    await page.getByRole('table', { name: 'People' }).waitFor();
    await page.getByRole('link', { name: 'Kovácsné', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Filter 1 active condition' }).waitFor();
  });
});
