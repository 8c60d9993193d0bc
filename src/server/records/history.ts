import type { Executor } from '../db/dialects/dialect.ts';
import type { Subject } from './subjects.ts';

/**
 * `merge`: another record was merged into this one, or this one into another; `unmerge`: undone.
 * `anonymise`: personal values blanked for good (modules/personal-data); its row without a field
 * carries `{reason}` as the new value.
 */
export type HistoryAction = 'create' | 'update' | 'delete' | 'restore' | 'merge' | 'unmerge' | 'anonymise';

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface HistoryWrite {
  object: string;
  recordId: number;
  action: HistoryAction;
  changes: FieldChange[];
  actorId: number | null;
  at: string;
  /** The client whose file the change belongs in (`subjects.ts`); null when none. */
  subject?: Subject | null;
}

/** Written in the same transaction as the change itself, so history never misses a committed write. */
export async function writeHistory(executor: Executor, entry: HistoryWrite): Promise<void> {
  await executor.insertInto('record_history').values(historyRows(entry)).execute();
}

/** The `record_history` rows of one change: one per field, or one without a field. */
export function historyRows(entry: HistoryWrite): Array<Record<string, unknown>> {
  const base = {
    object: entry.object,
    record_id: entry.recordId,
    action: entry.action,
    changed_at: entry.at,
    changed_by: entry.actorId,
    subject_object: entry.subject?.object ?? null,
    subject_id: entry.subject?.id ?? null,
  };
  return entry.changes.length === 0
    ? [{ ...base, field: null, old_value: null, new_value: null }]
    : entry.changes.map((change) => ({
        ...base,
        field: change.field,
        old_value: change.old === null || change.old === undefined ? null : JSON.stringify(change.old),
        new_value: change.new === null || change.new === undefined ? null : JSON.stringify(change.new),
      }));
}

/** Field-by-field difference between what was stored and what will be. */
export function diffValues(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, next] of Object.entries(after)) {
    const previous = before[field] ?? null;
    if (JSON.stringify(previous) !== JSON.stringify(next ?? null)) {
      changes.push({ field, old: previous, new: next ?? null });
    }
  }
  return changes;
}

export interface HistoryEntry {
  id: number;
  action: HistoryAction;
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
  changedAt: string;
  changedBy: number | null;
}

export async function readHistory(
  executor: Executor,
  object: string,
  recordId: number,
  limit: number,
  beforeId: number | null,
  /** Changes of these fields are left out, in SQL, so a page is full and nothing leaks. */
  hiddenFields: ReadonlySet<string> = new Set(),
): Promise<HistoryEntry[]> {
  let query = executor
    .selectFrom('record_history')
    .selectAll()
    .where('object', '=', object)
    .where('record_id', '=', recordId);
  if (hiddenFields.size > 0) {
    query = query.where((eb) => eb.or([eb('field', 'is', null), eb('field', 'not in', [...hiddenFields])]));
  }
  if (beforeId !== null) query = query.where('id', '<', beforeId);
  const rows = await query.orderBy('id', 'desc').limit(limit).execute();
  return rows.map((row) => ({
    id: Number(row.id),
    action: row.action as HistoryAction,
    field: (row.field as string | null) ?? null,
    oldValue: row.old_value === null ? null : JSON.parse(String(row.old_value)),
    newValue: row.new_value === null ? null : JSON.parse(String(row.new_value)),
    changedAt: String(row.changed_at),
    changedBy: row.changed_by === null ? null : Number(row.changed_by),
  }));
}
