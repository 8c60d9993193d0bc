import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Actor } from '../access/actor.ts';
import { type AccessGrant, type RecordAction, restrictedRights } from '../access/policy.ts';
import type { Executor, Tx } from '../db/dialects/dialect.ts';
import { AppError, errors } from '../errors.ts';
import type { FieldDefinition, ObjectDefinition } from '../metadata/define-object.ts';
import { assertVersions, type BulkUndo, UndoCollector } from './bulk-undo.ts';
import type { RecordsContext } from './context.ts';
import { defaultCountry } from './context.ts';
import { countSelection } from './count.ts';
import { checkInput } from './input.ts';
import { grantFor, listRecords, objectOrThrow } from './reader.ts';
import { type CompiledSelection, compileSelection, selectedIds, withIds } from './selection.ts';
import { deleteRecord, missingReference, restoreRecord, updateRecord } from './writer.ts';

/**
 * At most this many records per bulk action. The whole action is one transaction (below):
 * larger ones would hold the database's write lock — on SQLite, the whole server — for
 * longer than a request should take. A bigger change is a job, not a click.
 */
export const MAX_BULK_RECORDS = 10_000;
/** Versions and memberships are read this many records at a time. */
const BATCH_SIZE = 500;

export type BulkSelection = { ids: number[] } | { filter?: unknown; q?: unknown; exceptIds?: number[] };

export type BulkAction =
  | { type: 'update'; field: string; value: unknown }
  | { type: 'addToGroup' | 'removeFromGroup'; field: string; groupId: number }
  | { type: 'delete' }
  | { type: 'restore' };

export interface BulkRequest {
  selection: BulkSelection;
  action: BulkAction;
  dryRun?: boolean;
  /** With `selection: {ids}`: each record's version as the caller saw it (an undo sends them). */
  versions?: Record<string, number>;
}

export interface BulkResult {
  /** Records in the selection: the ones the action applies to. */
  count: number;
  /** Records actually changed (not on a dry run): one already in the group is not. */
  updated?: number;
  /** The requests that take the action back (not on a dry run); empty when nothing changed. */
  undo?: BulkUndo[];
}

/**
 * Applies the action to one batch of ids inside the action's transaction; returns how many
 * changed, and tells `undo` the opposite of each change.
 */
type BatchStep = (txCtx: RecordsContext, trx: Tx, ids: number[], undo: UndoCollector) => Promise<number>;

/**
 * Runs a bulk action through the records writer, so every record gets its history, version,
 * updated_by, search document and outbox event exactly as a single edit would.
 *
 * All or nothing: the action, its selection and every write run in one transaction, and any
 * refusal (a stale version, a value the writer rejects, a unique clash) rolls all of it back.
 * The writer is given a context carrying this transaction (`ctx.transaction`), so each of its
 * writes joins it and its reads see the changes made so far.
 * Everything the request can get wrong is checked before the first write.
 */
export async function runBulkAction(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  request: BulkRequest,
): Promise<BulkResult> {
  const definition = objectOrThrow(ctx, object);
  if (definition.administratorsOnly && restrictedRights(actor)) {
    throw errors.forbidden(`Only administrators may change ${definition.key} records`);
  }
  // A bulk action needs the `bulk` right and, on every record, the right of the action itself.
  const grant = grantFor(ctx, actor, object, ['bulk', rightNeeded(request.action)]);
  const step = await prepareStep(ctx, actor, definition, grant, request.action);
  // Restoring selects from the trash; every other action from the live records.
  const deleted = request.action.type === 'restore' ? 'only' : 'exclude';
  const selection = await compileSelection(
    ctx,
    actor,
    object,
    {
      ...('ids' in request.selection ? {} : request.selection),
      deleted,
    },
    ['bulk', rightNeeded(request.action)],
  );
  if (request.dryRun) {
    return { count: (await resolveSelection(ctx.dialect.db, selection, request.selection)).length };
  }
  if (request.versions && !('ids' in request.selection)) {
    throw errors.badRequest('versions go with a selection of ids');
  }
  const outcome = await ctx.dialect.db.transaction().execute(async (trx) => {
    const ids = await resolveSelection(trx, selection, request.selection);
    if (request.versions) await assertVersions(trx, definition, ids, request.versions);
    const txCtx: RecordsContext = { ...ctx, transaction: trx };
    const undo = new UndoCollector();
    let updated = 0;
    for (let start = 0; start < ids.length; start += BATCH_SIZE) {
      updated += await step(txCtx, trx, ids.slice(start, start + BATCH_SIZE), undo);
      // better-sqlite3 never yields on its own: let timers and requests that need no database
      // (health checks, static files) run between batches instead of after the whole action.
      await nextTurn();
    }
    return { count: ids.length, updated, undo: await undo.requests(trx, definition) };
  });
  // Writes inside the transaction do not dispatch; the events exist only after this commit.
  void ctx.events.kick();
  return outcome;
}

