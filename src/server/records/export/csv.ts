import { Readable } from 'node:stream';
import type { ApiRecord } from '../present.ts';
import { type CellContext, cellOf, type ExportCell, type ExportColumn, neutraliseFormula } from './cells.ts';

/**
 * CSV as RFC 4180 has it: comma-separated, CRLF line ends, a field quoted when it holds a
 * comma, a quote or a line break (quotes doubled inside). Comma, not semicolon: it is the
 * standard and what import tools expect; Excel in a comma-decimal locale (pl, hu) opens such
 * a file with its import dialog, or the xlsx export is the better choice there. UTF-8 with a
 * byte order mark, or Excel reads "Łódź" as "Å\u0081Ã³dÅº".
 */
const BOM = '\uFEFF';
const LINE_END = '\r\n';
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Numbers plain (no grouping), dates ISO 8601, instants with the reader's UTC offset. */
function csvValue(cell: ExportCell): string {
  if (cell === null) return '';
  switch (cell.kind) {
    case 'text':
      return cell.value;
    case 'number':
      return cell.text ?? String(cell.value);
    case 'boolean':
      return cell.word;
    case 'date':
      return cell.value;
    case 'dateTime':
      return `${cell.value.date}T${cell.value.time}${cell.value.offset}`;
  }
}

function csvLine(values: string[]): string {
  return `${values.map(csvField).join(',')}${LINE_END}`;
}

/**
 * The file as a stream that pulls the next page of records only when the client has taken
 * the previous one (Readable.from reads its source on demand), so a million rows never sit
 * in memory; a client that goes away ends the iteration and with it the paging.
 */
export function csvStream(
  columns: ExportColumn[],
  pages: AsyncIterable<ApiRecord[]>,
  context: CellContext,
): Readable {
  async function* chunks(): AsyncGenerator<string> {
    yield BOM + csvLine(columns.map((column) => neutraliseFormula(column.label)));
    for await (const page of pages) {
      yield page
        .map((record) => csvLine(columns.map((column) => csvValue(cellOf(column.field, record, context)))))
        .join('');
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}
