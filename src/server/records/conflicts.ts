import type { Actor } from '../access/actor.ts';
import type { Executor } from '../db/dialects/dialect.ts';
import { AppError, errors } from '../errors.ts';
import type { ConflictSpec, ObjectDefinition } from '../metadata/define-object.ts';
import { executorOf, type RecordsContext } from './context.ts';
import { titleOf } from './present.ts';
import { readRecord } from './reader.ts';

/**
 * Thrown by a declared conflict's check where the database has no constraint for it (SQLite):
 * the engine answers it exactly as it answers the constraint's violation.
 */
export class ConflictFound extends Error {
  constructor(readonly constraint: string) {
    super(`the write violates ${constraint}`);
    this.name = 'ConflictFound';
  }
}

export function conflictFound(constraint: string): ConflictFound {
  return new ConflictFound(constraint);
}

/** The rows a failed write tried to leave (one, or a batch's), read from `executor` if needed. */
export type AttemptedRows = (executor: Executor) => Promise<Array<Record<string, unknown>>>;

/**
 * The 409 a failed write deserves, or null when its error is not a conflict with another record
 * (it is then rethrown as it is). A declared conflict (ConflictSpec) gets its code and the clash
 * described; any other unique or exclusion violation a plain `conflict`.
 */
export async function conflictOf(
  ctx: RecordsContext,
  actor: Actor,
  definition: ObjectDefinition,
  error: unknown,
  attempted: AttemptedRows,
): Promise<AppError | null> {
  if (error instanceof AppError) return null;
  const found = error instanceof ConflictFound;
  const name = found ? error.constraint : ctx.dialect.violatedConstraint(error);
  const declared = definition.conflicts.find((conflict) => conflict.constraint === name);
  if (declared) {
    // A statement that failed ended the write's transaction (PostgreSQL aborts even one the
    // write joined), so the clash is read from committed data; a check's refusal left a
    // joined transaction usable, and its uncommitted rows are part of the picture.
    const readCtx: RecordsContext = { ...ctx, transaction: found ? ctx.transaction : undefined };
    const rows = await attempted(executorOf(readCtx));
    return (
      (await describedConflict(readCtx, actor, declared, rows)) ??
      new AppError(409, declared.code, declared.message)
    );
  }
  if (found) throw new Error(`${definition.key}: conflict ${error.constraint} is not declared`);
  if (ctx.dialect.isUniqueViolation(error))
    return errors.conflict(`A ${definition.key} with these values already exists`);
  if (ctx.dialect.isExclusionViolation(error))
    return errors.conflict(`This ${definition.key} clashes with another ${definition.key}`);
  return null;
}

/** The 409 of a declared conflict, naming what `rows` clash with as `ctx` sees it; null if nothing. */
async function describedConflict(
  ctx: RecordsContext,
  actor: Actor,
  declared: ConflictSpec,
  rows: Array<Record<string, unknown>>,
): Promise<AppError | null> {
  const executor = executorOf(ctx);
  // Each record read once however often the description names it (the resource, whose title
  // and readability are both asked; the same booker of several clashes).
  const seen = new Map<string, Promise<Awaited<ReturnType<typeof readRecord>> | null>>();
  const read = (object: string, id: number) => {
    const key = `${object}:${id}`;
    let found = seen.get(key);
    if (!found) {
      found = readRecord(ctx, actor, object, id).catch((refused: unknown) => {
        if (refused instanceof AppError && (refused.statusCode === 403 || refused.statusCode === 404))
          return null;
        throw refused;
      });
      seen.set(key, found);
    }
    return found;
  };
  const readAs = async (object: string, id: number) => (await read(object, id))?.record ?? null;
  const titleAs = async (object: string, id: number) => {
    const target = ctx.registry.get(object);
    const found = target && (await read(object, id));
    return target && found ? titleOf(target, found.row, actor.locale) : null;
  };
  for (const row of rows) {
    const described = await declared.describe({ executor, row, readAs, titleAs });
    if (described) return new AppError(409, declared.code, described.message, described.details);
  }
  return null;
}

/**
 * Before a new row is written (inside its transaction, its references checked): a declared
 * conflict with what is already there refuses it at once — the common case, and a cheap one,
 * as nothing was inserted, indexed or logged to roll back. Two writers at the same moment both
 * pass this; the constraint (or the conflict's check on SQLite) still decides between them.
 */
export async function refuseKnownConflicts(
  ctx: RecordsContext,
  actor: Actor,
  definition: ObjectDefinition,
  attempted: AttemptedRows,
): Promise<void> {
  // Most objects declare none: nothing to encode or read on their writes.
  if (definition.conflicts.length === 0) return;
  const rows = await attempted(executorOf(ctx));
  for (const declared of definition.conflicts) {
    const refused = await describedConflict(ctx, actor, declared, rows);
    if (refused) throw refused;
  }
}

/**
 * The rules a written row must keep, inside its transaction: the object's invariants, then
 * (where the database has no exclusion constraints to refuse them) its declared conflicts'
 * own checks. A throw rolls the write back.
 */
export async function keepRules(
  ctx: RecordsContext,
  executor: Executor,
  definition: ObjectDefinition,
  ids: readonly number[],
): Promise<void> {
  for (const invariant of definition.invariants) for (const id of ids) await invariant(executor, id);
  if (ctx.dialect.exclusionConstraints) return;
  for (const conflict of definition.conflicts) for (const id of ids) await conflict.check(executor, id);
}
