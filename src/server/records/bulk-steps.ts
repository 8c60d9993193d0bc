import { sql } from 'kysely';
import { type Actor, actorUserId } from '../access/actor.ts';
import type { AccessGrant } from '../access/policy.ts';
import { bulkInsert } from '../db/bulk-insert.ts';
import type { Tx } from '../db/dialects/dialect.ts';
import { errors } from '../errors.ts';
import type { FieldDefinition, ObjectDefinition } from '../metadata/define-object.ts';
import type { BulkAction } from './bulk.ts';
import type { UndoCollector } from './bulk-undo.ts';
import { conflictOf, keepRules } from './conflicts.ts';
import type { RecordsContext } from './context.ts';
import { derivedColumnValues } from './derived.ts';
import { runEffects } from './effects.ts';
import { eventRow } from './events.ts';
import { type FieldChange, historyRows } from './history.ts';
import { idsInScope } from './in-scope.ts';
import type { CheckedInput } from './input.ts';
import { type ApiRecord, attachMemberships } from './present.ts';
import { present } from './reader.ts';
import { changesSearch, searchDocument } from './search-index.ts';
import { stampedColumns } from './stamps.ts';
import { subjectsOf } from './subjects.ts';
import { carriedValues, encodeValues, refreshCarried, sortedIds } from './write-values.ts';

/**
 * Applies a bulk action to one batch of ids inside a transaction; returns how many records
 * changed, and tells `undo` the opposite of each change.
 */
export type BatchStep = (
  txCtx: RecordsContext,
  trx: Tx,
  ids: number[],
  undo: UndoCollector,
) => Promise<number>;

type Row = Record<string, unknown>;

/** A record the batch changed: its row as written, and what changed. */
interface Written {
  row: Row;
  changes: FieldChange[];
}

/**
 * The steps below are set-based: a batch of a thousand records costs a handful of statements (read
 * and lock the rows, one UPDATE, one insert each of history rows, events and search
 * documents), not a single edit's dozen statements per record. What every record gets is the
 * same as a single edit gives it: version, updated_by, change stamps, derived columns, history,
 * effects, the object's rules, search document and outbox event.
 */

/**
 * What a batch's failure is for the caller: a clash with another record (a unique value, a
 * declared conflict) becomes its 409, anything else stays as it was.
 */
export async function refusalOf(
  ctx: RecordsContext,
  actor: Actor,
  definition: ObjectDefinition,
  error: unknown,
): Promise<unknown> {
  // The batch's rows are not described: which of hundreds clashed is in the message's values.
  return (await conflictOf(ctx, actor, definition, error, async () => [])) ?? error;
}

/** `field = value` on every record of the batch that does not have that value yet. */
export function updateStep(
  actor: Actor,
  definition: ObjectDefinition,
  grant: AccessGrant,
  field: FieldDefinition,
  input: CheckedInput,
): BatchStep {
  const members = input.memberships.get(field);
  const next = members ? sortedIds(members) : (input.values.get(field) ?? null);
  const idField = definition.field('id');
  return async (txCtx, trx, ids, undo) => {
    const rows = await lockedRows(txCtx, trx, definition, ids);
    const shown = await present(txCtx, trx, actor, idField ? [idField, field] : [field], [], rows);
    const changing = rows.flatMap((row, index) => {
      const old = shown[index]?.[field.key] ?? null;
      return JSON.stringify(old) === JSON.stringify(next) ? [] : [{ row, old }];
    });
    if (changing.length === 0) return 0;
    const at = txCtx.now().toISOString();
    const changesOf = (old: unknown): FieldChange[] => [{ field: field.key, old, new: next }];
    const columns = {
      ...encodeValues(txCtx, input),
      ...stampedColumns(definition, changesOf(null), at),
    };
    // Derived columns may read the record's other fields: records that derive the same values
    // share one UPDATE (all of them, for nearly every object).
    const groups = new Map<string, { derived: Row; ids: number[] }>();
    for (const { row } of changing) {
      const derived = derivedColumnValues(txCtx.dialect, definition, input, row);
      const key = JSON.stringify(derived);
      const group = groups.get(key) ?? { derived, ids: [] };
      group.ids.push(Number(row.id));
      groups.set(key, group);
    }
    const updated = new Map<number, Row>();
    for (const group of groups.values()) {
      const written = await setColumns(
        trx,
        definition,
        group.ids,
        { ...columns, ...group.derived },
        actor,
        at,
      );
      for (const row of written) updated.set(Number(row.id), row);
    }
    if (members && field.through)
      await replaceBatchMemberships(txCtx, trx, field, [...updated.values()], next, actor, at);
    const written: Written[] = [];
    for (const { row, old } of changing) {
      const after = writtenRow(updated, definition, row);
      await refreshCarried(trx, definition, Number(row.id), row, after, new Set(input.memberships.keys()));
      written.push({ row: after, changes: changesOf(old) });
      undo.add(Number(row.id), { type: 'update', field: field.key, value: old });
    }
    const changedColumns = field.columns.map((column) => column.name);
    await finishBatch(txCtx, trx, actor, definition, grant, 'update', written, at, {
      reindex: changesSearch(definition, changedColumns),
    });
    return written.length;
  };
}

