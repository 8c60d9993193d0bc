import { type RawBuilder, sql } from 'kysely';
import { isIllFormedText } from '../../../shared/text/well-formed.ts';
import type { Dialect } from '../../db/dialects/dialect.ts';
import { errors } from '../../errors.ts';
import { serverType } from '../../metadata/field-types/registry.ts';
import { type CompiledSort, type SortKey, sortExpression, sortValue } from './sort.ts';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** Opaque to clients: the sort key values of the last row, bound to one sort. */
interface CursorPayload {
  s: string;
  v: unknown[];
}

export function encodeCursor(sort: CompiledSort, row: Record<string, unknown>): string {
  const payload: CursorPayload = { s: sort.signature, v: sort.keys.map((k) => row[k.column] ?? null) };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

export function decodeCursor(sort: CompiledSort, cursor: string): unknown[] {
  let payload: CursorPayload;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorPayload;
  } catch {
    throw errors.badRequest('cursor is not valid; start again without it');
  }
  if (
    !payload ||
    payload.s !== sort.signature ||
    !Array.isArray(payload.v) ||
    payload.v.length !== sort.keys.length
  ) {
    throw errors.badRequest('cursor does not belong to this list and sort; start again without it');
  }
  // The signature only names the sort; the values come from the client and must fit their keys.
  for (const [index, key] of sort.keys.entries()) {
    if (!fitsKey(key, payload.v[index]))
      throw errors.badRequest('cursor is not valid; start again without it');
  }
  return payload.v;
}

/** A cursor value as the database would have produced it for this key. */
function fitsKey(key: SortKey, value: unknown): boolean {
  if (value === null) return key.nullable;
  if (key.label) return typeof value === 'string' && !isIllFormedText(value);
  return serverType(key.field).fitsCursor(value, key.field);
}

/** Clamps a requested page size: ≤ 0 is refused, a huge one is capped. */
export function pageSize(requested: unknown): number {
  if (requested === undefined || requested === null) return DEFAULT_PAGE_SIZE;
  if (typeof requested !== 'number' || !Number.isInteger(requested) || requested < 1) {
    throw errors.badRequest('limit must be a whole number of at least 1');
  }
  return Math.min(requested, MAX_PAGE_SIZE);
}

/**
 * "Rows after the cursor" in the sort order (keyset paging, never OFFSET). When every key is
 * NOT NULL and all go one way, a row-value comparison lets both databases walk the index.
 */
export function afterCursor(
  sort: CompiledSort,
  values: unknown[],
  alias: string,
  dialect: Dialect,
): RawBuilder<unknown> {
  const expr = (key: SortKey) => sortExpression(key, alias, dialect, sort.locale);
  const val = (key: SortKey, index: number) => sortValue(key, values[index], dialect, sort.locale);
  const direction = sort.keys[0]?.direction;
  const first = sort.keys[0];
  if (first && sort.keys.every((k) => !k.nullable && k.direction === direction)) {
    const op = sql.raw(direction === 'desc' ? '<' : '>');
    // The redundant bound on the first key alone is what lets SQLite seek into the index;
    // it cannot range-scan on a row-value comparison and would scan from the start each page.
    const bound = sql.raw(direction === 'desc' ? '<=' : '>=');
    return sql`${expr(first)} ${bound} ${val(first, 0)} AND (${sql.join(sort.keys.map(expr))}) ${op} (${sql.join(sort.keys.map(val))})`;
  }
  const branches = sort.keys.map((key, index) => {
    const equalBefore = sort.keys.slice(0, index).map((k, j) => equal(values[j], expr(k), val(k, j)));
    return sql.join([...equalBefore, after(key, values[index], expr(key), val(key, index))], sql` AND `);
  });
  return sql`((${sql.join(branches, sql`) OR (`)}))`;
}

function equal(value: unknown, column: RawBuilder<unknown>, bound: RawBuilder<unknown>) {
  return value === null ? sql`${column} IS NULL` : sql`${column} = ${bound}`;
}

/** Strictly after `value` for one key, with NULLs last in both directions (see orderBy). */
function after(key: SortKey, value: unknown, column: RawBuilder<unknown>, bound: RawBuilder<unknown>) {
  if (value === null) return sql`1 = 0`;
  const beyond = key.direction === 'asc' ? sql`${column} > ${bound}` : sql`${column} < ${bound}`;
  return key.nullable ? sql`(${beyond} OR ${column} IS NULL)` : beyond;
}
