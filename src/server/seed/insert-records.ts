// What the seed writes alongside each record it loads in bulk, as the engine would on a create:
// memberships, a history entry (in its client's file when it has a client) and a search
// document. Shared by the client work (load-client-work.ts) and the tasks (load-tasks.ts).
import { bulkInsert } from '../db/bulk-insert.ts';
import type { Dialect, Tx } from '../db/dialects/dialect.ts';
import type { ObjectDefinition } from '../metadata/define-object.ts';
import { serverType } from '../metadata/field-types/registry.ts';
import { withDerivedColumns } from '../records/derived.ts';
import { type FieldChange, historyRows } from '../records/history.ts';
import { searchDocument } from '../records/search-index.ts';
import { carriedValues } from '../records/write-values.ts';

/**
 * The history written with each loaded case, stage, activity, note and task: `fields`, one row
 * per field given, as the engine writes a create (the demo: its records' pages show who set
 * what); `record`, one row without a field per record (it was created, and when); `none`. The
 * benchmark loads millions of them, and a dozen history rows each would make the history
 * table ten times larger than the records and the load several times slower, while the
 * timeline never reads creation rows of its own entries.
 */
export type WorkHistory = 'fields' | 'record' | 'none';

/** One record to insert: its columns, its memberships by field key, whose file it is in, when. */
export interface Item {
  row: Record<string, unknown>;
  members?: Record<string, readonly number[]>;
  /** The client whose file shows it; null for a record about no client (an internal task). */
  companyId: number | null;
  at: string;
}

/**
 * The history of a create as the engine writes it: one row per field given, memberships as
 * sorted ids. A read-only field (a task's progress) is never given, the engine derives it, so
 * it has none.
 */
function createChanges(
  dialect: Dialect,
  definition: ObjectDefinition,
  row: Record<string, unknown>,
  members: Item['members'],
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of definition.fields) {
    if (field.system || field.readOnly) continue;
    if (field.through) {
      const ids = members?.[field.key] ?? [];
      if (ids.length > 0) changes.push({ field: field.key, old: null, new: [...ids].sort((a, b) => a - b) });
      continue;
    }
    if (!field.column) continue;
    const value = serverType(field).decode(row, field, dialect);
    if (value !== null && value !== undefined) changes.push({ field: field.key, old: null, new: value });
  }
  return changes;
}

/**
 * Inserts one object's records in bulk with what the engine writes alongside a create: their
 * memberships, a history entry (in their client's file) and a search document. Returns the
 * new ids in the items' order.
 */
export async function insertRecords(
  trx: Tx,
  dialect: Dialect,
  definition: ObjectDefinition,
  items: readonly Item[],
  history: WorkHistory,
): Promise<number[]> {
  if (items.length === 0) return [];
  const rows = items.map((item) => withDerivedColumns(dialect, definition, item.row));
  const ids = await bulkInsert(trx, dialect.name, definition.table, rows, { returning: true });
  const idAt = (k: number) => {
    const id = ids[k];
    if (id === undefined) throw new Error(`${definition.table}: fewer ids than rows`);
    return id;
  };
  for (const field of definition.fields) {
    const through = field.through;
    if (!through) continue;
    const links = items.flatMap((item, k) => {
      const carried = carriedValues(through, rows[k] ?? {});
      return (item.members?.[field.key] ?? []).map((target) => ({
        [through.sourceColumn]: idAt(k),
        [through.targetColumn]: target,
        created_at: item.at,
        ...carried,
      }));
    });
    await bulkInsert(trx, dialect.name, through.table, links);
  }
  if (history !== 'none') {
    const entries = items.flatMap((item, k) =>
      historyRows({
        object: definition.key,
        recordId: idAt(k),
        action: 'create',
        changes: history === 'fields' ? createChanges(dialect, definition, rows[k] ?? {}, item.members) : [],
        actorId: null,
        at: item.at,
        subject: item.companyId === null ? null : { object: 'company', id: item.companyId },
      }),
    );
    await bulkInsert(trx, dialect.name, 'record_history', entries);
  }
  if (definition.searchFields.length > 0) {
    await dialect.insertSearchDocuments(
      trx,
      rows.map((row, k) => searchDocument(definition, row, idAt(k))),
    );
  }
  return ids;
}

/** The database id the generator's index stands for (null for none, or one not loaded). */
export function idAt(list: readonly number[], index: number | null): number | null {
  return index === null ? null : (list[index] ?? null);
}

/** The database ids of the generator's indexes, leaving out any not loaded. */
export function idsAt(list: readonly number[], indexes: readonly number[]): number[] {
  return indexes.flatMap((index) => {
    const found = list[index];
    return found === undefined ? [] : [found];
  });
}

/**
 * The audit columns of loaded records. Nothing is dated after the load itself (`at`): the
 * reference date is today, its later hours are not.
 */
export function auditUntil(at: string) {
  const until = (instant: string) => (instant < at ? instant : at);
  return {
    until,
    audit: (created: string, updated = created) => ({
      created_at: until(created),
      updated_at: until(updated),
      version: 1,
    }),
  };
}
