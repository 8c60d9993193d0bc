import type { Executor } from '../db/dialects/dialect.ts';
import { errors } from '../errors.ts';

/** Deeper than any real organisation; a longer chain can only be a cycle through other rows. */
const MAX_DEPTH = 1000;

/**
 * An invariant for a tree kept in a self-reference (a department's parent, an employee's
 * manager): walking up from the written record must never come back to it. Checked inside the
 * write's transaction, so a cycle is a 400 and nothing is written.
 */
export function noCycle(table: string, column: string, field: string) {
  return async (executor: Executor, recordId: number): Promise<void> => {
    let current: number | null = recordId;
    for (let depth = 0; depth < MAX_DEPTH && current !== null; depth += 1) {
      const row: Record<string, unknown> | undefined = await executor
        .selectFrom(table)
        .select(column)
        .where('id', '=', current)
        .executeTakeFirst();
      const next: unknown = row?.[column];
      current = next === null || next === undefined ? null : Number(next);
      if (current === recordId) {
        throw errors.validation([
          { field, code: 'cycle', message: 'would make a circle: a record cannot be above itself' },
        ]);
      }
    }
  };
}
