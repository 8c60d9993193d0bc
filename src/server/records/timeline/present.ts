import type { Labels } from '../../../shared/metadata/types.ts';
import type { TimelineItem } from '../../../shared/timeline/types.ts';
import type { Actor } from '../../access/actor.ts';
import type { Executor } from '../../db/dialects/dialect.ts';
import type { FieldDefinition, ObjectDefinition } from '../../metadata/define-object.ts';
import type { RecordsContext } from '../context.ts';
import { type ApiRecord, attachExpansions, attachMemberships, type RecordRef, titleOf } from '../present.ts';
import type { ValueText } from '../value-text.ts';
import { readableRows } from '../visible.ts';
import type { EntryKey } from './sources.ts';

export type { TimelineItem };

const L = (en: string, pl: string, hu: string): Labels => ({ en, pl, hu });

export const ACTIONS: Record<string, Labels> = {
  create: L('added', 'dodano', 'hozzáadva'),
  delete: L('moved to the trash', 'przeniesiono do kosza', 'lomtárba helyezve'),
  restore: L('restored', 'przywrócono', 'visszaállítva'),
  merge: L('merged', 'scalono', 'összevonva'),
  unmerge: L('merge undone', 'cofnięto scalenie', 'összevonás visszavonva'),
  anonymise: L('anonymised', 'zanonimizowano', 'anonimizálva'),
};
export const EMPTY = L('(empty)', '(puste)', '(üres)');

const SUMMARY_LENGTH = 200;

export function clipped(text: string, length = SUMMARY_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/** A value as a person reads it: a relation's title, a choice's label, yes/no, the text. */
/**
 * A value as a person reads it, through its field type's own text (ValueText: a reference's
 * title, a choice's label, a date in the reader's words, money with its currency, rich text
 * without markup), clipped to a line; null when empty.
 */
export function shown(
  field: FieldDefinition,
  value: unknown,
  expanded: unknown,
  values: ValueText,
): string | null {
  const text = values.of(field, value, expanded as RecordRef | RecordRef[] | null);
  return text === '' ? null : clipped(text);
}

export async function expanded(
  ctx: RecordsContext,
  executor: Executor,
  actor: Actor,
  fields: FieldDefinition[],
  records: ApiRecord[],
): Promise<void> {
  await attachExpansions(executor, ctx.registry, fields, records, actor.locale, (object) =>
    readableRows(ctx, actor, object),
  );
}

export function expansionOf(record: ApiRecord, key: string): unknown {
  return (record._expanded as Record<string, unknown> | undefined)?.[key] ?? null;
}

/** Who did it: the account's employee by name where the reader may see employees, else the login. */
export async function actorsOf(
  ctx: RecordsContext,
  executor: Executor,
  actor: Actor,
  ids: number[],
): Promise<Map<number, { id: number; name: string }>> {
  const found = new Map<number, { id: number; name: string }>();
  const accounts = ctx.registry.get('user_account');
  const wanted = [...new Set(ids)];
  if (!accounts || wanted.length === 0) return found;
  const rows = await executor.selectFrom(accounts.table).selectAll().where('id', 'in', wanted).execute();
  const employeeField = accounts.fields.find((f) => f.type === 'relation' && f.target === 'employee');
  const records: ApiRecord[] = rows.map((row) => ({
    id: Number(row.id),
    login: row.login,
    ...(employeeField?.column ? { [employeeField.key]: row[employeeField.column] ?? null } : {}),
  }));
  if (employeeField) await expanded(ctx, executor, actor, [employeeField], records);
  for (const record of records) {
    const employee = employeeField ? (expansionOf(record, employeeField.key) as RecordRef | null) : null;
    found.set(record.id as number, {
      id: record.id as number,
      name: employee?.title ?? String(record.login),
    });
  }
  return found;
}

/** The page's entries from records: their titles, summaries and kinds, in one read per object. */
export async function recordItems(
  ctx: RecordsContext,
  executor: Executor,
  actor: Actor,
  definition: ObjectDefinition,
  keys: EntryKey[],
  values: ValueText,
): Promise<Map<number, Omit<TimelineItem, 'actor'> & { actorId: number | null }>> {
  const spec = definition.timeline;
  const items = new Map<number, Omit<TimelineItem, 'actor'> & { actorId: number | null }>();
  if (!spec || keys.length === 0) return items;
  const rows = await executor
    .selectFrom(definition.table)
    .selectAll()
    .where(
      'id',
      'in',
      keys.map((k) => k.id),
    )
    .execute();
  const wanted = [spec.kind, spec.case, ...spec.summary].filter((k): k is string => k !== undefined);
  const fields = wanted
    .map((key) => definition.field(key))
    .filter((f): f is FieldDefinition => f !== undefined);
  const records: ApiRecord[] = rows.map((row) => {
    const record: ApiRecord = { id: Number(row.id) };
    for (const field of fields) {
      record[field.key] = field.column ? (row[field.column] ?? null) : null;
    }
    return record;
  });
  // multiRelations in a summary (participants) come from their tables.
  await attachMemberships(ctx.dialect, executor, fields, records);
  await expanded(
    ctx,
    executor,
    actor,
    fields.filter((f) => f.target),
    records,
  );
  const byId = new Map(keys.map((k) => [k.id, k]));
  rows.forEach((row, index) => {
    const record = records[index] as ApiRecord;
    const key = byId.get(Number(row.id));
    if (!key) return;
    const summary = spec.summary
      .map((name) => {
        const field = definition.field(name);
        return field ? shown(field, record[name], expansionOf(record, name), values) : null;
      })
      .filter((text): text is string => text !== null)
      .join(' · ');
    const caseValue = spec.case ? record[spec.case] : null;
    items.set(key.id, {
      id: `${definition.key}:${key.id}`,
      at: key.at,
      type: definition.key,
      kind: spec.kind ? ((expansionOf(record, spec.kind) as RecordRef | null) ?? null) : null,
      icon: definition.icon,
      title: clipped(titleOf(definition, row, actor.locale), 120),
      summary: clipped(summary),
      object: definition.key,
      recordId: key.id,
      actorId: row.created_by === null || row.created_by === undefined ? null : Number(row.created_by),
      caseId: typeof caseValue === 'number' ? caseValue : caseValue ? Number(caseValue) : null,
    });
  });
  return items;
}
