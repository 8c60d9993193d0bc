import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { MAX_CELL_LENGTH } from '../limits.ts';
import { malformedFile } from './problems.ts';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const SAMPLE_LINES = 50;

/** Occurrences of `delimiter` on each of the first lines, quotes respected. */
function countsPerLine(text: string, delimiter: string): number[] {
  const counts: number[] = [];
  let quoted = false;
  let count = 0;
  for (let index = 0; index < text.length && counts.length < SAMPLE_LINES; index++) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === delimiter) count++;
    else if (!quoted && char === '\n') {
      counts.push(count);
      count = 0;
    }
  }
  if (counts.length < SAMPLE_LINES && count > 0) counts.push(count);
  return counts;
}

/**
 * The delimiter that splits the first lines into the same number of columns, most of them;
 * among equally consistent ones the one giving more columns. Semicolons are what Excel writes
 * in Poland and Hungary (where the comma is the decimal sign); commas the standard; tabs what
 * copying from a spreadsheet gives. A file of one column has none: the comma is assumed.
 */
export function detectDelimiter(text: string): Delimiter {
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = countsPerLine(text, delimiter);
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const consistent = counts.filter((count) => count === header).length / counts.length;
    const score = consistent * 1000 + header;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

function* chunksOf(text: string, size: number): Generator<string> {
  for (let start = 0; start < text.length; start += size) yield text.slice(start, start + size);
}

/**
 * Records of a CSV text as they are parsed, 64 kB at a time (the stream turns the event loop
 * between chunks, so a big file does not hold up other requests). Quotes per RFC 4180; a stray
 * quote inside an unquoted value is kept as text (hand-made files have them); a quoted value
 * never closed is an error naming the line it starts on.
 */
export async function* csvRecords(text: string, delimiter: Delimiter): AsyncGenerator<string[]> {
  const parser = Readable.from(chunksOf(text, 65_536)).pipe(
    parse({
      delimiter,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: MAX_CELL_LENGTH * 10,
    }),
  );
  try {
    for await (const record of parser) yield record as string[];
  } catch (error) {
    throw csvProblem(error);
  }
}

function csvProblem(error: unknown): Error {
  if (!(error instanceof CsvError)) return error instanceof Error ? error : new Error(String(error));
  const line = (error as CsvError & { lines?: number }).lines;
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return malformedFile(
      `A quoted value is never closed: a quote (") opens a value that runs to the end of the file (from about line ${line ?? '?'})`,
      { line, code: 'unclosed_quote' },
    );
  }
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    return malformedFile(`Line ${line ?? '?'} is longer than an import takes; is the file a CSV file?`, {
      line,
      code: 'record_too_long',
    });
  }
  return malformedFile(`The CSV file cannot be read near line ${line ?? '?'}: ${error.message}`, {
    line,
    code: 'invalid_csv',
  });
}
