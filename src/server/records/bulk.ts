import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Actor } from '../access/actor.ts';
import { type AccessGrant, type RecordAction, restrictedRights } from '../access/policy.ts';
import type { Executor } from '../db/dialects/dialect.ts';
import { idLists } from '../db/id-lists.ts';
import { AppError, errors } from '../errors.ts';
import type { FieldDefinition, ObjectDefinition } from '../metadata/define-object.ts';
import { type BatchStep, membershipStep, refusalOf, trashStep, updateStep } from './bulk-steps.ts';
import { assertVersions, type BulkUndo, UndoCollector } from './bulk-undo.ts';
import type { RecordsContext } from './context.ts';
import { defaultCountry } from './context.ts';
import { countSelection } from './count.ts';
import { checkInput } from './input.ts';
import { grantFor, objectOrThrow } from './reader.ts';
import { type CompiledSelection, compileSelection, selectedIds, withIds } from './selection.ts';
import { missingReference } from './writer.ts';

/**
 * Selections up to this size are changed at once, in one transaction, and the answer carries
 * the undo. Larger ones run in the background (`bulk-runs.ts`) in batches, with a progress bar:
 * one transaction over a hundred thousand records would hold the database's write lock (on
 * SQLite, the whole server) for seconds.
 */
export const IMMEDIATE_BULK_RECORDS = 1_000;
/** Records per batch: per transaction in the background, per round of statements at once. */
export const BULK_BATCH_SIZE = 1_000;
/** The most ids a selection by ids may name (the request body's own limit). */
export const MAX_SELECTED_IDS = 100_000;

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
  /** Run in the background whatever the selection's size (else only above IMMEDIATE_BULK_RECORDS). */
  background?: boolean;
  /** With `selection: {ids}`: each record's version as the caller saw it (an undo sends them). */
  versions?: Record<string, number>;
}

export interface BulkResult {
  /** Records in the selection: the ones the action applies to. */
  count: number;
  /** False when `count` is an estimate (a dry run over a large selection). */
  exact?: boolean;
  /** Records actually changed (not on a dry run): one already in the group is not. */
  updated?: number;
  /** The requests that take the action back (not on a dry run); empty when nothing changed. */
  undo?: BulkUndo[];
}

/** The action is to run in the background over a selection of about `count` records. */
export interface BulkInBackground {
  background: { count: number; exact: boolean };
}

/** What a bulk action is, checked: ready to run at once or batch by batch in the background. */
export interface PreparedBulkAction {
  definition: ObjectDefinition;
  step: BatchStep;
  selection: CompiledSelection;
}

/**
 * Checks everything the request can get wrong before the first write: the object, the
 * `bulk` right and the action's own right, the field, the value, its references.
 */
export async function prepareBulkAction(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  request: Pick<BulkRequest, 'selection' | 'action'>,
): Promise<PreparedBulkAction> {
  const definition = objectOrThrow(ctx, object);
  if (definition.administratorsOnly && restrictedRights(actor)) {
    throw errors.forbidden(`Only administrators may change ${definition.key} records`);
  }
  const rights: RecordAction[] = ['bulk', rightNeeded(request.action)];
  const grant = grantFor(ctx, actor, object, rights);
  const step = await prepareStep(ctx, actor, definition, grant, request.action);
  // Restoring selects from the trash; every other action from the live records.
  const deleted = request.action.type === 'restore' ? 'only' : 'exclude';
  const { selection } = request;
  const compiled = await compileSelection(
    ctx,
    actor,
    object,
    { ...('ids' in selection ? {} : { filter: selection.filter, q: selection.q }), deleted },
    rights,
  );
  return {
    definition,
    step,
    selection: 'ids' in selection ? compiled : withIds(compiled, selection.exceptIds ?? [], 'except'),
  };
}

/**
 * Runs a bulk action set-based (`bulk-steps.ts`): every record gets its history, version,
 * updated_by, search document and outbox event exactly as a single edit would.
 *
 * A selection of at most IMMEDIATE_BULK_RECORDS is done here, all or nothing: the selection and
 * every write run in one transaction, and any refusal (a stale version, a value the writer
 * rejects, a unique clash) rolls all of it back. A larger one is answered `{background}`: the
 * caller starts a background run of it (`bulk-runs.ts`).
 */
