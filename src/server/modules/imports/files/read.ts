import { AppError } from '../../../errors.ts';
import { MAX_CELL_LENGTH, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from '../limits.ts';
import { csvRecords, type Delimiter, detectDelimiter } from './csv.ts';
import { decodeText, type TextEncoding } from './encoding.ts';
import { malformedFile } from './problems.ts';
import { type FileFormat, sniffFormat } from './sniff.ts';
import { VCARD_COLUMNS, vcardRows } from './vcard.ts';
import { xlsxRecords } from './xlsx.ts';

export interface OpenedFile {
  format: FileFormat;
  encoding: TextEncoding | null;
  delimiter: Delimiter | null;
  /** Column names, unique (a repeated header gets ` (2)`, an empty one `Column 3`). */
  columns: string[];
  warnings: string[];
  /** Data rows below the header, each as long as `columns`; fully empty rows left out. */
  rows: AsyncGenerator<string[]>;
}

/**
 * Opens an uploaded file: what it is, its encoding and delimiter, its header; the rows follow
 * as they are read. Throws 415 for what is not a spreadsheet or contacts file and 400 for a
 * broken one or one beyond the limits.
 */
export async function openFile(bytes: Uint8Array, declared?: TextEncoding): Promise<OpenedFile> {
  let decoded: ReturnType<typeof decodeText> | null = null;
  const text = () => {
    decoded ??= decodeText(bytes, declared);
    return decoded.text;
  };
  const format = sniffFormat(bytes, () => text().slice(0, 1000));
  let records: AsyncGenerator<string[]>;
  let delimiter: Delimiter | null = null;
  let header: string[] | null = null;
  if (format === 'xlsx') records = xlsxRecords(bytes);
  else if (format === 'vcard') {
    records = fromSync(vcardRows(text()));
    header = [...VCARD_COLUMNS];
  } else {
    delimiter = detectDelimiter(text().slice(0, 100_000));
    records = csvRecords(text(), delimiter);
  }
  const current = decoded as ReturnType<typeof decodeText> | null;
  const warnings = current?.warning ? [current.warning] : [];
  if (!header) {
    header = await firstNonEmpty(records);
    if (!header)
      throw malformedFile('The file is empty: it has no header row and no data', { code: 'empty_file' });
  }
  if (header.length > MAX_IMPORT_COLUMNS) {
    await records.return(undefined);
    throw new AppError(
      400,
      'too_many_columns',
      `The file has ${header.length} columns; an import takes at most ${MAX_IMPORT_COLUMNS}: remove the columns you do not need`,
      { columns: header.length, max: MAX_IMPORT_COLUMNS },
    );
  }
  const columns = uniqueNames(header);
  return {
    format,
    encoding: format === 'xlsx' ? null : (current?.encoding ?? null),
    delimiter,
    columns,
    warnings,
    rows: dataRows(records, columns.length),
  };
}

async function* fromSync(rows: Generator<string[]>): AsyncGenerator<string[]> {
  yield* rows;
}

function isEmpty(row: string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

/** The header: the first row with a value. Read with `next()`: a `for await` would close the rows. */
async function firstNonEmpty(records: AsyncGenerator<string[]>): Promise<string[] | null> {
  for (let next = await records.next(); !next.done; next = await records.next()) {
    const record = next.value;
    if (!isEmpty(record)) {
      // Trailing empty header cells (a spreadsheet's formatted but unused columns) are no columns.
      let length = record.length;
      while (length > 0 && (record[length - 1] ?? '').trim() === '') length--;
      return record.slice(0, length).map((cell) => cell.trim());
    }
  }
  return null;
}

function uniqueNames(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, index) => {
    const name = raw === '' ? `Column ${index + 1}` : raw.slice(0, 200);
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

/** Rows padded or cut to the header's width; cells beyond it are reported, not silently dropped. */
async function* dataRows(records: AsyncGenerator<string[]>, width: number): AsyncGenerator<string[]> {
  let count = 0;
  for await (const record of records) {
    if (isEmpty(record)) continue;
    count++;
    if (count > MAX_IMPORT_ROWS) {
      await records.return(undefined);
      throw new AppError(
        400,
        'too_many_rows',
        `The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en')} rows; split it into smaller files`,
        { max: MAX_IMPORT_ROWS },
      );
    }
    const extra = record.slice(width).findIndex((cell) => cell.trim() !== '');
    if (extra >= 0) {
      throw malformedFile(
        `Data row ${count} has a value in column ${width + extra + 1}, beyond the ${width} columns of the header: is the delimiter right?`,
        { row: count + 1, code: 'cells_beyond_header' },
      );
    }
    const long = record.findIndex((cell) => cell.length > MAX_CELL_LENGTH);
    if (long >= 0) {
      throw malformedFile(`Data row ${count} has a value longer than ${MAX_CELL_LENGTH} characters`, {
        row: count + 1,
        code: 'cell_too_long',
      });
    }
    yield Array.from({ length: width }, (_, index) => record[index] ?? '');
  }
}
