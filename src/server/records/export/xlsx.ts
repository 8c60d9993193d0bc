import { PassThrough, type Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { serverType } from '../../metadata/field-types/registry.ts';
import type { ApiRecord } from '../present.ts';
import { type CellContext, cellOf, type ExportCell, type ExportColumn, neutraliseFormula } from './cells.ts';

const DATE_FORMAT = 'yyyy-mm-dd';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
const SHEET_NAME_LIMIT = 31;

/** A value exceljs writes natively: Date becomes a date serial number, numbers stay numbers. */
type XlsxValue = string | number | boolean | Date | null;

/**
 * Excel has no time zones: a date is a calendar day and an instant is shown as the reader's
 * wall clock, both as real date cells (a Date whose UTC fields are that day / wall-clock
 * time, which is how exceljs turns a Date into Excel's serial number).
 */
function xlsxValue(cell: ExportCell): { value: XlsxValue; format?: string } {
  if (cell === null) return { value: null };
  switch (cell.kind) {
    case 'number':
      return { value: cell.value, format: cell.format };
    case 'text':
    case 'boolean':
      return { value: cell.value };
    case 'date':
      return { value: new Date(`${cell.value}T00:00:00Z`), format: DATE_FORMAT };
    case 'dateTime':
      return { value: new Date(`${cell.value.date}T${cell.value.time}Z`), format: DATE_TIME_FORMAT };
  }
}

/** Text cells are exceljs inline strings, never formulas; they are still neutralised, as in CSV, for any tool that re-reads them as CSV. */
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

async function writeWorkbook(
  output: PassThrough,
  sheetName: string,
  columns: ExportColumn[],
  pages: AsyncIterable<ApiRecord[]>,
  context: CellContext,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ key: column.field.key, width: columnWidth(column) }));
  const header = sheet.addRow(columns.map((column) => neutraliseFormula(column.label)));
  header.font = { bold: true };
  header.commit();
  for await (const page of pages) {
    for (const record of page) {
      const row = sheet.addRow([]);
      columns.forEach((column, index) => {
        const { value, format } = xlsxValue(cellOf(column.field, record, context));
        if (value === null) return;
        const cell = row.getCell(index + 1);
        cell.value = value;
        if (format) cell.numFmt = format;
      });
      row.commit();
    }
    if (!(await caughtUp(sheet, output))) return;
  }
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

function columnWidth(column: ExportColumn): number {
  return serverType(column.field).exportWidth(column.label);
}
