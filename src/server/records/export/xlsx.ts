import { PassThrough, type Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { Locale } from '../../../shared/metadata/types.ts';
import { serverType } from '../../metadata/field-types/registry.ts';
import type { ApiRecord } from '../present.ts';
import { type CellContext, cellOf, type ExportCell, type ExportColumn } from './cells.ts';

/** Dates as the reader writes them (`\.` is a literal dot in a number format). */
const DATE_FORMATS: Record<Locale, { date: string; dateTime: string }> = {
  en: { date: 'yyyy-mm-dd', dateTime: 'yyyy-mm-dd hh:mm:ss' },
  pl: { date: 'dd\\.mm\\.yyyy', dateTime: 'dd\\.mm\\.yyyy hh:mm:ss' },
  hu: { date: 'yyyy\\.mm\\.dd\\.', dateTime: 'yyyy\\.mm\\.dd\\. hh:mm:ss' },
};
type DateFormats = (typeof DATE_FORMATS)[Locale];

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
const SHEET_NAME_LIMIT = 31;

/** A value exceljs writes natively: Date becomes a date serial number, numbers stay numbers. */
type XlsxValue = string | number | boolean | Date | null;

/**
 * Excel has no time zones: a date is a calendar day and an instant is shown as the reader's
 * wall clock, both as real date cells (a Date whose UTC fields are that day / wall-clock
 * time, which is how exceljs turns a Date into Excel's serial number).
 */
function xlsxValue(cell: ExportCell, formats: DateFormats): { value: XlsxValue; format?: string } {
  if (cell === null) return { value: null };
  switch (cell.kind) {
    case 'number':
      return { value: cell.value, format: cell.format };
    case 'text':
    case 'boolean':
      return { value: cell.value };
    case 'date':
      return { value: new Date(`${cell.value}T00:00:00Z`), format: formats.date };
    case 'dateTime':
      return { value: new Date(`${cell.value.date}T${cell.value.time}Z`), format: formats.dateTime };
  }
}

/**
 * Text cells are written as strings, verbatim: a string cell is never a formula (a formula is a
 * cell of its own kind), so `=SUM(A1)` or `-5 %` needs no apostrophe here, unlike in CSV.
 */
export function xlsxStream(
  sheetName: string,
  columns: ExportColumn[],
  pages: AsyncIterable<ApiRecord[]>,
  context: CellContext,
): Readable {
  const output = new PassThrough();
  writeWorkbook(output, sheetName, columns, pages, context).catch((error: unknown) =>
    output.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return output;
}

/**
 * The header row stays in view (frozen) and carries the filter buttons (an autoFilter over the
 * header and every row, set once the rows are counted: the streaming writer puts it after them).
 * Column widths fit the header and the first page of rows, the only ones at hand before the
 * sheet's columns must be written.
 */
async function writeWorkbook(
  output: PassThrough,
  sheetName: string,
  columns: ExportColumn[],
  pages: AsyncIterable<ApiRecord[]>,
  context: CellContext,
): Promise<void> {
  const formats = DATE_FORMATS[context.locale];
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  const iterator = pages[Symbol.asyncIterator]();
  const first = await iterator.next();
  const firstCells = first.done
    ? []
    : first.value.map((record) => columns.map((column) => cellOf(column.field, record, context)));
  sheet.columns = columns.map((column, index) => ({
    key: column.field.key,
    width: fittedWidth(
      column,
      firstCells.map((cells) => cells[index] ?? null),
      formats,
    ),
  }));
  const header = sheet.addRow(columns.map((column) => column.label));
  header.font = { bold: true };
  header.commit();
  let rowCount = 1;
  const writeRow = (cells: ExportCell[]) => {
    const row = sheet.addRow([]);
    cells.forEach((exportCell, index) => {
      const { value, format } = xlsxValue(exportCell, formats);
      if (value === null) return;
      const cell = row.getCell(index + 1);
      cell.value = value;
      if (format) cell.numFmt = format;
    });
    row.commit();
    rowCount += 1;
  };
  for (const cells of firstCells) writeRow(cells);
  if (!(await caughtUp(sheet, output))) {
    await iterator.return?.();
    return;
  }
  // The same iterator: `for await` asks it for the pages after the first, and ends it on return.
  for await (const page of { [Symbol.asyncIterator]: () => iterator }) {
    for (const record of page) writeRow(columns.map((column) => cellOf(column.field, record, context)));
    if (!(await caughtUp(sheet, output))) return;
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rowCount, column: columns.length } };
  sheet.commit();
  await workbook.commit();
}

/**
 * A stream between the sheet and the response, seen through Node's stream state (and
 * exceljs's own StreamBuf, which keeps `buffers` and `pipes` itself). exceljs 4.4 is pinned
 * exactly; should a later version hide these, the count is 0 and only the response's
 * backpressure remains.
 */
interface ChainedStream {
  _readableState?: { length?: number; pipes?: unknown };
  _writableState?: { length?: number };
  buffers?: Array<{ length: number }>;
  pipes?: unknown;
}

const MAX_BUFFERED_BYTES = 1024 * 1024;
const MAX_CHAIN_DEPTH = 8;

/** Bytes held by the streams from `stream` down to (not including) `end`. */
function bufferedBefore(stream: ChainedStream | undefined, end: object, depth = 0): number {
  if (!stream || stream === end || depth > MAX_CHAIN_DEPTH) return 0;
  const own =
    (stream._readableState?.length ?? 0) +
    (stream._writableState?.length ?? 0) +
    (stream.buffers ?? []).reduce((sum, buffer) => sum + buffer.length, 0);
  const next = stream.pipes ?? stream._readableState?.pipes;
  const downstream = (Array.isArray(next) ? next : next ? [next] : []) as ChainedStream[];
  return own + downstream.reduce((sum, piped) => sum + bufferedBefore(piped, end, depth + 1), 0);
}

/**
 * exceljs hands committed rows to the zip without heeding backpressure, and the zip's
 * deflate takes one 64 kB chunk per turn of the event loop: left alone, a fast producer piles
 * up the whole sheet's XML in memory (a million rows: hundreds of MB). So after each page the
 * writer waits until at most 1 MB is in flight inside exceljs and the zip, and until the
 * response has taken what it holds. Resolves false when the client went away.
 */
async function caughtUp(sheet: ExcelJS.Worksheet, output: PassThrough): Promise<boolean> {
  const sheetStream = (sheet as unknown as { stream?: ChainedStream }).stream;
  while (bufferedBefore(sheetStream, output) > MAX_BUFFERED_BYTES) {
    if (output.destroyed) return false;
    await delay(1);
  }
  return drained(output);
}

/** Resolves true once `stream` wants more, false when it was closed (the client went away). */
function drained(stream: PassThrough): Promise<boolean> {
  if (stream.destroyed) return Promise.resolve(false);
  if (!stream.writableNeedDrain) return Promise.resolve(true);
  return new Promise((resolve) => {
    const finish = (open: boolean) => {
      stream.off('drain', onDrain);
      stream.off('close', onClose);
      resolve(open);
    };
    const onDrain = () => finish(true);
    const onClose = () => finish(false);
    stream.on('drain', onDrain);
    stream.on('close', onClose);
  });
}

function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, ' ')
    .trim()
    .slice(0, SHEET_NAME_LIMIT);
  return cleaned === '' ? 'Export' : cleaned;
}

