import { sql } from 'kysely';
import type { Tx } from '../../db/dialects/dialect.ts';

/** Records of one object whose personal fields an anonymisation blanked. */
export interface Blanked {
  object: string;
  ids: number[];
  fields: string[];
}

/** The highest id of a table now: rows above it are the ones the running command writes. */
export async function lastId(trx: Tx, table: 'record_history' | 'outbox_event'): Promise<number> {
  const row = await sql<{ last: number | string | null }>`SELECT max(id) AS last FROM ${sql.table(table)}`
    .execute(trx)
    .then((result) => result.rows[0]);
  return Number(row?.last ?? 0);
}

/**
 * History keeps every old value: left alone, "anonymised" records would still show their names,
 * e-mails and phones one click away in their timeline. So, for the blanked fields only:
 * - entries written before the anonymisation lose both values (who changed the field and when
 *   stays: that is an account's action, not the person's data);
 * - the anonymisation's own entries keep their new value (empty, or the placeholder name) and
 *   lose the old one, and are marked `anonymise`, so the timeline reads as one act.
 * Other fields (company, group memberships, dates of consents) keep their history.
 */
export async function scrubHistory(trx: Tx, blanked: Blanked[], before: number): Promise<void> {
  for (const { object, ids, fields } of blanked) {
    if (ids.length === 0 || fields.length === 0) continue;
    await trx
      .updateTable('record_history')
      .set({ old_value: null, new_value: null })
      .where('object', '=', object)
      .where('record_id', 'in', ids)
      .where('field', 'in', fields)
      .where('id', '<=', before)
      .execute();
    await trx
      .updateTable('record_history')
      .set({ old_value: null, action: 'anonymise' })
      .where('object', '=', object)
      .where('record_id', 'in', ids)
      .where('field', 'in', fields)
      .where('action', '=', 'update')
      .where('id', '>', before)
      .execute();
  }
}

interface ChangePayload {
  changes?: Array<{ field?: unknown; old?: unknown; new?: unknown }>;
}

/**
 * The outbox keeps each write's changes for subscribers (and later webhooks) to replay: the
 * same values are removed there, with the same rule as in history. The anonymisation's own
 * events are not dispatched yet (they commit with this transaction), so no subscriber ever
 * receives the old values from them.
 */
export async function scrubEvents(trx: Tx, blanked: Blanked[], before: number): Promise<void> {
  for (const { object, ids, fields } of blanked) {
    if (ids.length === 0 || fields.length === 0) continue;
    const personal = new Set(fields);
    const rows = await trx
      .selectFrom('outbox_event')
      .select(['id', 'payload'])
      .where('object', '=', object)
      .where('record_id', 'in', ids)
      .execute();
    for (const row of rows) {
      const payload = (
        typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload
      ) as ChangePayload;
      if (!Array.isArray(payload?.changes)) continue;
      const earlier = Number(row.id) <= before;
      let touched = false;
      for (const change of payload.changes) {
        if (typeof change.field !== 'string' || !personal.has(change.field)) continue;
        change.old = null;
        if (earlier) change.new = null;
        touched = true;
      }
      if (touched) {
        await trx
          .updateTable('outbox_event')
          .set({ payload: JSON.stringify(payload) })
          .where('id', '=', Number(row.id))
          .execute();
      }
    }
  }
}

/** A stored JSON column (jsonb arrives parsed from PostgreSQL, text from SQLite). */
function parsedJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** An object of field values with the given fields blanked; anything else unchanged. */
function withoutFields(value: unknown, fields: ReadonlySet<string>): { value: unknown; touched: boolean } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { value, touched: false };
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  let touched = false;
  for (const key of Object.keys(copy)) {
    if (!fields.has(key) || copy[key] === null) continue;
    // An import's update keeps [old, new] per field; a merge log keeps plain values.
    copy[key] = Array.isArray(copy[key]) ? [null, null] : null;
    touched = true;
  }
  return { value: copy, touched };
}

/**
 * The merge log keeps both records' values so a merge can be undone (modules/duplicates): the
 * blanked fields go from it too — an undone merge then brings the other record back blank.
 */
export async function scrubMergeLog(trx: Tx, blanked: Blanked[]): Promise<void> {
  for (const { object, ids, fields } of blanked) {
    if (ids.length === 0 || fields.length === 0) continue;
    const personal = new Set(fields);
    const rows = await trx
      .selectFrom('record_merge')
      .select(['id', 'kept_before', 'kept_after', 'merged_before'])
      .where('object', '=', object)
      .where((eb) => eb.or([eb('kept_id', 'in', ids), eb('merged_id', 'in', ids)]))
      .execute();
    for (const row of rows) {
      const columns = ['kept_before', 'kept_after', 'merged_before'] as const;
      const scrubbed = columns.map((column) => withoutFields(parsedJson(row[column]), personal));
      if (!scrubbed.some((entry) => entry.touched)) continue;
      await trx
        .updateTable('record_merge')
        .set(Object.fromEntries(columns.map((column, i) => [column, JSON.stringify(scrubbed[i]?.value)])))
        .where('id', '=', Number(row.id))
        .execute();
    }
  }
}

/**
 * Imports keep each row of the file as it was uploaded and, for an update, the values it
 * replaced (modules/imports): the cells of every row that wrote one of the records are emptied
 * and the replaced values of the blanked fields removed. Counts and outcomes stay.
 */
export async function scrubImports(trx: Tx, blanked: Blanked[]): Promise<void> {
  for (const { object, ids, fields } of blanked) {
    if (ids.length === 0) continue;
    const personal = new Set(fields);
    const outcomes = await trx
      .selectFrom('data_import_outcome')
      .select(['import_id', 'row_number', 'detail', 'action'])
      .where('object', '=', object)
      .where('record_id', 'in', ids)
      .execute();
    for (const outcome of outcomes) {
      await trx
        .updateTable('data_import_row')
        .set({ cells: '[]' })
        .where('import_id', '=', outcome.import_id)
        .where('row_number', '=', outcome.row_number)
        .execute();
      if (outcome.action !== 'updated' || outcome.detail === null) continue;
      const detail = withoutFields(parsedJson(outcome.detail), personal);
      if (!detail.touched) continue;
      await trx
        .updateTable('data_import_outcome')
        .set({ detail: JSON.stringify(detail.value) })
        .where('import_id', '=', outcome.import_id)
        .where('row_number', '=', outcome.row_number)
        .where('object', '=', object)
        .execute();
    }
  }
}
