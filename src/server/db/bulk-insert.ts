import { CompiledQuery } from 'kysely';
import type { DialectName, Executor } from './dialects/dialect.ts';

/**
 * Bound parameters per statement, under SQLite's 32,766 and PostgreSQL's 65,535: rows are
 * inserted in as few statements as these allow.
 */
const MAX_PARAMETERS = 30_000;
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
/** Statement texts by table, columns and row count: a batch job repeats the same few shapes. */
const statements = new Map<string, string>();
const STATEMENT_CACHE_SIZE = 200;

function quoted(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return `"${name}"`;
}

function statement(dialect: DialectName, table: string, columns: string[], rows: number, tail: string) {
  const key = `${dialect}|${table}|${columns.join(',')}|${rows}|${tail}`;
  const known = statements.get(key);
  if (known) return known;
  const tuples: string[] = [];
  let parameter = 0;
  for (let row = 0; row < rows; row++) {
    const marks = columns.map(() => (dialect === 'postgres' ? `$${++parameter}` : '?'));
    tuples.push(`(${marks.join(', ')})`);
  }
  const text = `INSERT INTO ${quoted(table)} (${columns.map(quoted).join(', ')}) VALUES ${tuples.join(', ')}${tail}`;
  if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string);
  statements.set(key, text);
  return text;
}

/** PostgreSQL column types by table (without modifiers: `varchar(20)` is `character varying`). */
const columnTypes = new Map<string, Map<string, string>>();

async function typesOf(executor: Executor, table: string, columns: string[]): Promise<string[]> {
  let known = columnTypes.get(table);
  if (!known || columns.some((column) => !known?.has(column))) {
    const found = await executor.executeQuery<{ name: string; type: string }>(
      CompiledQuery.raw(
        `SELECT a.attname AS name, format_type(a.atttypid, NULL) AS type FROM pg_attribute a
         WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
        [quoted(table)],
      ),
    );
    known = new Map(found.rows.map((row) => [row.name, row.type]));
    columnTypes.set(table, known);
  }
  return columns.map((column) => {
    const type = known?.get(column);
    if (!type) throw new Error(`${table} has no column ${column}`);
    return type;
  });
}

/** A value as one element of a PostgreSQL array parameter: objects as JSON, never as nested arrays. */
function arrayElement(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object' && !(value instanceof Date) && !(value instanceof Uint8Array))
    return JSON.stringify(value);
  return value;
}

/**
 * PostgreSQL: one array parameter per column, `INSERT … SELECT * FROM unnest($1::text[], …)`.
 * Parsing and planning a VALUES list of 30,000 parameters took longer than the insert itself;
 * a statement of a dozen arrays is parsed once and stays prepared.
 */
async function insertUnnested(
  executor: Executor,
  table: string,
  columns: string[],
  rows: Array<Record<string, unknown>>,
  tail: string,
): Promise<Array<Record<string, unknown>>> {
  const types = await typesOf(executor, table, columns);
  const arrays = columns.map((column) => rows.map((row) => arrayElement(row[column])));
  const text = `INSERT INTO ${quoted(table)} (${columns.map(quoted).join(', ')}) SELECT * FROM unnest(${types
    .map((type, index) => `$${index + 1}::${type}[]`)
    .join(', ')})${tail}`;
  return (await executor.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, arrays))).rows;
}

const UNNEST_ROWS = 10_000;

export interface BulkInsertOptions {
  /** Columns of the new rows to hand back (`id` for their ids). */
  returning?: string[];
  /** Rows that clash with an existing one on this unique key are left out (`ON CONFLICT DO NOTHING`). */
  skipConflictsOn?: string[];
}

/**
 * Inserts many rows of one table in multi-row statements, written as SQL text directly: building
 * a query tree of 30,000 values per statement cost more than running it (an import writes
 * hundreds of thousands of history rows). Every row gets every column (missing ones null: SQLite
 * has no DEFAULT inside a multi-row VALUES). Returns the `returning` columns of the rows written.
 */
export async function bulkInsertRows(
  executor: Executor,
  dialect: DialectName,
  table: string,
  rows: Array<Record<string, unknown>>,
  options: BulkInsertOptions = {},
): Promise<Array<Record<string, unknown>>> {
  if (rows.length === 0) return [];
  const seen = new Set<string>();
  for (const row of rows) for (const column of Object.keys(row)) seen.add(column);
  const columns = [...seen];
  const conflict = options.skipConflictsOn
    ? ` ON CONFLICT (${options.skipConflictsOn.map(quoted).join(', ')}) DO NOTHING`
    : '';
  const tail = `${conflict}${options.returning?.length ? ` RETURNING ${options.returning.map(quoted).join(', ')}` : ''}`;
  const written: Array<Record<string, unknown>> = [];
  if (dialect === 'postgres') {
    for (let start = 0; start < rows.length; start += UNNEST_ROWS) {
      written.push(
        ...(await insertUnnested(executor, table, columns, rows.slice(start, start + UNNEST_ROWS), tail)),
      );
    }
    return written;
  }
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let start = 0; start < rows.length; start += size) {
    const chunk = rows.slice(start, start + size);
    const values: unknown[] = [];
    for (const row of chunk) for (const column of columns) values.push(row[column] ?? null);
    const text = statement(dialect, table, columns, chunk.length, tail);
    written.push(
      ...(await executor.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, values))).rows,
    );
  }
  return written;
}

/**
 * `bulkInsertRows` for the common case. With `returning`, the new ids in the rows' order: both
 * dialects hand ids out in the order of the rows within one statement.
 */
export async function bulkInsert(
  executor: Executor,
  dialect: DialectName,
  table: string,
  rows: Array<Record<string, unknown>>,
  options: { returning?: boolean } = {},
): Promise<number[]> {
  const written = await bulkInsertRows(executor, dialect, table, rows, {
    returning: options.returning ? ['id'] : undefined,
  });
  return written.map((row) => Number(row.id)).sort((a, b) => a - b);
}
