import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiAs,
  browserForFile,
  E2E_TEST_TIMEOUT_MS,
  ELEMENT_TIMEOUT_MS,
  screenshot,
  seriousA11yViolations,
} from './browser.ts';

/**
 * The import wizard end to end in a real browser: a Windows-1250 semicolon file of people and
 * their companies, with one bad row, goes through upload, detection, the guessed mapping (one
 * column changed by hand and saved), preview, dry run, the run with its progress, the error
 * report and undo.
 */
let page: Page;
let folder: string;

browserForFile({ loggedInAt: '/import' }, (started) => {
  page = started.page;
  folder = mkdtempSync(path.join(tmpdir(), 'kartoteka-e2e-import-'));
});

const FILE = [
  'Imię;Nazwisko;E-mail;Stanowisko;Firma;Miasto;Uwagi',
  'Grażyna;Wójcik-e2e;grazyna.e2e@wojcik.example.pl;Prezes;Wójcik i Syn e2e Sp. z o.o.;Łódź;',
  'Żaneta;Kęsik-e2e;zaneta.e2e@wojcik.example.pl;Księgowa;Wójcik i Syn e2e Sp. z o.o.;Łódź;',
  'Błędny;Adres-e2e;to-nie-e-mail;;Wójcik i Syn e2e Sp. z o.o.;Łódź;',
].join('\r\n');

async function people(): Promise<
  Array<{ last_name: string; position: string | null; notes: string | null }>
> {
  const response = await apiAs(page, 'POST', '/api/records/person/query', {
    filter: { field: 'last_name', op: 'endsWith', value: '-e2e' },
    fields: ['last_name', 'position', 'notes'],
    sort: [{ field: 'last_name', direction: 'asc' }],
  });
  return (
    response.body as { items: Array<{ last_name: string; position: string | null; notes: string | null }> }
  ).items;
}

describe('the import wizard', () => {
  it(
    'uploads, maps, checks, runs, reports and undoes an import',
    async () => {
      const file = path.join(folder, 'ludzie-e2e.csv');
      writeFileSync(file, iconv.encode(FILE, 'windows-1250'));
      await page.getByRole('heading', { name: 'Import', level: 1 }).waitFor();
      await page.locator('input[type=file]').setInputFiles(file);
      await page.getByRole('button', { name: 'Upload' }).click();

      await page.getByText('Encoding: windows-1250').waitFor();
      await page.getByText('Separator: ;').waitFor();
      await page.getByText('3 rows').waitFor();
      const fieldFor = (column: string) => page.locator(`input[aria-label="Field for column ${column}"]`);
      await expect
        .poll(() => fieldFor('Imię').inputValue(), { timeout: ELEMENT_TIMEOUT_MS })
        .toBe('First name');
      expect(await fieldFor('Firma').inputValue()).toBe('Company: Name');
      expect(await fieldFor('Miasto').inputValue()).toBe('Company: City');
      // "Uwagi" (notes) would fill the person's notes; the user decides not to import it.
      await fieldFor('Uwagi').click();
      await page.getByRole('option', { name: 'Do not import' }).click();
      await page.getByRole('textbox', { name: 'Save this mapping as' }).fill('Polish people e2e');
      await page.getByRole('button', { name: 'Save mapping' }).click();
      await page.getByText('Mapping “Polish people e2e” saved').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, 'import-mapping');
      await page.getByRole('button', { name: 'Next' }).click();

      const preview = page.getByRole('table', { name: 'What the first rows of the file would do' });
      await preview.waitFor();
      await expect.poll(() => preview.locator('tbody tr').count(), { timeout: ELEMENT_TIMEOUT_MS }).toBe(3);
      await preview.getByText('E-mail: must be an e-mail address', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Dry run' }).click();
      await page.getByText('Dry run finished: nothing was saved').waitFor();
      await page.getByRole('table', { name: 'Rows that cannot be imported' }).waitFor();
      expect(await people()).toEqual([]);
      await screenshot(page, 'import-dry-run');

      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByText('Import finished').waitFor();
      const counts = page.getByTestId('import-counts');
      await expect.poll(() => counts.textContent(), { timeout: ELEMENT_TIMEOUT_MS }).toContain('2 created');
      expect(await counts.textContent()).toContain('1 with errors');
      expect(await counts.textContent()).toContain('1 company created');
      expect((await people()).map((person) => person.last_name)).toEqual(['Kęsik-e2e', 'Wójcik-e2e']);
      await screenshot(page, 'import-done');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download the rows with errors (Excel)' }).click(),
      ]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile((await download.path()) ?? '');
      const row = workbook.worksheets[0]?.getRow(2);
      expect(row?.getCell(1).value).toBe(4);
      expect(row?.getCell(2).value).toBe('Błędny');

      await page.getByRole('button', { name: 'Undo the import' }).click();
      await page.getByRole('button', { name: 'Yes, undo' }).click();
      await page.getByText('The import was undone').waitFor({ timeout: ELEMENT_TIMEOUT_MS });
      expect(await people()).toEqual([]);
    },
    E2E_TEST_TIMEOUT_MS,
  );

  it(
    'says clearly why a file cannot be imported',
    async () => {
      await page.getByRole('button', { name: 'Import another file' }).click();
      const png = path.join(folder, 'clients.csv');
      writeFileSync(
        png,
        Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]),
      );
      await page.locator('input[type=file]').setInputFiles(png);
      await page.getByRole('button', { name: 'Upload' }).click();
      await page.getByRole('alert').filter({ hasText: 'PNG image' }).waitFor();
    },
    E2E_TEST_TIMEOUT_MS,
  );
});
