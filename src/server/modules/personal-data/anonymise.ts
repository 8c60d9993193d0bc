import { traitsOf } from '../../../shared/field-types/registry.ts';
import { type Actor, actorUserId, systemActor } from '../../access/actor.ts';
import { authorize, restrictedRights } from '../../access/policy.ts';
import { logSecurityEvent } from '../../access/security-log.ts';
import type { Tx } from '../../db/dialects/dialect.ts';
import { errors } from '../../errors.ts';
import type { FieldDefinition, ObjectDefinition } from '../../metadata/define-object.ts';
import type { RecordsContext } from '../../records/context.ts';
import type { ApiRecord } from '../../records/present.ts';
import { checkId, getRecord, loadRowInScope } from '../../records/reader.ts';
import { deleteRecord, restoreRecord, updateRecord } from '../../records/writer.ts';
import { type Blanked, lastId, scrubEvents, scrubHistory, scrubImports, scrubMergeLog } from './scrub.ts';
import { assertToolReaches, SUBJECT, subjectLinks, subjectOrThrow } from './subject.ts';

/** What an anonymised person is called: `Anonymised #123` (first title field, then the id). */
export const ANONYMISED = 'Anonymised';
export const MAX_REASON_LENGTH = 1000;

const writable = (field: FieldDefinition) => !field.system && !field.readOnly && field.columns.length > 0;
const kindOf = (field: FieldDefinition) => traitsOf(field.type).kind;

/**
 * The person's own values that identify them, from metadata: every text (names, e-mail, phones,
 * position, notes, name day…) and every date (birth date). Kept: references (company,
 * preferred language), group memberships, numbers, booleans and instants — what statistics
 * count. Required title fields get the placeholder name, so the record stays valid.
 */
export function subjectBlanks(definition: ObjectDefinition, id: number): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of definition.fields) {
    const kind = kindOf(field);
    if (!writable(field) || (kind !== 'text' && kind !== 'date')) continue;
    if (!field.required) values[field.key] = null;
    else if (kind === 'text')
      values[field.key] = field.key === definition.titleFields[0] ? ANONYMISED : `#${id}`;
  }
  return values;
}

/**
 * Free text of the records that belong to the person (a required reference to them: consents,
 * employment history, later their addresses): optional text fields are blanked (notes, the
 * position they held); required ones say how, not who (a consent's source), and dates, numbers
 * and links stay, so counts and timelines still add up.
 */
export function childBlankFields(definition: ObjectDefinition): string[] {
  return definition.fields
    .filter((field) => writable(field) && kindOf(field) === 'text' && !field.required)
    .map((field) => field.key);
}

/**
 * Who may anonymise: the `person.anonymise` right where the object declares the action, else
 * administrators only — it cannot be undone, so it is never implied by an ordinary right.
 */
function anonymiseGrant(ctx: RecordsContext, actor: Actor, definition: ObjectDefinition) {
  const action = `${definition.key}.anonymise` as const;
  if (definition.actions.includes(action)) return authorize(ctx.registry, actor, definition.key, action);
  if (restrictedRights(actor))
    throw errors.forbidden(`Only administrators may anonymise ${definition.key} records`);
  return authorize(ctx.registry, actor, definition.key, 'update');
}

async function alreadyAnonymised(trx: Tx, object: string, id: number): Promise<boolean> {
  const row = await trx
    .selectFrom('record_history')
    .select('id')
    .where('object', '=', object)
    .where('record_id', '=', id)
    .where('action', '=', 'anonymise')
    .executeTakeFirst();
  return row !== undefined;
}

/** Blanks one record through the engine; one in the trash is restored, edited and put back. */
async function blankRecord(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  row: { id: number; version: number; deleted: boolean },
  values: Record<string, unknown>,
): Promise<void> {
  if (!row.deleted) {
    await updateRecord(ctx, actor, object, row.id, { ...values, version: row.version });
    return;
  }
  const restored = await restoreRecord(ctx, actor, object, row.id);
  await updateRecord(ctx, actor, object, row.id, { ...values, version: Number(restored.version) });
  await deleteRecord(ctx, actor, object, row.id);
}

export interface AnonymiseRequest {
  reason: string;
  ip: string | null;
}

/**
 * Anonymises a person for good (GDPR art. 17 where the records must stay for accounting or
 * statistics): their identifying values and those of the records that belong to them are blanked
 * through the records engine (versions, search index, events as for any edit), the old values
 * are removed from history, the outbox, the merge log and the imports' stored rows (`scrub.ts`),
 * and who did it and why is kept in
 * the history (an `anonymise` entry with the reason) and the security log. One transaction.
 * 404 for a person the actor may not read, 403 without the right, 409 when already anonymised.
 */
