import { sql } from 'kysely';
import { PERCENT_SCALE } from '../../../shared/field-types/percent.ts';
import type { Executor } from '../../db/dialects/dialect.ts';
import { executorOf } from '../../records/context.ts';
import type { WriteFact } from '../../records/effects.ts';

/** Deeper than any real breakdown of work; bounds the walk up should the data ever be broken. */
const MAX_DEPTH = 1000;

/**
 * The progress of a task with subtasks: the share of the steps at the bottom of its tree (its
 * leaf subtasks, at any depth) that are done, cancelled ones not counted. A task without
 * subtasks has none (its status says it all). UNION, not UNION ALL: should a cycle ever be
 * written (the invariant refuses it after the effects ran), the walk still ends.
 */
async function progressOf(executor: Executor, taskId: number): Promise<number | null> {
  const result = await sql<{ total: number | string; done: number | string | null }>`
    WITH RECURSIVE sub (id) AS (
      SELECT id FROM task WHERE parent_id = ${taskId} AND deleted_at IS NULL
      UNION
      SELECT t.id FROM task t JOIN sub ON t.parent_id = sub.id WHERE t.deleted_at IS NULL
    )
    SELECT count(*) AS total, sum(CASE WHEN s.code = 'done' THEN 1 ELSE 0 END) AS done
    FROM sub
      JOIN task t ON t.id = sub.id
      LEFT JOIN dictionary_value s ON s.id = t.status_id
    WHERE NOT EXISTS (SELECT 1 FROM task c WHERE c.parent_id = t.id AND c.deleted_at IS NULL)
      AND (s.code IS NULL OR s.code <> 'cancelled')`.execute(executor);
  const row = result.rows[0];
  const total = Number(row?.total ?? 0);
  if (total === 0) return null;
  return Math.floor((Number(row?.done ?? 0) * 100) / total);
}

/** The fields whose change moves a tree's progress. */
const MOVING = ['status', 'parent'];

/**
 * Keeps `progress` of a task and of every task above it true after any write that can move it:
 * a subtask added, finished, reopened, moved to another parent, deleted or restored. Progress is
 * derived, like a count: written to the column directly, not as a change of the parent (which
 * would fill its history with percentages and bump the version someone is editing).
 */
export async function rollUpProgress(fact: WriteFact): Promise<void> {
  if (fact.action === 'update' && !fact.changes.some((change) => MOVING.includes(change.field))) return;
  const executor = executorOf(fact.ctx);
  const starts = [fact.recordId];
  const oldParent = fact.changes.find((change) => change.field === 'parent')?.old;
  if (typeof oldParent === 'number') starts.push(oldParent);
  const done = new Set<number>();
  for (const start of starts) {
    let current: number | null = start;
    for (let depth = 0; current !== null && depth < MAX_DEPTH && !done.has(current); depth += 1) {
      done.add(current);
      const share = await progressOf(executor, current);
      // Whole per cent, stored as the percent field type keeps it (basis points).
      const progress = share === null ? null : share * PERCENT_SCALE;
      const row: { parent_id: unknown } | undefined = await executor
        .updateTable('task')
        .set({ progress })
        .where('id', '=', current)
        .returning('parent_id')
        .executeTakeFirst();
      current = row?.parent_id === null || row?.parent_id === undefined ? null : Number(row.parent_id);
    }
  }
}
