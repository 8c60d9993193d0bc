import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { malformedFile } from './problems.ts';

/** A spreadsheet cell's value as exceljs reads it. */
type CellValue = ExcelJS.CellValue;

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A date cell as text. Excel has no time zones: its dates are wall-clock values, which exceljs
 * hands over as a Date whose UTC fields are that wall clock (as the export writes them).
 */
function dateText(date: Date): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const seconds = date.getUTCHours() * 3600 + date.getUTCMinutes() * 60 + date.getUTCSeconds();
  if (seconds === 0) return day;
  return `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/** The currency a number format shows (`#,##0.00 "PLN"`, `[$€-x-euro2] #,##0.00`, `# ##0 zł`). */
function currencyOfFormat(format: string | undefined): string | null {
  if (!format) return null;
  const quoted = /"([A-Z]{3})"/.exec(format) ?? /\[\$([A-Z]{3})[^\]]*\]/.exec(format);
  if (quoted?.[1]) return quoted[1];
  if (/zł/.test(format)) return 'PLN';
  if (/"?Ft"?/.test(format)) return 'HUF';
  if (/€/.test(format)) return 'EUR';
  return null;
}

/** A number format that shows a share as per cent (`0%`), not a literal sign (`0.00"%"`). */
function isPercentFormat(format: string | undefined): boolean {
  return !!format && /%/.test(format.replace(/"[^"]*"/g, ''));
}

function numberText(value: number, format: string | undefined): string {
  if (isPercentFormat(format)) return String(Number((value * 100).toPrecision(15)));
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  const currency = currencyOfFormat(format);
  return currency ? `${text} ${currency}` : text;
}

/**
 * A cell as the text the importer reads. A formula is kept as its own text (`=HYPERLINK(…)`),
 * never evaluated and its cached result not taken: what is imported is what the file says.
 */
export function cellText(value: CellValue, format?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, format);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if ('formula' in value && typeof value.formula === 'string') return `=${value.formula}`;
  if ('sharedFormula' in value && typeof value.sharedFormula === 'string') return `=${value.sharedFormula}`;
  if ('richText' in value && Array.isArray(value.richText))
    return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value && typeof value.text === 'string') return value.text;
  if ('error' in value) return String(value.error);
  return '';
}

/**
 * The rows of the first worksheet of an .xlsx file, as cell texts (empty trailing cells
 * dropped). Read as a stream: a big workbook never sits in memory as a model.
 */
export async function* xlsxRecords(bytes: Uint8Array): AsyncGenerator<string[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          cells[column - 1] = cellText(cell.value, cell.numFmt);
        });
        yield Array.from(cells, (cell) => cell ?? '');
      }
      return;
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'AppError') throw error;
    throw malformedFile(
      `The Excel file cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      { code: 'invalid_xlsx' },
    );
  }
}
