import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../shared/metadata/types.ts';
import { defineObject, field } from '../../metadata/define-object.ts';
import type { ApiRecord } from '../present.ts';
import { type ExportColumn, wallClock } from './cells.ts';
import { csvStream } from './csv.ts';
import { xlsxStream } from './xlsx.ts';

// The writers on their own, for field types no standard object has yet (percent) and for the
// money formats of several currencies and readers; the HTTP tests in
// modules/records/export.test.ts cover the rest through a real list.

const L = (en: string, pl: string, hu: string) => ({ en, pl, hu });
const sample = defineObject({
  key: 'export_sample',
  labels: { one: L('Sample', 'Próbka', 'Minta'), many: L('Samples', 'Próbki', 'Minták') },
  icon: 'box',
  titleFields: ['name'],
  fields: {
    name: field.text(L('Name', 'Nazwa', 'Név')),
    share: field.percent(L('Share', 'Udział', 'Részesedés')),
    price: field.money(L('Price', 'Cena', 'Ár')),
  },
});

function columnsIn(locale: Locale): ExportColumn[] {
  return ['name', 'share', 'price'].map((key) => {
    const definition = sample.field(key);
    if (!definition) throw new Error(key);
    return { field: definition, label: definition.labels[locale] };
  });
}

const RECORDS: ApiRecord[] = [
  { id: 1, name: 'Złoty', share: 12.5, price: { amount: 123456, currency: 'PLN' } },
  { id: 2, name: 'Forint', share: 0.07, price: { amount: 1500000, currency: 'HUF' } },
  { id: 3, name: 'Euro', share: -3, price: { amount: -5, currency: 'EUR' } },
  { id: 4, name: 'Dollar', share: 100, price: { amount: 99, currency: 'USD' } },
  { id: 5, name: 'Yen', share: null, price: { amount: 1200, currency: 'JPY' } },
];

async function* onePage(): AsyncGenerator<ApiRecord[]> {
  yield RECORDS;
}

const contextIn = (locale: Locale) => ({ locale, toWallClock: wallClock('Europe/Warsaw') });

/** The file as text, byte order mark included (a TextDecoder would drop it). */
async function readText(stream: Readable): Promise<string> {
  return (await buffer(stream)).toString('utf8');
}

async function sheetOf(stream: Readable): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(stream);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

describe('the XLSX writer', () => {
  it('writes per cent as a share with a per cent format, money with its currency where the reader puts it', async () => {
    const formats: Record<Locale, string[]> = {
      pl: ['#,##0.00 "zł"', '#,##0.00 "HUF"', '#,##0.00 "€"', '#,##0.00 "USD"', '#,##0 "JPY"'],
      hu: ['#,##0.00 "PLN"', '#,##0.00 "Ft"', '#,##0.00 "EUR"', '#,##0.00 "USD"', '#,##0 "JPY"'],
      en: ['"PLN" #,##0.00', '"HUF" #,##0.00', '"€"#,##0.00', '"USD" #,##0.00', '"JPY" #,##0'],
    };
    for (const locale of ['pl', 'hu', 'en'] as const) {
      const sheet = await sheetOf(xlsxStream('Samples', columnsIn(locale), onePage(), contextIn(locale)));
      const share = [2, 3, 4, 5].map((row) => sheet.getCell(row, 2));
      expect(share.map((cell) => cell.value)).toEqual([0.125, 0.0007, -0.03, 1]);
      expect(share.map((cell) => cell.numFmt)).toEqual(['0.00%', '0.00%', '0.00%', '0.00%']);
      expect(sheet.getCell(6, 2).value).toBeNull();
      const price = [2, 3, 4, 5, 6].map((row) => sheet.getCell(row, 3));
      // ISO 4217 decimals: two for the złoty, the forint and the euro, none for the yen.
      expect(price.map((cell) => cell.value)).toEqual([1234.56, 15000, -0.05, 0.99, 1200]);
      expect(
        price.map((cell) => cell.numFmt),
        locale,
      ).toEqual(formats[locale]);
    }
  });

  it('fits each column to its header and the first rows, within bounds', async () => {
    const long = 'x'.repeat(300);
    async function* pages(): AsyncGenerator<ApiRecord[]> {
      yield [
        { id: 1, name: 'A fairly long company name', share: 1, price: null },
        { id: 2, name: `${long}\nshort`, share: 2, price: null },
      ];
      // Later pages do not move the widths: the columns are written before any row.
      yield [{ id: 3, name: 'y'.repeat(40), share: 3, price: null }];
    }
    const columns = columnsIn('en');
    const sheet = await sheetOf(xlsxStream('Samples', columns, pages(), contextIn('en')));
    const widths = [1, 2, 3].map((index) => sheet.getColumn(index).width ?? 0);
    // The longest line is capped; a short header still leaves room for its filter button.
    expect(widths[0]).toBe(60);
    expect(widths[1]).toBeGreaterThanOrEqual('Share'.length + 2);
    expect(widths[1]).toBeLessThan(20);
    expect(widths[2]).toBeGreaterThanOrEqual('Price'.length + 2);
    expect(sheet.getCell(4, 1).value).toBe('y'.repeat(40));
  });
});

describe('the CSV writer', () => {
  it('uses the reader’s delimiter and decimal mark, and quotes what holds the delimiter', async () => {
    const en = await readText(csvStream(columnsIn('en'), onePage(), contextIn('en')));
    expect(en.split('\r\n').slice(0, 3)).toEqual([
      '\uFEFFName,Share,Price',
      'Złoty,12.5%,1234.56 PLN',
      'Forint,0.07%,15000.00 HUF',
    ]);
    const pl = await readText(csvStream(columnsIn('pl'), onePage(), contextIn('pl')));
    expect(pl.split('\r\n').slice(0, 4)).toEqual([
      '\uFEFFNazwa;Udział;Cena',
      'Złoty;12,5%;1234,56 PLN',
      'Forint;0,07%;15000,00 HUF',
      'Euro;-3%;-0,05 EUR',
    ]);
  });
});