/** Adds every record of the batch to a group (a membership field), or takes it out of one. */
export function membershipStep(
  actor: Actor,
  definition: ObjectDefinition,
  grant: AccessGrant,
  field: FieldDefinition,
  groupId: number,
  adding: boolean,
): BatchStep {
  const through = field.through;
  if (!through) throw new Error(`${definition.key}.${field.key} is not a membership field`);
  const opposite: BulkAction = { type: adding ? 'removeFromGroup' : 'addToGroup', field: field.key, groupId };
  return async (txCtx, trx, ids, undo) => {
    const rows = await lockedRows(txCtx, trx, definition, ids);
    // The same read a list makes of memberships, sorted ids per record.
    const shown = ids.map((id): ApiRecord => ({ id }));
    await attachMemberships(txCtx.dialect, trx, [field], shown);
    const current = new Map(shown.map((record) => [Number(record.id), record[field.key] as number[]]));
    const changing = rows.filter((row) => (current.get(Number(row.id)) ?? []).includes(groupId) !== adding);
    if (changing.length === 0) return 0;
    const at = txCtx.now().toISOString();
    const changingIds = changing.map((row) => Number(row.id));
    const changesOf = (id: number): FieldChange[] => {
      const old = sortedIds(current.get(id) ?? []);
      const next = adding ? sortedIds([...old, groupId]) : old.filter((member) => member !== groupId);
      return [{ field: field.key, old, new: next }];
    };
    const stamped = stampedColumns(definition, [{ field: field.key, old: null, new: null }], at);
    const updated = new Map<number, Row>();
    for (const row of await setColumns(trx, definition, changingIds, stamped, actor, at))
      updated.set(Number(row.id), row);
    if (adding) {
      const rowsToAdd = changing.map((row) => ({
        [through.sourceColumn]: Number(row.id),
        [through.targetColumn]: groupId,
        created_at: at,
        created_by: actorUserId(actor),
        ...carriedValues(through, writtenRow(updated, definition, row)),
      }));
      await bulkInsert(trx, txCtx.dialect.name, through.table, rowsToAdd);
    } else {
      await trx
        .deleteFrom(through.table)
        .where(through.sourceColumn, 'in', changingIds)
        .where(through.targetColumn, '=', groupId)
        .execute();
    }
    const written = changing.map((row) => {
      undo.add(Number(row.id), opposite);
      return { row: writtenRow(updated, definition, row), changes: changesOf(Number(row.id)) };
    });
    await finishBatch(txCtx, trx, actor, definition, grant, 'update', written, at, { reindex: false });
    return written.length;
  };
}

/** Moves the batch to the trash, or back from it. */
export function trashStep(actor: Actor, definition: ObjectDefinition, deleting: boolean): BatchStep {
  const opposite: BulkAction = { type: deleting ? 'restore' : 'delete' };
  return async (txCtx, trx, ids, undo) => {
    const rows = await lockedRows(txCtx, trx, definition, ids);
    const changing = rows.filter((row) => Boolean(row.deleted_at) !== deleting);
    if (changing.length === 0) return 0;
    const at = txCtx.now().toISOString();
    const columns = { deleted_at: deleting ? at : null, deleted_by: deleting ? actorUserId(actor) : null };
    const updated = new Map<number, Row>();
    const changingIds = changing.map((row) => Number(row.id));
    for (const row of await setColumns(trx, definition, changingIds, columns, actor, at))
      updated.set(Number(row.id), row);
    const written = changing.map((row) => {
      undo.add(Number(row.id), opposite);
      return { row: writtenRow(updated, definition, row), changes: [] };
    });
    await finishBatch(txCtx, trx, actor, definition, null, deleting ? 'delete' : 'restore', written, at, {
      reindex: true,
    });
    return written.length;
  };
}

