import { setImmediate as nextTurn } from 'node:timers/promises';
import { malformedFile } from './problems.ts';
import { readWorkbookParts, type WorkbookParts, xmlParser } from './xlsx-parts.ts';
import { ZipArchive, ZipError } from './zip.ts';

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A date cell as text. Excel has no time zones: its dates are wall-clock values, held here as a
 * Date whose UTC fields are that wall clock (as the export writes them).
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

/** Days from Excel's epoch (1899-12-30, after its fictitious 1900-02-29) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;
const SECONDS_PER_DAY = 86_400;

/** A serial number as the wall-clock Date it stands for, to the second. */
function serialDate(serial: number, date1904: boolean): Date {
  // 1900 system: serials below 60 precede the day Excel invented, so they sit one day later.
  const days = date1904 ? serial + 1462 : serial < 60 ? serial + 1 : serial;
  return new Date(Math.round((days - UNIX_EPOCH_SERIAL) * SECONDS_PER_DAY) * 1000);
}

/**
 * A format that shows a number as a date or time: a date/time letter outside quoted text,
 * escapes and bracketed colours or locales (`[$-415]d mmmm yyyy` is one, `# ##0 "zł"` is not).
 */
export function isDateFormat(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .replace(/general/gi, '');
  return /[ymdhs]/i.test(bare);
}

/** One cell as it is read: its type, style, value, formula and inline text. */
interface CellState {
  column: number;
  type: string;
  style: number;
  value: string;
  formula: string | null;
  inline: string;
}

/**
 * A cell as the text the importer reads. A formula is kept as its own text (`=HYPERLINK(…)`),
 * never evaluated and its cached result not taken: what is imported is what the file says.
 */
function cellText(cell: CellState, parts: WorkbookParts): string {
  if (cell.formula !== null) return `=${cell.formula}`;
  switch (cell.type) {
    case 's':
      return parts.sharedStrings[Number(cell.value)] ?? '';
    case 'inlineStr':
      return cell.inline;
    case 'str':
    case 'e':
      return cell.value;
    case 'b':
      return cell.value === '1' || cell.value === 'true' ? 'true' : 'false';
    case 'd':
      return cell.value === '' ? '' : dateText(new Date(`${cell.value.replace(/Z$/, '')}Z`));
  }
  if (cell.value === '') return '';
  const number = Number(cell.value);
  if (!Number.isFinite(number)) return cell.value;
  const format = parts.formats[cell.style];
  if (format && isDateFormat(format)) return dateText(serialDate(number, parts.date1904));
  return numberText(number, format);
}

/** `B12` → 1 (zero-based column of a cell reference). */
function columnOf(reference: string | undefined, next: number): number {
  const letters = reference ? /^[A-Z]+/i.exec(reference)?.[0] : undefined;
  if (!letters) return next;
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column - 1;
}

/**
 * The rows of the first worksheet of an .xlsx file, as cell texts (empty trailing cells
 * dropped). The sheet is inflated and parsed chunk by chunk: a big workbook never sits in
 * memory as a model or as one string.
 */
export async function* xlsxRecords(bytes: Uint8Array): AsyncGenerator<string[]> {
  let zip: ZipArchive;
  let parts: WorkbookParts;
  try {
    zip = new ZipArchive(bytes);
    parts = await readWorkbookParts(zip);
  } catch (error) {
    throw unreadable(error);
  }
  const ready: string[][] = [];
  let row: string[] = [];
  let cell: CellState | null = null;
  let text: 'value' | 'formula' | 'inline' | null = null;
  let inInline = false;
  let phonetic = 0;
  let sharedIndex: string | undefined;
  const sharedFormulas = new Map<string, string>();
  const parser = xmlParser({
    open(name, attributes) {
      if (name === 'row') row = [];
      else if (name === 'c') {
        cell = {
          column: columnOf(attributes.r, row.length),
          type: attributes.t ?? 'n',
          style: Number(attributes.s ?? 0),
          value: '',
          formula: null,
          inline: '',
        };
      } else if (!cell) return;
      else if (name === 'v') text = 'value';
      else if (name === 'f') {
        text = 'formula';
        sharedIndex = attributes.t === 'shared' ? attributes.si : undefined;
        cell.formula = '';
      } else if (name === 'is') inInline = true;
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && inInline && phonetic === 0) text = 'inline';
    },
    text(value) {
      if (!cell || text === null) return;
      if (text === 'value') cell.value += value;
      else if (text === 'inline') cell.inline += value;
      else cell.formula = (cell.formula ?? '') + value;
    },
    close(name) {
      if (name === 'c' && cell) {
        if (cell.formula === '') cell.formula = null;
        const value = cellText(cell, parts);
        if (value !== '') row[cell.column] = value;
        cell = null;
      } else if (name === 'f' && cell && sharedIndex !== undefined) {
        // A shared formula's first cell carries the text; the others name it by index only.
        if (cell.formula) sharedFormulas.set(sharedIndex, cell.formula);
        else cell.formula = sharedFormulas.get(sharedIndex) ?? null;
      } else if (name === 'is') inInline = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'row') ready.push(Array.from(row, (value) => value ?? ''));
      if (name === 'v' || name === 'f' || name === 't') text = null;
    },
  });
  const decoder = new TextDecoder();
  try {
    for (const chunk of zip.stream(parts.sheetPath)) {
      parser.write(decoder.decode(chunk, { stream: true }));
      yield* ready.splice(0);
      // Rows are handed on through promises, which never let I/O in: a turn per piece does.
      await nextTurn();
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    throw unreadable(error);
  }
  yield* ready.splice(0);
}

function unreadable(error: unknown) {
  if (error instanceof Error && error.name === 'AppError') return error;
  const reason = error instanceof ZipError || error instanceof Error ? error.message : String(error);
  return malformedFile(`The Excel file cannot be read: ${reason}`, { code: 'invalid_xlsx' });
}
