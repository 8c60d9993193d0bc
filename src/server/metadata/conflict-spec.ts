import type { Executor } from '../db/dialects/dialect.ts';

/**
 * A database constraint whose violation is the writer's conflict with someone else's record,
 * not a bug: two records that must not coexist (the same thing taken twice for overlapping
 * times). The constraint is the guarantee — two writers at the same moment cannot both pass
 * it — and the engine answers its violation with a 409 of the declared code, described from
 * the data the writer may see. On a dialect without such constraints (SQLite, one writer at a
 * time) the spec's own `check` keeps the same rule inside the write and reports it with
 * `conflictFound`; where the constraint exists the check is not run (it would only repeat it).
 */
export interface ConflictSpec {
  /** The constraint's name, as the migration created it. */
  constraint: string;
  /** The error code of the 409 (`<something>_conflict`). */
  code: string;
  /** Said when the clash cannot be described (the other record is gone by now). */
  message: string;
  /**
   * The message and details naming what the written row clashes with, or null when nothing
   * clashes any more. Runs after the failed write rolled back, on committed data.
   */
  describe: (lookup: ConflictLookup) => Promise<{ message: string; details: unknown } | null>;
  /**
   * The rule kept inside the writing transaction where the database has no such constraint,
   * run on the written row after the object's invariants; throws `conflictFound(constraint)`.
   */
  check: (executor: Executor, recordId: number) => Promise<void>;
}

export interface ConflictLookup {
  executor: Executor;
  /** The row the write tried to leave, by column (`id` too, unless it was a create). */
  row: Readonly<Record<string, unknown>>;
  /**
   * Another record as the writer may read it (API values, hidden fields left out), or null
   * when they may not: a clash is named only as far as they could see it anyway.
   */
  readAs: (object: string, id: number) => Promise<Record<string, unknown> | null>;
  /** Another record's title in the writer's language, or null when they may not read it. */
  titleAs: (object: string, id: number) => Promise<string | null>;
}

/** Each constraint is declared once, with a code. */
export function checkConflicts(object: string, conflicts: readonly ConflictSpec[]): void {
  const names = new Set<string>();
  for (const conflict of conflicts) {
    if (!conflict.constraint || !conflict.code || names.has(conflict.constraint))
      throw new Error(`${object}: conflict ${conflict.constraint} needs a code and may be declared once`);
    names.add(conflict.constraint);
  }
}