export async function runBulkAction(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  request: BulkRequest,
): Promise<BulkResult | BulkInBackground> {
  const prepared = await prepareBulkAction(ctx, actor, object, request);
  const { definition, selection, step } = prepared;
  if (request.versions && !('ids' in request.selection)) {
    throw errors.badRequest('versions go with a selection of ids');
  }
  const db = ctx.dialect.db;
  if ('ids' in request.selection) {
    const ids = await existingIds(db, selection, request.selection.ids);
    if (request.dryRun) return { count: ids.length, exact: true };
    if (request.background || ids.length > IMMEDIATE_BULK_RECORDS) {
      if (request.versions) throw errors.badRequest(`versions go with at most ${IMMEDIATE_BULK_RECORDS} ids`);
      return { background: { count: ids.length, exact: true } };
    }
  } else {
    const first = await selectedIds(db, selection, IMMEDIATE_BULK_RECORDS + 1);
    if (request.background || first.length > IMMEDIATE_BULK_RECORDS) {
      const { count, exact } =
        first.length > IMMEDIATE_BULK_RECORDS
          ? await countSelection(db, selection)
          : { count: first.length, exact: true };
      return request.dryRun ? { count, exact } : { background: { count, exact } };
    }
    if (request.dryRun) return { count: first.length, exact: true };
  }
  const outcome = await db
    .transaction()
    .execute(async (trx) => {
      // Selected again inside the transaction: what it changes is what it read.
      const ids =
        'ids' in request.selection
          ? await existingIds(trx, selection, request.selection.ids)
          : await selectedIds(trx, selection, IMMEDIATE_BULK_RECORDS + 1);
      if (ids.length > IMMEDIATE_BULK_RECORDS) {
        throw errors.conflict('The selection grew while the action started; run it again');
      }
      if (request.versions) await assertVersions(trx, definition, ids, request.versions);
      const txCtx: RecordsContext = { ...ctx, transaction: trx };
      const undo = new UndoCollector();
      let updated = 0;
      for (let start = 0; start < ids.length; start += BULK_BATCH_SIZE) {
        updated += await step(txCtx, trx, ids.slice(start, start + BULK_BATCH_SIZE), undo);
        // better-sqlite3 never yields on its own: let timers and requests that need no database
        // (health checks, static files) run between batches instead of after the whole action.
        await nextTurn();
      }
      return { count: ids.length, updated, undo: await undo.requests(trx, definition) };
    })
    .catch(async (error: unknown) => {
      throw await refusalOf(ctx, actor, definition, error);
    });
  // Writes inside the transaction do not dispatch; the events exist only after this commit.
  void ctx.events.kick();
  return outcome;
}

function rightNeeded(action: BulkAction): RecordAction {
  return action.type === 'delete' || action.type === 'restore' ? action.type : 'update';
}

/**
 * The named ids, ascending, that the selection holds (live, within the rights); a 404 naming
 * the others when some are not there.
 */
export async function existingIds(
  executor: Executor,
  base: CompiledSelection,
  ids: number[],
): Promise<number[]> {
  const wanted = [...new Set(ids)].sort((a, b) => a - b);
  if (wanted.length > MAX_SELECTED_IDS) {
    throw errors.badRequest(`A selection by ids names at most ${MAX_SELECTED_IDS} records; select by filter`);
  }
  const found: number[] = [];
  for (const chunk of idLists(wanted)) {
    found.push(...(await selectedIds(executor, withIds(base, chunk, 'only'), chunk.length)));
  }
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

/** Checks the action against metadata and the database, and returns the work per batch. */
export async function prepareStep(
  ctx: RecordsContext,
  actor: Actor,
  definition: ObjectDefinition,
  grant: AccessGrant,
  action: BulkAction,
): Promise<BatchStep> {
  if (action.type === 'delete' || action.type === 'restore') {
    return trashStep(actor, definition, action.type === 'delete');
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
    return updateStep(actor, definition, grant, field, input);
  }
  await assertTargetsExist(ctx, field, [action.groupId], 'groupId');
  return membershipStep(actor, definition, grant, field, action.groupId, action.type === 'addToGroup');
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
