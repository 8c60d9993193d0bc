import { PassThrough, type Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { Locale } from '../../../shared/metadata/types.ts';
import type { Dialect } from '../../db/dialects/dialect.ts';
import type { ImportRecord, RowIssue } from './store.ts';

const WORDS: Record<Locale, { row: string; errors: string; sheet: string }> = {
  en: { row: 'Row', errors: 'Errors', sheet: 'Rows not imported' },
  pl: { row: 'Wiersz', errors: 'Błędy', sheet: 'Wiersze niezaimportowane' },
  hu: { row: 'Sor', errors: 'Hibák', sheet: 'Nem importált sorok' },
};

const PAGE = 1000;

/** One line per issue: `E-mail (email): must be an e-mail address…`. */
function describe(issues: RowIssue[]): string {
  return issues
    .map((issue) => {
      const where = [issue.column, issue.field && issue.field !== issue.column ? `(${issue.field})` : null]
        .filter(Boolean)
        .join(' ');
      return where ? `${where}: ${issue.message}` : issue.message;
    })
    .join('\n');
}

/**
 * The rows an import did not take, as an .xlsx file: the row number, every original cell under
 * its original header (so the file can be fixed and imported again, the extra columns left
 * unmapped) and what was wrong. Cells are string cells, which a spreadsheet never runs as a
 * formula: a cell that came in as `=HYPERLINK(…)` goes out as that text, with no apostrophe
 * (as in the XLSX export, records/export/cells.ts).
 */
export function errorReport(dialect: Dialect, found: ImportRecord, locale: Locale): Readable {
  const output = new PassThrough();
  write(dialect, found, locale, output).catch((error: unknown) =>
    output.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return output;
}

async function write(dialect: Dialect, found: ImportRecord, locale: Locale, output: PassThrough) {
  const words = WORDS[locale];
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(words.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { key: 'row', width: 8 },
    ...found.columns.map((_, index) => ({ key: `c${index}`, width: 18 })),
    { key: 'errors', width: 60 },
  ];
  const header = sheet.addRow([words.row, ...found.columns, words.errors]);
  header.font = { bold: true };
  header.commit();
  let after = 0;
  for (;;) {
    const rows = await dialect.db
      .selectFrom('data_import_outcome as o')
      .innerJoin('data_import_row as r', (join) =>
        join.onRef('r.import_id', '=', 'o.import_id').onRef('r.row_number', '=', 'o.row_number'),
      )
      .select(['o.row_number', 'o.detail', 'r.cells'])
      .where('o.import_id', '=', found.id)
      .where('o.object', '=', found.object ?? '')
      .where('o.action', '=', 'failed')
      .where('o.row_number', '>', after)
      .orderBy('o.row_number')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const cells = JSON.parse(String(row.cells)) as string[];
      const issues = JSON.parse(String(row.detail ?? '[]')) as RowIssue[];
      const line = sheet.addRow([Number(row.row_number), ...cells, describe(issues)]);
      line.getCell(found.columns.length + 2).alignment = { wrapText: true, vertical: 'top' };
      line.commit();
      after = Number(row.row_number);
    }
    if (rows.length < PAGE) break;
    await nextTurn();
  }
  sheet.commit();
  await workbook.commit();
}