/** Room for the filter button beside a header. */
const FILTER_BUTTON = 4;
const PADDING = 2;
/** Excel's default is 8.43; exceljs also leaves a width of exactly 9 out as its own default. */
const MIN_WIDTH = 10;
const MAX_WIDTH = 60;
/** TRUE and FALSE as the reader's Excel words them (PRAWDA, FAŁSZ, IGAZ, HAMIS). */
const BOOLEAN_WIDTH = 6;

/** A column's width in characters: its widest value or its header with the button, capped. */
function fittedWidth(column: ExportColumn, cells: ExportCell[], formats: DateFormats): number {
  const header = column.label.length + FILTER_BUTTON;
  const widest = cells.reduce((most, cell) => Math.max(most, shownLength(cell, formats)), 0);
  // A column empty on the first page takes the width its type usually needs.
  const content = widest === 0 ? serverType(column.field).exportWidth(column.label) : widest + PADDING;
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, header, content));
}

/** About how many characters the spreadsheet shows for a cell (its longest line). */
function shownLength(cell: ExportCell, formats: DateFormats): number {
  if (cell === null) return 0;
  switch (cell.kind) {
    case 'text':
      return cell.value.split('\n').reduce((widest, line) => Math.max(widest, line.length), 0);
    case 'number': {
      // The plain text plus the thousands separators the format adds.
      const digits = String(Math.trunc(Math.abs(cell.value))).length;
      return (cell.text ?? String(cell.value)).length + Math.floor((digits - 1) / 3);
    }
    case 'boolean':
      return BOOLEAN_WIDTH;
    case 'date':
      return formats.date.replaceAll('\\', '').length;
    case 'dateTime':
      return formats.dateTime.replaceAll('\\', '').length;
  }
}
