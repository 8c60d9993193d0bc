import type { Actor } from '../access/actor.ts';
import { actorUserId } from '../access/actor.ts';
import { type AccessGrant, authorize, restrictedRights } from '../access/policy.ts';
import type { Tx } from '../db/dialects/dialect.ts';
import { type AppError, errors, type FieldIssue } from '../errors.ts';
import type { ObjectDefinition } from '../metadata/define-object.ts';
import { type AttemptedRows, conflictOf, keepRules, refuseKnownConflicts } from './conflicts.ts';
import { defaultCountry, executorOf, type RecordsContext } from './context.ts';
import { createDefaultsContext, creatorOf } from './create-defaults.ts';
import { derivedColumnValues } from './derived.ts';
import { runEffects } from './effects.ts';
import { writeEvent } from './events.ts';
import { diffValues, type FieldChange, writeHistory } from './history.ts';
import { inScope } from './in-scope.ts';
import { withInheritedValues } from './inherit.ts';
import { checkInput, inputContext } from './input.ts';
import type { ApiRecord } from './present.ts';
import { checkId, getRecord, loadRow, objectOrThrow, present } from './reader.ts';
import { changesSearch, indexRecord } from './search-index.ts';
import { stampedColumns } from './stamps.ts';
import { subjectOf } from './subjects.ts';
import { isVersion, MAX_VERSION } from './version.ts';
import {
  checkReferences,
  currentMemberships,
  encodeValues,
  refreshCarried,
  replaceMemberships,
  sortedIds,
} from './write-values.ts';

export { missingReference } from './write-values.ts';

/** Runs of a write's transaction when the database gave up on it only because of another. */
const TRANSIENT_ATTEMPTS = 3;

/**
 * Runs a write in one transaction, then lets subscribers see its events. Inside a command's
 * transaction (`ctx.transaction`) the write joins it; the command dispatches after its commit.
 * A clash with another record (a unique or declared constraint) is a 409: `attempted` is the
 * row the write tried to leave, which describes it.
 */
async function inTransaction<T>(
  ctx: RecordsContext,
  actor: Actor,
  definition: ObjectDefinition,
  attempted: AttemptedRows,
  work: (trx: Tx) => Promise<T>,
) {
  let result: T;
  for (let attempt = 1; ; attempt++) {
    try {
      result = ctx.transaction
        ? await work(ctx.transaction)
        : await ctx.dialect.db.transaction().execute(work);
      break;
    } catch (error) {
      // A transaction of its own that lost only to timing (two bookings of one room at the
      // same moment can deadlock on the exclusion constraint) runs again: it then finds the
      // other one committed and gets its 409 or succeeds. A joined one belongs to its command.
      if (!ctx.transaction && attempt < TRANSIENT_ATTEMPTS && ctx.dialect.isTransientConflict(error))
        continue;
      throw (await conflictOf(ctx, actor, definition, error, attempted)) ?? error;
    }
  }
  if (!ctx.transaction) void ctx.events.kick();
  return result;
}

