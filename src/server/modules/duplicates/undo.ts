import type { UndoMergeResult } from '../../../shared/duplicates/types.ts';
import type { Actor } from '../../access/actor.ts';
import { actorUserId, systemActor } from '../../access/actor.ts';
import type { Tx } from '../../db/dialects/dialect.ts';
import { errors } from '../../errors.ts';
import { serverType } from '../../metadata/field-types/registry.ts';
import type { RecordsContext } from '../../records/context.ts';
import { writeHistory } from '../../records/history.ts';
import { checkId, getRecord, loadRow, loadRowInScope } from '../../records/reader.ts';
import { subjectOf } from '../../records/subjects.ts';
import { restoreRecord, updateRecord } from '../../records/writer.ts';
import { restorableFields } from './merge.ts';
import { claimUndo, readMergeLog } from './merge-log.ts';
import { assertWithin, mergeGrants, pick, sameValue } from './parties.ts';
import { type MovedReference, membershipIds } from './references.ts';

/**
 * Undoes a merge in one transaction: the merged record comes back from the trash, the kept
 * record gets back the values the merge replaced, and exactly the references the merge moved
 * point at the merged record again.
 *
 * Conflicts (409, nothing written): the merge is undone already; the merged record was restored
 * by hand; the kept record is in the trash; or a field the merge set on the kept record has
 * been changed since (undo would silently throw that change away). Other later changes are
 * kept: edits of other fields of the kept record, and moved references that someone has pointed
 * elsewhere since (those stay where they are now and are counted as `skipped`).
 */
export async function undoMerge(ctx: RecordsContext, actor: Actor, rawId: unknown): Promise<UndoMergeResult> {
  const id = checkId(rawId);
  const at = ctx.now().toISOString();
  const actorId = actorUserId(actor);
  const mover = systemActor('merge', actorId ?? undefined);
  const outcome = await ctx.dialect.db.transaction().execute(async (trx) => {
    const txCtx: RecordsContext = { ...ctx, transaction: trx };
    const log = await readMergeLog(trx, id);
    const definition = log ? ctx.registry.get(log.object) : undefined;
    if (!log || !definition) throw errors.notFound(`There is no merge ${id}`);
    const grants = mergeGrants(ctx, actor, definition);
    // A merge of records the reader cannot see is, to them, no merge at all.
    const kept = await loadRowInScope(trx, definition, grants.read, log.keptId);
    if (!kept) throw errors.notFound(`There is no merge ${id}`);
    if (log.undoneAt) throw errors.conflict(`Merge ${id} was undone already`);
    if (kept.deleted_at)
      throw errors.conflict(
        `${definition.key} ${log.keptId} is in the trash: restore it before undoing the merge`,
      );
    const merged = await loadRow(trx, definition, log.mergedId);
    if (!merged?.deleted_at)
      throw errors.conflict(`${definition.key} ${log.mergedId} was restored from the trash since the merge`);
    await assertWithin(trx, definition, grants.keep, log.keptId, 'undo a merge into');
    await assertWithin(trx, definition, grants.merge, log.mergedId, 'restore');
    const current = await getRecord(txCtx, mover, definition.key, log.keptId);
    const changedSince = Object.keys(log.keptAfter).filter(
      (key) => !sameValue(current[key], log.keptAfter[key]),
    );
    if (changedSince.length > 0)
      throw errors.conflict(
        `${definition.key} ${log.keptId} has been changed since the merge (${changedSince.join(', ')}); undoing it would lose those changes`,
        { fields: changedSince },
      );
    if (!(await claimUndo(trx, id, at, actorId))) throw errors.conflict(`Merge ${id} was undone already`);
    await restoreRecord(txCtx, actor, definition.key, log.mergedId);
    let skipped = 0;
    for (const reference of log.moved) {
      if (!(await moveBack(txCtx, trx, mover, reference, log.mergedId, log.keptId))) skipped += 1;
    }
    // Last, as in the merge: effects of the moves back (a main address mirrored onto its company)
    // may have written to either record. The kept record gets back what the merge replaced and
    // keeps later edits of other fields; the merged one is exactly as it was when merged. As the
    // system: these are the values as they were, field rules of the undoing user notwithstanding.
    const restorable = restorableFields(definition);
    const keptTarget = { ...pick(current, restorable), ...log.keptBefore };
    await setValues(txCtx, mover, definition.key, log.keptId, keptTarget);
    await setValues(txCtx, mover, definition.key, log.mergedId, log.mergedBefore);
    const link = [{ field: 'id', old: log.keptId, new: log.mergedId }];
    for (const recordId of [log.keptId, log.mergedId]) {
      const row = await loadRow(trx, definition, recordId);
      await writeHistory(trx, {
        object: definition.key,
        recordId,
        action: 'unmerge',
        changes: link,
        actorId,
        at,
        subject: row ? await subjectOf(trx, ctx.registry, definition, row) : null,
      });
    }
    return { object: definition.key, keptId: log.keptId, mergedId: log.mergedId, skipped };
  });
  void ctx.events.kick();
  return {
    record: await getRecord(ctx, actor, outcome.object, outcome.keptId),
    restored: await getRecord(ctx, actor, outcome.object, outcome.mergedId),
    skipped: outcome.skipped,
  };
}

/**
 * Points one moved record back at the merged record, if it still points at the kept one (and
 * is not in the trash); false when it was changed since and is left alone.
 */
async function moveBack(
  txCtx: RecordsContext,
  trx: Tx,
  mover: Actor,
  reference: MovedReference,
  mergedId: number,
  keptId: number,
): Promise<boolean> {
  const object = txCtx.registry.get(reference.object);
  const field = object?.field(reference.field);
  const row = object ? await loadRow(trx, object, reference.recordId) : undefined;
  if (!object || !field || !row || row.deleted_at) return false;
  const version = Number(row.version);
  if (reference.kind === 'relation') {
    if (serverType(field).decode(row, field, txCtx.dialect) !== keptId) return false;
    await updateRecord(txCtx, mover, object.key, reference.recordId, { [field.key]: mergedId, version });
    return true;
  }
  const current = await membershipIds(trx, field, reference.recordId);
  if (!current.includes(keptId) || current.includes(mergedId)) return false;
  const next = reference.hadKept
    ? [...current, mergedId]
    : current.map((id) => (id === keptId ? mergedId : id));
  await updateRecord(txCtx, mover, object.key, reference.recordId, { [field.key]: next, version });
  return true;
}

/** Writes the values of `target` that differ from the record's current ones, if any do. */
async function setValues(
  txCtx: RecordsContext,
  mover: Actor,
  object: string,
  id: number,
  target: Record<string, unknown>,
): Promise<void> {
  const now = await getRecord(txCtx, mover, object, id);
  const differing = Object.keys(target).filter((key) => key in now && !sameValue(now[key], target[key]));
  if (differing.length > 0)
    await updateRecord(txCtx, mover, object, id, { ...pick(target, differing), version: now.version });
}