function rightNeeded(action: BulkAction): RecordAction {
  return action.type === 'delete' || action.type === 'restore' ? action.type : 'update';
}

/** The selected ids, ascending; refuses more than MAX_BULK_RECORDS and ids that are not there. */
async function resolveSelection(
  executor: Executor,
  base: CompiledSelection,
  selection: BulkSelection,
): Promise<number[]> {
  if ('ids' in selection) {
    const wanted = [...new Set(selection.ids)];
    if (wanted.length > MAX_BULK_RECORDS) throw tooLarge(wanted.length, true);
    const found = await selectedIds(executor, withIds(base, wanted, 'only'), MAX_BULK_RECORDS);
    const present = new Set(found);
    const missing = wanted.filter((id) => !present.has(id));
    if (missing.length > 0) {
      throw new AppError(
        404,
        'not_found',
        `${missing.length} of the selected ${base.definition.key} records do not exist or were deleted; reload the list`,
        { ids: missing.slice(0, 100) },
      );
    }
    return found;
  }
  const narrowed = withIds(base, selection.exceptIds ?? [], 'except');
  const ids = await selectedIds(executor, narrowed, MAX_BULK_RECORDS + 1);
  if (ids.length > MAX_BULK_RECORDS) {
    const { count, exact } = await countSelection(executor, narrowed);
    throw tooLarge(count, exact);
  }
  return ids;
}

function tooLarge(count: number, exact: boolean): AppError {
  // Not exact: an estimate of the whole table (above the cap), or the cap itself meaning "more".
  const size = exact ? `${count}` : count > MAX_BULK_RECORDS ? `about ${count}` : `more than ${count}`;
  return new AppError(
    400,
    'selection_too_large',
    `The selection has ${size} records; a bulk action takes at most ${MAX_BULK_RECORDS}: narrow the filter`,
    { count, exact, max: MAX_BULK_RECORDS },
  );
}

/** Checks the action against metadata and the database, and returns the work per batch. */
async function prepareStep(
  ctx: RecordsContext,
  actor: Actor,
  definition: ObjectDefinition,
  grant: AccessGrant,
  action: BulkAction,
): Promise<BatchStep> {
  const object = definition.key;
  if (action.type === 'delete' || action.type === 'restore') {
    const apply = action.type === 'delete' ? deleteRecord : restoreRecord;
    const opposite: BulkAction = { type: action.type === 'delete' ? 'restore' : 'delete' };
    return async (txCtx, _trx, ids, undo) => {
      for (const id of ids) {
        await apply(txCtx, actor, object, id);
        undo.add(id, opposite);
      }
      return ids.length;
    };
  }
  const field = editableField(definition, grant, action.field, action.type === 'update' ? null : 'groupId');
  if (action.type === 'update') {
    // The writer's own check, on the one field: types, limits, required, read-only.
    const input = checkInput(definition, { [field.key]: action.value }, 'update', {
      country: defaultCountry(ctx),
    });
    for (const [checked, value] of input.values) {
      if (checked.target && typeof value === 'number')
        await assertTargetsExist(ctx, checked, [value], field.key);
    }
    for (const [checked, ids] of input.memberships) await assertTargetsExist(ctx, checked, ids, field.key);
    return async (txCtx, trx, ids, undo) => {
      const versions = await currentVersions(trx, definition, ids);
      const before = await valuesOf(txCtx, actor, object, field.key, ids);
      let changed = 0;
      for (const id of ids) {
        const version = versionOf(versions, definition, id);
        const after = await updateRecord(txCtx, actor, object, id, { [field.key]: action.value, version });
        if (Number(after.version) === version) continue;
        changed += 1;
        undo.add(id, { type: 'update', field: field.key, value: before.get(id) ?? null });
      }
      return changed;
    };
  }
  await assertTargetsExist(ctx, field, [action.groupId], 'groupId');
  const adding = action.type === 'addToGroup';
  const opposite: BulkAction = {
    type: adding ? 'removeFromGroup' : 'addToGroup',
    field: field.key,
    groupId: action.groupId,
  };
  return async (txCtx, trx, ids, undo) => {
    const versions = await currentVersions(trx, definition, ids);
    const memberships = await currentMemberships(trx, field, ids);
    let changed = 0;
    for (const id of ids) {
      const current = memberships.get(id) ?? [];
      if (current.includes(action.groupId) === adding) continue;
      const next = adding ? [...current, action.groupId] : current.filter((g) => g !== action.groupId);
      await updateRecord(txCtx, actor, object, id, {
        [field.key]: next,
        version: versionOf(versions, definition, id),
      });
      undo.add(id, opposite);
      changed += 1;
    }
    return changed;
  };
}

