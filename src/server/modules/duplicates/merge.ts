import type { Actor } from '../../access/actor.ts';
import { actorUserId, systemActor } from '../../access/actor.ts';
import type { AccessGrant } from '../../access/policy.ts';
import type { Tx } from '../../db/dialects/dialect.ts';
import { errors } from '../../errors.ts';
import type { ObjectDefinition } from '../../metadata/define-object.ts';
import type { RecordsContext } from '../../records/context.ts';
import { writeHistory } from '../../records/history.ts';
import type { ApiRecord } from '../../records/present.ts';
import { checkId, getRecord, objectOrThrow } from '../../records/reader.ts';
import { subjectOf } from '../../records/subjects.ts';
import { deleteRecord, updateRecord } from '../../records/writer.ts';
import { writeMergeLog } from './merge-log.ts';
import { assertWithin, liveParty, mergeGrants, pick, sameValue } from './parties.ts';
import { type MovedReference, membershipIds, referencesToMove } from './references.ts';
import { requireRules } from './rules.ts';

export interface MergeCommand {
  keepId: unknown;
  mergeId: unknown;
  /** The kept record's new values, field by field (each usually taken from one of the two). */
  values: Record<string, unknown>;
  /** The versions the choice was made on: a record changed since is 409, nothing merged. */
  keepVersion?: number;
  mergeVersion?: number;
}

/**
 * Merges `mergeId` into `keepId`, as one transaction through the records engine:
 * 1. the kept record takes the chosen values, and keeps the memberships of both (its groups
 *    and the merged record's), unless `values` names the membership field;
 * 2. every live record pointing at the merged one (a relation or a membership of any object,
 *    found in the registry) is moved to the kept one, each an engine write with its own history
 *    entry, search document and event, written by the system on behalf of the merging user;
 * 3. the merged record goes to the trash; both records get a `merge` history entry (field `id`:
 *    merged → kept) and the merge log keeps what undo needs.
 * Any refusal midway (a stale version, an invariant, a value a write rejects) rolls back all.
 */
export async function mergeRecords(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  command: MergeCommand,
): Promise<{ record: ApiRecord; mergeId: number }> {
  const definition = objectOrThrow(ctx, object);
  const grants = mergeGrants(ctx, actor, definition);
  requireRules(ctx.registry, actor, definition, grants.read);
  const keepId = checkId(command.keepId);
  const mergeId = checkId(command.mergeId);
  if (keepId === mergeId)
    throw errors.badRequest(`A record cannot be merged with itself (${object} ${keepId})`);
  const at = ctx.now().toISOString();
  const actorId = actorUserId(actor);
  // Records that point at the merged one may be outside the user's rights: the merge moves them
  // as the system, on the user's behalf (their name is on every history entry).
  const mover = systemActor('merge', actorId ?? undefined);
  const logId = await ctx.dialect.db.transaction().execute(async (trx) => {
    const txCtx: RecordsContext = { ...ctx, transaction: trx };
    const keepRow = await liveParty(trx, definition, grants.read, keepId);
    const mergeRow = await liveParty(trx, definition, grants.read, mergeId);
    await assertWithin(trx, definition, grants.keep, keepId, 'merge another record into');
    await assertWithin(trx, definition, grants.merge, mergeId, 'merge away');
    assertVersion(definition, keepId, keepRow, command.keepVersion);
    assertVersion(definition, mergeId, mergeRow, command.mergeVersion);
    const moved = await referencesToMove(trx, ctx.registry, definition, mergeId, keepId);
    const restorable = restorableFields(definition);
    const before = pick(await getRecord(txCtx, mover, object, keepId), restorable);
    const mergedBefore = pick(await getRecord(txCtx, mover, object, mergeId), restorable);
    const body = await keptBody(trx, definition, grants.keep, keepRow, mergeId, keepId, command.values);
    // References move first: effects of the moved records (a main address mirrored onto its
    // company) may write to the kept record, and the values chosen for it must have the last word.
    for (const reference of moved) await moveReference(txCtx, trx, mover, reference, mergeId, keepId);
    // What those effects changed on the kept record and the user did not choose goes back.
    const afterMoves = pick(await getRecord(txCtx, mover, object, keepId), restorable);
    for (const key of restorable) {
      if (
        !(key in body) &&
        writable(definition, grants.keep, key) &&
        !sameValue(afterMoves[key], before[key])
      )
        body[key] = before[key];
    }
    if (Object.keys(body).length > 0)
      await updateRecord(txCtx, actor, object, keepId, {
        ...body,
        version: await currentVersion(trx, definition, keepId),
      });
    await deleteRecord(txCtx, actor, object, mergeId, await currentVersion(trx, definition, mergeId));
    const after = pick(await getRecord(txCtx, mover, object, keepId), restorable);
    const changed = restorable.filter((key) => !sameValue(before[key], after[key]));
    const link = [{ field: 'id', old: mergeId, new: keepId }];
    for (const [recordId, row] of [
      [keepId, keepRow],
      [mergeId, mergeRow],
    ] as const) {
      const subject = await subjectOf(trx, ctx.registry, definition, row);
      await writeHistory(trx, { object, recordId, action: 'merge', changes: link, actorId, at, subject });
    }
    return writeMergeLog(trx, {
      object,
      keptId: keepId,
      mergedId: mergeId,
      mergedAt: at,
      mergedBy: actorId,
      keptBefore: pick(before, changed),
      keptAfter: pick(after, changed),
      mergedBefore,
      moved,
    });
  });
  // The writes joined this transaction and did not dispatch; their events exist only now.
  void ctx.events.kick();
  return { record: await getRecord(ctx, actor, object, keepId), mergeId: logId };
}

