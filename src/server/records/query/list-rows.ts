import { type RawBuilder, sql } from 'kysely';
import type { Dialect, Executor, ListSource } from '../../db/dialects/dialect.ts';
import { type CompiledSort, orderBy } from './sort.ts';

/** The walk's ids, as the outer query of a walk names them. */
const WALK_ALIAS = 'kt_walk';
/**
 * A walk's id column: the outer query checks sets of ids (trigram matches, search hits) on it,
 * before the row is read from its table.
 */
export const WALKED_ID = `${WALK_ALIAS}.id`;

export interface ListRowsQuery {
  dialect: Dialect;
  executor: Executor;
  table: string;
  alias: string;
  source: ListSource;
  sort: CompiledSort;
  /** What the list selects (its columns and labels). */
  select: RawBuilder<unknown>[];
  /** The list's conditions for a plan that walks (correlated) and for one that does not. */
  walking: RawBuilder<unknown>[];
  gathered: RawBuilder<unknown>[];
  /** "After the cursor", when paging on. */
  after: RawBuilder<unknown> | null;
  /** Rows wanted: the page and one more. */
  wanted: number;
}

/**
 * A list page's rows as the dialect planned them. A budgeted walk (ListSource.walk) reads at
 * most that many rows of the sort index — from the cursor on — and keeps the page if they hold
 * it: the first matches in index order are the page, wherever the walk stopped. Otherwise the
 * matches are read through the other plan and sorted.
 */
export async function readListRows(query: ListRowsQuery): Promise<Record<string, unknown>[]> {
  const { alias, source, sort } = query;
  const order = orderBy(sort, alias, query.dialect);
  const all = (conditions: RawBuilder<unknown>[]) =>
    query.after ? [...conditions, query.after] : conditions;
  if (source.walk) {
    const live = sql`${sql.ref(`${alias}.deleted_at`)} IS NULL`;
    // Only the ids come from the index: a row is read from the table once the id sets in the
    // conditions (WALKED_ID) let it through, not for every index entry the walk meets.
    const walked = sql`SELECT ${sql.ref(`${alias}.id`)} AS id FROM ${source.from}
      WHERE ${sql.join(all([live]), sql` AND `)} ORDER BY ${order} LIMIT ${source.walk.rows}`;
    // No ORDER BY outside: SQLite hands the walk's rows on in its order (CROSS JOIN keeps the
    // walk the outer loop) and stops at the page; sorting them again would read the whole
    // budget first.
    const found = await sql<Record<string, unknown>>`
      SELECT ${sql.join(query.select)} FROM (${walked}) AS ${sql.raw(WALK_ALIAS)}
      CROSS JOIN ${sql.table(query.table)} AS ${sql.raw(alias)} ON ${sql.ref(`${alias}.id`)} = ${sql.ref(WALKED_ID)}
      WHERE ${sql.join(all(query.walking), sql` AND `)}
      LIMIT ${query.wanted}`.execute(query.executor);
    if (found.rows.length >= query.wanted) return found.rows;
    return read(query, source.walk.otherwise, all(query.gathered), order);
  }
  return read(query, source, all(source.correlate ? query.walking : query.gathered), order);
}

async function read(
  query: ListRowsQuery,
  source: ListSource,
  conditions: RawBuilder<unknown>[],
  order: RawBuilder<unknown>,
): Promise<Record<string, unknown>[]> {
  const result = await sql<Record<string, unknown>>`
    SELECT ${sql.join(query.select)} FROM ${source.from}
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY ${order} LIMIT ${query.wanted}`.execute(query.executor);
  return result.rows;
}