/**
 * A field the actor may set in bulk: one the object has, that they may see, that is not
 * set by the system; for group actions (`groupParameter` given) a membership field.
 */
function editableField(
  definition: ObjectDefinition,
  grant: AccessGrant,
  key: string,
  groupParameter: string | null,
): FieldDefinition {
  const field = definition.field(key);
  if (!field || grant.hiddenFields.has(key)) {
    throw errors.validation([
      { field: key, code: 'unknown_field', message: `${definition.key} has no field "${key}"` },
    ]);
  }
  if (field.system || field.readOnly || grant.readOnlyFields.has(key)) {
    throw errors.validation([
      { field: key, code: 'read_only', message: 'is read-only and cannot be set here' },
    ]);
  }
  if (groupParameter && !field.through) {
    throw errors.validation([
      {
        field: key,
        code: 'not_membership',
        message: `is not a membership field, so ${groupParameter} cannot apply`,
      },
    ]);
  }
  return field;
}

/** Checked before the first write, so a wrong target is a 400 with nothing written. */
async function assertTargetsExist(
  ctx: RecordsContext,
  field: FieldDefinition,
  ids: number[],
  reportAs: string,
): Promise<void> {
  const issue = await missingReference(ctx, ctx.dialect.db, field, ids, reportAs);
  if (issue) throw errors.validation([issue]);
}

/** The field's API values before the change, read like a list reads them (money, memberships…). */
async function valuesOf(
  txCtx: RecordsContext,
  actor: Actor,
  object: string,
  field: string,
  ids: number[],
): Promise<Map<number, unknown>> {
  const { items } = await listRecords(txCtx, actor, object, {
    filter: { field: 'id', op: 'in', value: ids },
    fields: ['id', field],
    limit: ids.length,
  });
  return new Map(items.map((item) => [Number(item.id), item[field] ?? null]));
}

async function currentVersions(
  trx: Tx,
  definition: ObjectDefinition,
  ids: number[],
): Promise<Map<number, number>> {
  const rows = await trx
    .selectFrom(definition.table)
    .select(['id', 'version'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [Number(row.id), Number(row.version)]));
}

/** Ids come from this transaction's own selection, so a missing one is a bug, never bad input. */
function versionOf(versions: Map<number, number>, definition: ObjectDefinition, id: number): number {
  const version = versions.get(id);
  if (version === undefined) throw new Error(`${definition.key} ${id} vanished inside its transaction`);
  return version;
}

async function currentMemberships(
  trx: Tx,
  field: FieldDefinition,
  ids: number[],
): Promise<Map<number, number[]>> {
  const through = field.through;
  const byRecord = new Map<number, number[]>();
  if (!through) return byRecord;
  const rows = await trx
    .selectFrom(through.table)
    .select([through.sourceColumn, through.targetColumn])
    .where(through.sourceColumn, 'in', ids)
    .execute();
  for (const row of rows) {
    const id = Number(row[through.sourceColumn]);
    byRecord.set(id, [...(byRecord.get(id) ?? []), Number(row[through.targetColumn])]);
  }
  return byRecord;
}
