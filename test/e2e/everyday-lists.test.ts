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
 * The everyday list in Polish, as an office assistant uses it: sorting by a dictionary
 * column in the Polish alphabet, the filter in view as chips, and the keyboard.
 */
let env: BrowserEnv;
let page: Page;

browserForFile({ locale: 'pl-PL', loggedInAt: '/records/company' }, (started) => {
  env = started;
  page = started.page;
});

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: ELEMENT_TIMEOUT_MS });
const companies = () => page.getByRole('table', { name: 'Firmy' });
/** The text of one column of the loaded rows (1-based after the checkbox column). */
const column = (index: number) =>
  page
    .locator(`tbody tr td:nth-child(${index + 1})`)
    .evaluateAll((cells) => cells.map((cell) => cell.textContent?.trim() ?? ''));

async function created(url: string, body: unknown): Promise<number> {
  const response = await apiAs(page, 'POST', url, body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return (response.body as { id: number }).id;
}

describe('everyday lists in Polish', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('sorts by a dictionary column in the Polish alphabet with blanks last, both ways', async () => {
    const labels: Array<[string, string]> = [
      ['e2e-z', 'Żeglarstwo'],
      ['e2e-l', 'Łowiectwo'],
      ['e2e-c', 'Ćwiczenia'],
      ['e2e-lo', 'Lotnictwo'],
    ];
    for (const [code, label] of labels) {
      const industry = await created('/api/records/dictionary_value', {
        dictionary: 'industry',
        code,
        label_en: label,
        label_pl: label,
        label_hu: label,
      });
      await created('/api/records/company', { name: `Sortownia ${label}`, industry });
    }
    await created('/api/records/company', { name: 'Sortownia bez branży' });

    await page.goto(`${env.url}/records/company?q=Sortownia&cols=name,industry`);
    await companies().waitFor();
    await eventually(async () => (await column(1)).length).toBe(5);
    // The whole header cell sorts, not only its word.
    const header = page.getByRole('columnheader', { name: /Branża/ });
    const box = await header.boundingBox();
    if (!box) throw new Error('the header has no box');
    await page.mouse.click(box.x + box.width - 6, box.y + box.height / 2);
    await eventually(() => header.getAttribute('aria-sort')).toBe('ascending');
    await eventually(() => column(2)).toEqual(['Ćwiczenia', 'Lotnictwo', 'Łowiectwo', 'Żeglarstwo', '']);
    await header.getByRole('button').click();
    await eventually(() => header.getAttribute('aria-sort')).toBe('descending');
    await eventually(() => column(2)).toEqual(['Żeglarstwo', 'Łowiectwo', 'Lotnictwo', 'Ćwiczenia', '']);
    await screenshot(page, 'everyday-sort-pl');
  });

  it('fits the clients’ standard columns, next action included, at 1440 px without sideways scrolling', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    try {
      await page.goto(`${env.url}/records/company`);
      await companies().waitFor();
      await page.getByRole('columnheader', { name: /Następna akcja/ }).waitFor();
      const fits = await companies().evaluate((table) => {
        const scroller = table.parentElement;
        return scroller !== null && scroller.scrollWidth <= scroller.clientWidth;
      });
      expect(fits).toBe(true);
      // Past next actions are red without any colour rule.
      expect(await page.locator('tbody [data-overdue]').count()).toBeGreaterThan(0);
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('shows the filter as chips: added in the builder, edited from a chip, removed with its ×', async () => {
    await page.goto(`${env.url}/records/company?q=Sortownia&cols=name,industry`);
    await companies().waitFor();
    const chips = page.getByRole('group', { name: 'Aktywny filtr' });
    expect(await chips.count()).toBe(0);

    await page.getByRole('button', { name: /^Filtr/ }).click();
    const builder = page.getByRole('dialog', { name: 'Filtr: Firmy' });
    await builder.getByRole('combobox', { name: 'Pole' }).fill('Nazwa');
    await page.getByRole('option', { name: 'Nazwa', exact: true }).click();
    await builder.getByRole('combobox', { name: 'Operator' }).click();
    await page.getByRole('option', { name: 'zawiera', exact: true }).click();
    await builder.getByRole('textbox', { name: 'Wartość' }).fill('ctwo');
    await builder.getByRole('button', { name: 'Gotowe' }).click();
    await chips.waitFor();
    await chips.getByText('Nazwa zawiera ctwo').waitFor();
    await eventually(async () => (await column(1)).sort()).toEqual([
      'Sortownia Lotnictwo',
      'Sortownia Łowiectwo',
    ]);
    // The drawer slides away: axe looks at the list once it is closed, not half-way.
    await builder.waitFor({ state: 'hidden' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'everyday-chips-pl');

    // The chip's text opens the builder, where the condition is changed.
    await chips.getByRole('button', { name: /Nazwa zawiera ctwo/ }).click();
    await builder.getByRole('textbox', { name: 'Wartość' }).fill('Łow');
    await builder.getByRole('button', { name: 'Gotowe' }).click();
    await chips.getByText('Nazwa zawiera Łow').waitFor();
    await eventually(() => column(1)).toEqual(['Sortownia Łowiectwo']);

    await chips.getByRole('button', { name: 'Usuń ten warunek' }).click();
    await eventually(() => chips.count()).toBe(0);
    await eventually(async () => (await column(1)).length).toBe(5);
    expect(new URL(page.url()).searchParams.get('filter')).toBeNull();
  });

  it('changes a simple value in its cell: Enter saves with the row’s version, Esc cancels', async () => {
    await page.goto(`${env.url}/records/company?q=Sortownia&sort=name&cols=name,city,industry`);
    await companies().waitFor();
    await eventually(async () => (await column(1)).length).toBe(5);
    const row = page.locator('tbody tr').first();
    const name = (await column(1))[0] ?? '';
    await row.getByRole('button', { name: 'Zmień: Miejscowość' }).click();
    const city = row.getByRole('textbox', { name: 'Miejscowość' });
    await city.fill('Zakopane');
    await city.press('Enter');
    await eventually(() => column(2)).toContain('Zakopane');
    const stored = await apiAs(page, 'POST', '/api/records/company/query', {
      filter: { field: 'name', op: 'eq', value: name },
      fields: ['city', 'version'],
    });
    expect((stored.body as { items: Array<{ city: string; version: number }> }).items[0]).toMatchObject({
      city: 'Zakopane',
      version: 2,
    });

    await row.getByRole('button', { name: 'Zmień: Miejscowość' }).click();
    await row.getByRole('textbox', { name: 'Miejscowość' }).fill('Nie to');
    await page.keyboard.press('Escape');
    await eventually(() => column(2)).toContain('Zakopane');
    expect(await column(2)).not.toContain('Nie to');
  });

  it('edits a value on the card in place and keeps both versions when someone saved meanwhile', async () => {
    const found = await apiAs(page, 'POST', '/api/records/company/query', {
      filter: { field: 'name', op: 'eq', value: 'Sortownia Lotnictwo' },
      fields: ['id'],
    });
    const id = (found.body as { items: Array<{ id: number }> }).items[0]?.id;
    await page.goto(`${env.url}/records/company/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Sortownia Lotnictwo' }).waitFor();
    await page.getByRole('button', { name: 'Zmień: Kod pocztowy' }).click();
    const mine = page.getByRole('textbox', { name: 'Kod pocztowy' });
    await mine.fill('90-001');

    const other = await env.context.newPage();
    await other.goto(page.url());
    await other.getByRole('button', { name: 'Zmień: Kod pocztowy' }).click();
    await other.getByRole('textbox', { name: 'Kod pocztowy' }).fill('91-002');
    await other.getByRole('textbox', { name: 'Kod pocztowy' }).press('Enter');
    await eventually(
      async () => (await apiAs(other, 'GET', `/api/records/company/${id}`)).body,
    ).toMatchObject({
      postal_code: '91-002',
    });
    await other.close();

    await mine.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Ktoś inny zmienił ten rekord' });
    await dialog.getByText('90-001').waitFor();
    await dialog.getByText('91-002').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Zapisz mój wybór' }).click();
    await eventually(async () => (await apiAs(page, 'GET', `/api/records/company/${id}`)).body).toMatchObject(
      {
        postal_code: '90-001',
      },
    );
    await mine.waitFor({ state: 'detached' });
  });

  it('marks a range with Shift-click on the checkbox column, as on rows', async () => {
    await page.goto(`${env.url}/records/company?q=Sortownia&sort=name&cols=name,industry`);
    await companies().waitFor();
    await eventually(async () => (await column(1)).length).toBe(5);
    const titles = await column(1);
    await page.getByRole('checkbox', { name: `Zaznacz: ${titles[0]}` }).click();
    await page.getByRole('checkbox', { name: `Zaznacz: ${titles[3]}` }).click({ modifiers: ['Shift'] });
    await page.getByText('Zaznaczono 4').waitFor();
    expect(await page.locator('tbody tr[data-selected=true]').count()).toBe(4);
    await page.getByRole('button', { name: 'Wyczyść zaznaczenie' }).click();
  });

  it('takes a bulk move to the trash back with Undo', async () => {
    await page.goto(`${env.url}/records/company?q=Sortownia&sort=name&cols=name,industry`);
    await companies().waitFor();
    await eventually(async () => (await column(1)).length).toBe(5);
    const [first, second] = await column(1);
    await page.getByRole('checkbox', { name: `Zaznacz: ${first}` }).check();
    await page.getByRole('checkbox', { name: `Zaznacz: ${second}` }).check();
    await page.getByRole('button', { name: 'Działania' }).click();
    await page.getByRole('menuitem', { name: 'Przenieś do kosza…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Przenieś zaznaczone rekordy do kosza' });
    await dialog.getByRole('button', { name: 'Przenieś do kosza 2 rekordy' }).click();
    await eventually(async () => (await column(1)).length).toBe(3);
    await page.getByRole('button', { name: 'Cofnij' }).click();
    await page.getByText('Cofnięto.').waitFor();
    await eventually(async () => (await column(1)).length).toBe(5);
  });

  it('moves between rows with the arrow keys, marks with Space and opens with Enter', async () => {
    await page.goto(`${env.url}/records/company?q=Sortownia&sort=name&cols=name,industry`);
    await companies().waitFor();
    await eventually(async () => (await column(1)).length).toBe(5);
    const titles = await column(1);
    await page.getByRole('link', { name: titles[0] }).focus();
    await page.keyboard.press('ArrowDown');
    await eventually(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe(titles[1]);
    await page.keyboard.press('Space');
    await page.getByText('Zaznaczono 1').waitFor();
    expect(await page.locator('tbody tr[data-selected=true]').count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: titles[1] }).waitFor();

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Skróty klawiszowe' });
    await help.getByText('Zaznacz wiersz lub usuń zaznaczenie').waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
  });
});