/** A field the merging user may set on the kept record. */
function writable(definition: ObjectDefinition, grant: AccessGrant, key: string): boolean {
  const field = definition.field(key);
  return (
    field !== undefined &&
    !field.system &&
    !field.readOnly &&
    !grant.hiddenFields.has(key) &&
    !grant.readOnlyFields.has(key)
  );
}

/** Fields a write may set back: what undo restores of the kept record when the merge changed it. */
export function restorableFields(definition: ObjectDefinition): string[] {
  return definition.fields.filter((field) => !field.system && !field.readOnly).map((field) => field.key);
}

function assertVersion(
  definition: ObjectDefinition,
  id: number,
  row: Record<string, unknown>,
  expected: number | undefined,
): void {
  if (expected !== undefined && Number(row.version) !== expected)
    throw errors.conflict(
      `${definition.key} ${id} was changed by someone else meanwhile; review the records and merge again`,
      { id, version: Number(row.version) },
    );
}

/**
 * What the kept record is written with: the chosen values; for each membership field the user
 * may change and did not choose, the memberships of both; a reference of the kept record to the
 * merged one (a company its own parent after the merge) cleared.
 */
async function keptBody(
  trx: Tx,
  definition: ObjectDefinition,
  grant: AccessGrant,
  keepRow: Record<string, unknown>,
  mergeId: number,
  keepId: number,
  values: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = { ...values };
  // A membership of the object in itself (related companies) must not end up naming the kept one.
  const party = (target: string | undefined, id: number) =>
    target === definition.key && (id === mergeId || id === keepId);
  for (const field of definition.fields) {
    if (!writable(definition, grant, field.key) || field.key in values) continue;
    if (field.through) {
      const kept = await membershipIds(trx, field, keepId);
      const merged = await membershipIds(trx, field, mergeId);
      const both = [...new Set([...kept, ...merged])].filter((id) => !party(field.target, id));
      if (both.length !== kept.length || kept.some((id) => party(field.target, id)))
        body[field.key] = both.sort((a, b) => a - b);
    } else if (field.target === definition.key && field.column && Number(keepRow[field.column]) === mergeId) {
      body[field.key] = null;
    }
  }
  return body;
}

async function currentVersion(trx: Tx, object: ObjectDefinition, id: number): Promise<number> {
  const row = await trx
    .selectFrom(object.table)
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.version);
}

/** Points one referencing record at the kept record instead of the merged one. */
async function moveReference(
  txCtx: RecordsContext,
  trx: Tx,
  mover: Actor,
  reference: MovedReference,
  mergeId: number,
  keepId: number,
): Promise<void> {
  const object = objectOrThrow(txCtx, reference.object);
  const version = await currentVersion(trx, object, reference.recordId);
  if (reference.kind === 'relation') {
    await updateRecord(txCtx, mover, object.key, reference.recordId, { [reference.field]: keepId, version });
    return;
  }
  const field = object.field(reference.field);
  if (!field) throw new Error(`${object.key}.${reference.field} vanished during a merge`);
  const current = await membershipIds(trx, field, reference.recordId);
  reference.hadKept = current.includes(keepId);
  const next = [...new Set(current.map((id) => (id === mergeId ? keepId : id)))];
  await updateRecord(txCtx, mover, object.key, reference.recordId, { [reference.field]: next, version });
}
