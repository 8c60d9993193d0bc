import { Readable } from 'node:stream';
import type { Locale } from '../../../shared/metadata/types.ts';
import type { ApiRecord } from '../present.ts';
import { type CellContext, cellOf, type ExportCell, type ExportColumn, startsLikeFormula } from './cells.ts';

/**
 * CSV as RFC 4180 has it (CRLF line ends, a field quoted when it holds the delimiter, a quote or
 * a line break, quotes doubled inside), in UTF-8 with a byte order mark, or Excel reads "Łódź"
 * as "Å\u0081Ã³dÅº".
 *
 * The delimiter and the decimal mark follow the reader's spreadsheet. Excel opens a CSV file
 * (a double click, no import dialog) with the list separator of the Windows region, which is
 * `;` in Poland and Hungary because their decimal separator is the comma: a comma-separated file
 * would land every row in column A. The same Excel reads `1234.5` as text, or worse as a date
 * (`1.5` is the 1st of May there), so numbers get the decimal comma too. English readers get
 * the comma and the point. Dates stay ISO 8601, which Excel reads as dates in every region; no
 * number is grouped, so nothing else can be mistaken for a separator. LibreOffice asks in its
 * import dialog and proposes what it detects; the product's own import detects the delimiter
 * and reads both decimal marks, so every variant imports back.
 */
interface Convention {
  delimiter: ',' | ';';
  decimalComma: boolean;
}

const CONVENTIONS: Record<Locale, Convention> = {
  en: { delimiter: ',', decimalComma: false },
  pl: { delimiter: ';', decimalComma: true },
  hu: { delimiter: ';', decimalComma: true },
};

const BOM = '\uFEFF';
const LINE_END = '\r\n';
const QUOTE_ALSO = /["\r\n]/;

function quoted(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

function csvField(value: string, delimiter: ',' | ';'): string {
  return value.includes(delimiter) || QUOTE_ALSO.test(value) ? quoted(value) : value;
}

/**
 * Text that a spreadsheet would run as a formula gets an apostrophe in front and is always
 * quoted, as OWASP's CSV injection advice has it: the quotes keep the field whole (and its
 * first character first) whatever delimiter the reader's spreadsheet splits on.
 */
function textField(value: string, delimiter: ',' | ';'): string {
  return startsLikeFormula(value) ? quoted(`'${value}`) : csvField(value, delimiter);
}

/** Numbers plain (no grouping), dates ISO 8601, instants with the reader's UTC offset. */
function csvValue(cell: ExportCell, convention: Convention): string {
  if (cell === null) return '';
  switch (cell.kind) {
    case 'text':
      return textField(cell.value, convention.delimiter);
    case 'number': {
      // `text` and String(number) both write `.` as the decimal point, and only there.
      const text = cell.text ?? String(cell.value);
      return csvField(convention.decimalComma ? text.replace('.', ',') : text, convention.delimiter);
    }
    case 'boolean':
      return csvField(cell.word, convention.delimiter);
    case 'date':
      return cell.value;
    case 'dateTime':
      return `${cell.value.date}T${cell.value.time}${cell.value.offset}`;
  }
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
  const convention = CONVENTIONS[context.locale];
  const line = (fields: string[]) => `${fields.join(convention.delimiter)}${LINE_END}`;
  async function* chunks(): AsyncGenerator<string> {
    yield BOM + line(columns.map((column) => textField(column.label, convention.delimiter)));
    for await (const page of pages) {
      yield page
        .map((record) =>
          line(columns.map((column) => csvValue(cellOf(column.field, record, context), convention))),
        )
        .join('');
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}