/** The batch's rows as stored, locked against other writers until the batch commits. */
async function lockedRows(
  ctx: RecordsContext,
  trx: Tx,
  definition: ObjectDefinition,
  ids: number[],
): Promise<Row[]> {
  if (ids.length === 0) return [];
  const result = await sql<Row>`SELECT * FROM ${sql.table(definition.table)}
    WHERE id IN (${sql.join(ids)}) ORDER BY id ${ctx.dialect.lockRows}`.execute(trx);
  return result.rows;
}

/** One UPDATE of the given columns on the records, each getting the next version; the rows written. */
async function setColumns(
  trx: Tx,
  definition: ObjectDefinition,
  ids: number[],
  columns: Row,
  actor: Actor,
  at: string,
): Promise<Row[]> {
  return trx
    .updateTable(definition.table)
    .set({ ...columns, version: sql`version + 1`, updated_at: at, updated_by: actorUserId(actor) })
    .where('id', 'in', ids)
    .returningAll()
    .execute();
}

function writtenRow(updated: Map<number, Row>, definition: ObjectDefinition, before: Row): Row {
  const row = updated.get(Number(before.id));
  // The rows are locked by this transaction: one missing is a bug, never someone else's write.
  if (!row) throw new Error(`${definition.key} ${String(before.id)} vanished inside its transaction`);
  return row;
}

/** Each record's memberships become exactly `members` (a bulk `update` of a membership field). */
async function replaceBatchMemberships(
  ctx: RecordsContext,
  trx: Tx,
  field: FieldDefinition,
  rows: Row[],
  members: unknown,
  actor: Actor,
  at: string,
): Promise<void> {
  const through = field.through;
  if (!through || rows.length === 0) return;
  const ids = rows.map((row) => Number(row.id));
  await trx.deleteFrom(through.table).where(through.sourceColumn, 'in', ids).execute();
  const targets = Array.isArray(members) ? members.map(Number) : [];
  const inserted = rows.flatMap((row) =>
    targets.map((target) => ({
      [through.sourceColumn]: Number(row.id),
      [through.targetColumn]: target,
      created_at: at,
      created_by: actorUserId(actor),
      ...carriedValues(through, row),
    })),
  );
  await bulkInsert(trx, ctx.dialect.name, through.table, inserted);
}

/**
 * What follows the rows' write, for the whole batch at once: the records are still within
 * what the actor may edit (else the batch rolls back), then history, effects, the object's
 * rules, search documents and outbox events.
 */
async function finishBatch(
  ctx: RecordsContext,
  trx: Tx,
  actor: Actor,
  definition: ObjectDefinition,
  grant: AccessGrant | null,
  action: 'update' | 'delete' | 'restore',
  written: Written[],
  at: string,
  options: { reindex: boolean },
): Promise<void> {
  const object = definition.key;
  const ids = written.map(({ row }) => Number(row.id));
  if (grant && (await idsInScope(trx, definition, grant, ids)).size < ids.length) {
    throw errors.forbidden(
      `This change would move some of the ${object} records outside the records you may edit; ask someone who may`,
    );
  }
  const actorId = actorUserId(actor);
  const subjects = await subjectsOf(
    trx,
    ctx.registry,
    definition,
    written.map(({ row }) => row),
  );
  const history = written.flatMap(({ changes }, index) =>
    historyRows({
      object,
      recordId: ids[index] as number,
      action,
      changes,
      actorId,
      at,
      subject: subjects[index],
    }),
  );
  await bulkInsert(trx, ctx.dialect.name, 'record_history', history);
  for (const [index, { row, changes }] of written.entries()) {
    const recordId = ids[index] as number;
    await runEffects(ctx, trx, definition, actor, {
      object,
      recordId,
      action,
      changes,
      ...(action === 'update' && { row }),
    });
  }
  await keepRules(ctx, trx, definition, ids);
  if (options.reindex && definition.searchFields.length > 0) {
    await ctx.dialect.deleteSearchDocuments(trx, object, ids);
    const live = written.filter(({ row }) => !row.deleted_at);
    await ctx.dialect.insertSearchDocuments(
      trx,
      live.map(({ row }) => searchDocument(definition, row)),
    );
  }
  const type = action === 'update' ? 'updated' : action === 'delete' ? 'deleted' : 'restored';
  const events = written.map(({ changes }, index) =>
    eventRow({
      object,
      recordId: ids[index] as number,
      type,
      payload: action === 'update' ? { changes } : {},
      actorId,
      createdAt: at,
      subject: subjects[index],
    }),
  );
  await bulkInsert(trx, ctx.dialect.name, 'outbox_event', events);
}