export async function anonymisePerson(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  rawId: unknown,
  request: AnonymiseRequest,
): Promise<ApiRecord> {
  const definition = subjectOrThrow(ctx, object, 'Anonymisation');
  const id = checkId(rawId);
  const reason = request.reason.trim();
  if (reason === '') throw errors.validation([{ field: 'reason', code: 'required', message: 'say why' }]);
  const read = authorize(ctx.registry, actor, definition.key, 'read');
  const userId = actorUserId(actor);
  // The engine's writes run as the command (every field, every child), on behalf of the user.
  const system = systemActor(`${SUBJECT}.anonymise`, userId ?? undefined);
  const at = ctx.now().toISOString();
  await ctx.dialect.db.transaction().execute(async (trx) => {
    const txCtx: RecordsContext = { ...ctx, transaction: trx, now: () => new Date(at) };
    const row = await loadRowInScope(trx, definition, read, id);
    if (!row || row.deleted_at)
      throw errors.notFound(`${definition.key} ${id} does not exist or was deleted`);
    await assertToolReaches(txCtx, definition, anonymiseGrant(ctx, actor, definition), id, 'anonymise');
    if (await alreadyAnonymised(trx, definition.key, id))
      throw errors.conflict(`${definition.key} ${id} is already anonymised`);
    const historyBefore = await lastId(trx, 'record_history');
    const eventsBefore = await lastId(trx, 'outbox_event');
    const values = subjectBlanks(definition, id);
    await updateRecord(txCtx, system, definition.key, id, { ...values, version: Number(row.version) });
    const blanked: Blanked[] = [{ object: definition.key, ids: [id], fields: Object.keys(values) }];
    // Records merged into this one were the same person entered twice; they wait in the trash
    // with the old values, for an undo of the merge. They are blanked the same way.
    const merged = await trx
      .selectFrom('record_merge')
      .innerJoin(definition.table, `${definition.table}.id`, 'record_merge.merged_id')
      .select([`${definition.table}.id as id`, `${definition.table}.version as version`, 'deleted_at'])
      .where('record_merge.object', '=', definition.key)
      .where('record_merge.kept_id', '=', id)
      .where('record_merge.undone_at', 'is', null)
      .execute();
    for (const other of merged) {
      const otherId = Number(other.id);
      const row = { id: otherId, version: Number(other.version), deleted: other.deleted_at !== null };
      await blankRecord(txCtx, system, definition.key, row, subjectBlanks(definition, otherId));
      blanked[0]?.ids.push(otherId);
    }
    for (const link of subjectLinks(ctx.registry, definition.key)) {
      const fields = childBlankFields(link.definition);
      if (link.kind !== 'reference' || !link.field.required || !link.field.column || fields.length === 0)
        continue;
      const children = await trx
        .selectFrom(link.definition.table)
        .select(['id', 'version', 'deleted_at'])
        .where(link.field.column, '=', id)
        .orderBy('id')
        .execute();
      for (const child of children) {
        const childRow = {
          id: Number(child.id),
          version: Number(child.version),
          deleted: child.deleted_at !== null,
        };
        const blanks = Object.fromEntries(fields.map((key) => [key, null]));
        await blankRecord(txCtx, system, link.definition.key, childRow, blanks);
      }
      blanked.push({ object: link.definition.key, ids: children.map((child) => Number(child.id)), fields });
    }
    await trx
      .insertInto('record_history')
      .values({
        object: definition.key,
        record_id: id,
        action: 'anonymise',
        field: null,
        old_value: null,
        new_value: JSON.stringify({ reason }),
        changed_at: at,
        changed_by: userId,
      })
      .execute();
    await scrubHistory(trx, blanked, historyBefore);
    await scrubEvents(trx, blanked, eventsBefore);
    await scrubMergeLog(trx, blanked);
    await scrubImports(trx, blanked);
    await logSecurityEvent(trx, {
      kind: 'anonymised',
      accountId: userId,
      login: actor.kind === 'user' ? actor.login : null,
      ip: request.ip,
      details: {
        object: definition.key,
        record: id,
        reason,
        related: Object.fromEntries(blanked.slice(1).map((entry) => [entry.object, entry.ids.length])),
      },
      at: new Date(at),
    });
  });
  // The writes joined this transaction: their events exist only now.
  void ctx.events.kick();
  return getRecord(ctx, actor, definition.key, id);
}