export async function createRecord(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  body: unknown,
): Promise<ApiRecord> {
  const definition = objectOrThrow(ctx, object);
  const grant = authorizeWrite(ctx, actor, definition, 'create');
  const given = await withInheritedValues(executorOf(ctx), ctx.registry, definition, body);
  const context = await inputContext(
    executorOf(ctx),
    ctx.registry,
    definition,
    given,
    null,
    defaultCountry(ctx),
  );
  const create = await createDefaultsContext(executorOf(ctx), definition, creatorOf(actor, ctx.now()));
  const input = checkInput(definition, given, 'create', { ...context, create });
  assertWritableFields(definition, grant, body);
  const at = ctx.now().toISOString();
  const actorId = actorUserId(actor);
  const changes: FieldChange[] = [
    ...[...input.values].filter(([, v]) => v !== null).map(([f, v]) => ({ field: f.key, old: null, new: v })),
    ...[...input.memberships]
      .filter(([, ids]) => ids.length > 0)
      .map(([f, ids]) => ({ field: f.key, old: null, new: sortedIds(ids) })),
  ];
  // In a joined transaction the new row outlives the failure (until the command rolls back):
  // with its id, it is not taken for a record it clashes with.
  let inserted: number | undefined;
  const attempted = async () => [{ ...encodeValues(ctx, input), ...(ctx.transaction && { id: inserted }) }];
  const id = await inTransaction(ctx, actor, definition, attempted, async (trx) => {
    await checkReferences(ctx, trx, input);
    await refuseKnownConflicts({ ...ctx, transaction: trx }, actor, definition, attempted);
    const row = await trx
      .insertInto(definition.table)
      .values({
        ...encodeValues(ctx, input),
        ...stampedColumns(definition, changes, at),
        ...derivedColumnValues(ctx.dialect, definition, input, null),
        created_at: at,
        created_by: actorId,
        updated_at: at,
        updated_by: actorId,
        version: 1,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const recordId = Number(row.id);
    inserted = recordId;
    for (const [field, ids] of input.memberships)
      await replaceMemberships(trx, recordId, field, ids, actorId, at, row);
    // Checked on the new row, before commit: a record outside the creator's scope never exists.
    if (!(await inScope(trx, definition, grant, recordId))) {
      throw errors.forbidden(
        `You may not create this ${definition.key}: it would be outside the records you may create`,
      );
    }
    const subject = await subjectOf(trx, ctx.registry, definition, row);
    await writeHistory(trx, { object, recordId, action: 'create', changes, actorId, at, subject });
    await runEffects(ctx, trx, definition, actor, { object, recordId, action: 'create', changes });
    await keepRules(ctx, trx, definition, [recordId]);
    await indexRecord(trx, ctx.dialect, definition, row);
    await writeEvent(trx, {
      object,
      recordId,
      type: 'created',
      payload: { changes },
      actorId,
      createdAt: at,
      subject,
    });
    return recordId;
  });
  return getRecord(ctx, actor, object, id);
}

/** Reads the version from a body: a write without it could overwrite someone else's change. */
function requiredVersion(body: unknown): number {
  const version = (body as { version?: unknown } | null)?.version;
  if (!isVersion(version)) {
    throw errors.badRequest(
      `version is required: send the version of the record you edited (a whole number from 1 to ${MAX_VERSION})`,
    );
  }
  return version;
}

async function staleVersion(
  ctx: RecordsContext,
  actor: Actor,
  definition: ObjectDefinition,
  id: number,
): Promise<AppError> {
  const current = await getRecord(ctx, actor, definition.key, id, { includeDeleted: true });
  return errors.conflict(
    `${definition.key} ${id} was changed by someone else meanwhile; review the current version`,
    {
      current,
    },
  );
}

export async function updateRecord(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  rawId: unknown,
  body: unknown,
): Promise<ApiRecord> {
  const definition = objectOrThrow(ctx, object);
  const id = checkId(rawId);
  const grant = authorizeWrite(ctx, actor, definition, 'update');
  const context = await inputContext(
    executorOf(ctx),
    ctx.registry,
    definition,
    body,
    id,
    defaultCountry(ctx),
  );
  const input = checkInput(definition, body, 'update', context);
  assertWritableFields(definition, grant, body);
  const version = requiredVersion(body);
  const at = ctx.now().toISOString();
  const actorId = actorUserId(actor);
  const attempted: AttemptedRows = async (executor) => {
    const stored = await loadRow(executor, definition, id);
    return stored ? [{ ...stored, ...encodeValues(ctx, input) }] : [];
  };
  const outcome = await inTransaction(ctx, actor, definition, attempted, async (trx) => {
    const before = await loadRow(trx, definition, id);
    if (!before || before.deleted_at)
      throw errors.notFound(`${definition.key} ${id} does not exist or was deleted`);
    await assertReachable(ctx, trx, actor, definition, grant, id, 'update');
    if (Number(before.version) !== version) return 'stale' as const;
    await checkReferences(ctx, trx, input, before);
    const [beforeRecord] = await present(ctx, trx, actor, [...input.values.keys()], [], [before]);
    const afterRecord = Object.fromEntries([...input.values].map(([f, v]) => [f.key, v]));
    const changes = diffValues(beforeRecord ?? {}, afterRecord);
    for (const [field, ids] of input.memberships) {
      const old = await currentMemberships(trx, id, field);
      if (JSON.stringify(old) !== JSON.stringify(sortedIds(ids)))
        changes.push({ field: field.key, old, new: sortedIds(ids) });
    }
    if (changes.length === 0) return 'unchanged' as const;
    const changed = new Set(
      changes.flatMap((c) => definition.field(c.field)?.columns.map((column) => column.name) ?? []),
    );
    const changedColumns = Object.fromEntries(
      Object.entries(encodeValues(ctx, input)).filter(([column]) => changed.has(column)),
    );
    const updated = await trx
      .updateTable(definition.table)
      .set({
        ...changedColumns,
        ...stampedColumns(definition, changes, at),
        ...derivedColumnValues(ctx.dialect, definition, input, before),
        version: version + 1,
        updated_at: at,
        updated_by: actorId,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) return 'stale' as const;
    for (const [field, ids] of input.memberships)
      await replaceMemberships(trx, id, field, ids, actorId, at, updated);
    await refreshCarried(trx, definition, id, before, updated, new Set(input.memberships.keys()));
    if (!(await inScope(trx, definition, grant, id))) {
      throw errors.forbidden(
        `This change would move ${definition.key} ${id} outside the records you may edit; ask someone who may`,
      );
    }
    const subject = await subjectOf(trx, ctx.registry, definition, updated);
    await writeHistory(trx, { object, recordId: id, action: 'update', changes, actorId, at, subject });
    await runEffects(ctx, trx, definition, actor, {
      object,
      recordId: id,
      action: 'update',
      changes,
      row: updated,
    });
    await keepRules(ctx, trx, definition, [id]);
    // A change of fields the search document is not made of leaves it as it is.
    if (changesSearch(definition, changed)) await indexRecord(trx, ctx.dialect, definition, updated);
    await writeEvent(trx, {
      object,
      recordId: id,
      type: 'updated',
      payload: { changes },
      actorId,
      createdAt: at,
      subject,
    });
    return 'updated' as const;
  });
  if (outcome === 'stale') throw await staleVersion(ctx, actor, definition, id);
  return getRecord(ctx, actor, object, id);
}

/** Moves a record to the trash (soft delete); `version`, when given, must be current. */
export async function deleteRecord(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  rawId: unknown,
  version?: number,
): Promise<void> {
  await setDeleted(ctx, actor, object, rawId, true, version);
}

export async function restoreRecord(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  rawId: unknown,
): Promise<ApiRecord> {
  const id = await setDeleted(ctx, actor, object, rawId, false);
  return getRecord(ctx, actor, object, id);
}

async function setDeleted(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  rawId: unknown,
  deleting: boolean,
  version?: number,
): Promise<number> {
  const definition = objectOrThrow(ctx, object);
  const id = checkId(rawId);
  const grant = authorizeWrite(ctx, actor, definition, deleting ? 'delete' : 'restore');
  const at = ctx.now().toISOString();
  const actorId = actorUserId(actor);
  const attempted: AttemptedRows = async (executor) => {
    const stored = await loadRow(executor, definition, id);
    return stored ? [{ ...stored, deleted_at: deleting ? at : null }] : [];
  };
  const outcome = await inTransaction(ctx, actor, definition, attempted, async (trx) => {
    const before = await loadRow(trx, definition, id);
    if (!before) throw errors.notFound(`${definition.key} ${id} does not exist`);
    await assertReachable(ctx, trx, actor, definition, grant, id, deleting ? 'delete' : 'restore');
    if (deleting && before.deleted_at) throw errors.notFound(`${definition.key} ${id} is already deleted`);
    if (!deleting && !before.deleted_at) throw errors.conflict(`${definition.key} ${id} is not in the trash`);
    const expected = version ?? Number(before.version);
    const updated = await trx
      .updateTable(definition.table)
      .set({
        deleted_at: deleting ? at : null,
        deleted_by: deleting ? actorId : null,
        version: expected + 1,
        updated_at: at,
        updated_by: actorId,
      })
      .where('id', '=', id)
      .where('version', '=', expected)
      .returningAll()
      .executeTakeFirst();
    if (!updated) return 'stale' as const;
    const action = deleting ? 'delete' : 'restore';
    const subject = await subjectOf(trx, ctx.registry, definition, updated);
    await writeHistory(trx, { object, recordId: id, action, changes: [], actorId, at, subject });
    await runEffects(ctx, trx, definition, actor, { object, recordId: id, action, changes: [] });
    await keepRules(ctx, trx, definition, [id]);
    await indexRecord(trx, ctx.dialect, definition, updated);
    await writeEvent(trx, {
      object,
      recordId: id,
      type: deleting ? 'deleted' : 'restored',
      payload: {},
      actorId,
      createdAt: at,
      subject,
    });
    return 'done' as const;
  });
  if (outcome === 'stale') throw await staleVersion(ctx, actor, definition, id);
  return id;
}

/**
 * The grant for a write. Objects that only administrators administer (accounts) refuse every
 * other writer here, whatever their roles say: nobody edits their own account into power.
 */
export function authorizeWrite(
  ctx: RecordsContext,
  actor: Actor,
  definition: ObjectDefinition,
  action: 'create' | 'update' | 'delete' | 'restore',
): AccessGrant {
  if (definition.administratorsOnly && restrictedRights(actor)) {
    throw errors.forbidden(`Only administrators may ${action} ${definition.key} records`);
  }
  return authorize(ctx.registry, actor, definition.key, action);
}

/** A write naming a hidden field is told the field does not exist; a read-only one that it is. */
export function assertWritableFields(definition: ObjectDefinition, grant: AccessGrant, body: unknown): void {
  if (!body || typeof body !== 'object') return;
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(body)) {
    if (grant.hiddenFields.has(key)) {
      issues.push({ field: key, code: 'unknown_field', message: `${definition.key} has no field "${key}"` });
    } else if (grant.readOnlyFields.has(key)) {
      issues.push({ field: key, code: 'read_only', message: 'you may read this field but not change it' });
    }
  }
  if (issues.length > 0) throw errors.validation(issues);
}

/**
 * Inside the write's transaction: the record is within the rows the right reaches. Outside
 * them, a record the actor can read is refused (403); one they cannot is missing (404).
 */
async function assertReachable(
  ctx: RecordsContext,
  trx: Tx,
  actor: Actor,
  definition: ObjectDefinition,
  grant: AccessGrant,
  id: number,
  action: string,
): Promise<void> {
  if (await inScope(trx, definition, grant, id)) return;
  const readable = await inScope(trx, definition, authorize(ctx.registry, actor, definition.key, 'read'), id);
  if (readable) throw errors.forbidden(`You may not ${action} ${definition.key} ${id}`);
  throw errors.notFound(`${definition.key} ${id} does not exist`);
}
