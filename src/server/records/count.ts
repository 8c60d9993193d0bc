import { sql } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { Executor } from '../db/dialects/dialect.ts';
import type { RecordsContext } from './context.ts';
import {
  type CompiledSelection,
  compileSelection,
  type SelectionRequest,
  selectionSource,
} from './selection.ts';

/**
 * Counting every row of a big filtered list costs as much as reading it (a million rows: a
 * second or more), and nobody needs "1,048,576" exactly in a list header. Up to this many
 * rows the count is exact; beyond it the answer is "more than 10,000" or, for the whole
 * table, an estimate.
 */
export const EXACT_COUNT_CAP = 10_000;

export interface RecordCount {
  /** Exact when `exact`; otherwise an estimate of the table (≈) or the cap ("10,000+"). */
  count: number;
  exact: boolean;
}

export async function countRecords(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  request: SelectionRequest,
): Promise<RecordCount> {
  return countSelection(ctx.dialect.db, await compileSelection(ctx, actor, object, request));
}

/**
 * Counts at most cap + 1 rows (the database stops there); above the cap an unnarrowed
 * selection — every live row the actor may see — is answered with the table's estimate,
 * anything narrower with the cap itself, meaning "more than that".
 */
export async function countSelection(executor: Executor, selection: CompiledSelection): Promise<RecordCount> {
  const result = await sql<{ n: number | string }>`SELECT count(*) AS n FROM (
      SELECT 1 AS one ${selectionSource(selection)} LIMIT ${EXACT_COUNT_CAP + 1}
    ) AS capped`.execute(executor);
  const counted = Number(result.rows[0]?.n ?? 0);
  if (counted <= EXACT_COUNT_CAP) return { count: counted, exact: true };
  if (selection.narrowed) return { count: EXACT_COUNT_CAP, exact: false };
  const estimate = await estimateTableRows(executor, selection.definition.table);
  return { count: Math.max(estimate, EXACT_COUNT_CAP + 1), exact: false };
}

/**
 * The table's size from the span of its ids: max(id) − min(id) + 1, two index seeks on both
 * databases (each in its own subquery: SQLite seeks only for a lone min() or max()), under
 * 1 ms on 1,000,000 rows once cached. Ids only grow and records are deleted to the trash, not
 * removed, so the span is the row count up to the few ids a failed insert skips; trashed rows
 * are included, which an estimate may do.
 *
 * Not the planner statistics: `pg_class.reltuples` / `sqlite_stat1` would need SQL that
 * differs per dialect (which belongs in db/dialects/ only), and SQLite's are only as fresh as
 * the last ANALYZE: the hourly `PRAGMA optimize` analyses a table again only once its size has
 * changed about tenfold, so analysed at 100,000 rows they still say 100,000 at 900,000.
 */
async function estimateTableRows(executor: Executor, table: string): Promise<number> {
  const result = await sql<{ low: number | string | null; high: number | string | null }>`
    SELECT (SELECT min(id) FROM ${sql.table(table)}) AS low,
      (SELECT max(id) FROM ${sql.table(table)}) AS high`.execute(executor);
  const row = result.rows[0];
  if (!row || row.low === null || row.high === null) return 0;
  return Number(row.high) - Number(row.low) + 1;
}
