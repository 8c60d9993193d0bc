import type { Actor } from '../../access/actor.ts';
import type { Executor } from '../../db/dialects/dialect.ts';
import type { FieldDefinition } from '../../metadata/define-object.ts';
import type { RecordsContext } from '../context.ts';
import { type ApiRecord, titleOf } from '../present.ts';
import type { ValueText } from '../value-text.ts';
import { ACTIONS, clipped, EMPTY, expanded, expansionOf, shown, type TimelineItem } from './present.ts';
import { CHANGE_TYPE, type EntryKey } from './sources.ts';

type Pending = Omit<TimelineItem, 'actor'> & { actorId: number | null };

const parsed = (value: unknown): unknown =>
  value === null || value === undefined ? null : JSON.parse(String(value));

/**
 * The page's change entries: "Status: Prospect → Active" in the reader's language, the record
 * changed as the title (a person of the client, its address). Values of references are shown
 * by title, looked up once per field for the whole page, within the reader's rights.
 */
export async function changeItems(
  ctx: RecordsContext,
  executor: Executor,
  actor: Actor,
  keys: EntryKey[],
  text: ValueText,
): Promise<Map<number, Pending>> {
  const items = new Map<number, Pending>();
  if (keys.length === 0) return items;
  const rows = await executor
    .selectFrom('record_history')
    .selectAll()
    .where(
      'id',
      'in',
      keys.map((k) => k.id),
    )
    .execute();
  const locale = actor.locale;
  // The changed records' titles, one read per object.
  const titles = new Map<string, string>();
  const byObject = new Map<string, Set<number>>();
  for (const row of rows) {
    const ids = byObject.get(String(row.object)) ?? new Set<number>();
    ids.add(Number(row.record_id));
    byObject.set(String(row.object), ids);
  }
  for (const [object, ids] of byObject) {
    const definition = ctx.registry.get(object);
    if (!definition) continue;
    const records = await executor
      .selectFrom(definition.table)
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
    for (const record of records) titles.set(`${object}:${record.id}`, titleOf(definition, record, locale));
  }
  // Old and new values of references, shown by title: one pseudo-record per value.
  const values = new Map<number, { field: FieldDefinition; old: ApiRecord; new: ApiRecord }>();
  const byField = new Map<FieldDefinition, ApiRecord[]>();
  for (const row of rows) {
    const field = row.field ? ctx.registry.get(String(row.object))?.field(String(row.field)) : undefined;
    if (!field) continue;
    const pair = {
      field,
      old: { [field.key]: parsed(row.old_value) },
      new: { [field.key]: parsed(row.new_value) },
    };
    values.set(Number(row.id), pair);
    if (field.target) byField.set(field, [...(byField.get(field) ?? []), pair.old, pair.new]);
  }
  for (const [field, records] of byField) await expanded(ctx, executor, actor, [field], records);
  const at = new Map(keys.map((k) => [k.id, k.at]));
  for (const row of rows) {
    const id = Number(row.id);
    const object = String(row.object);
    const definition = ctx.registry.get(object);
    const pair = values.get(id);
    const action = String(row.action);
    let summary: string;
    if (pair && action !== 'create') {
      const show = (record: ApiRecord) =>
        shown(pair.field, record[pair.field.key], expansionOf(record, pair.field.key), text) ?? EMPTY[locale];
      summary = `${pair.field.labels[locale]}: ${show(pair.old)} → ${show(pair.new)}`;
    } else {
      const what = definition?.labels.one[locale] ?? object;
      summary = `${what}: ${ACTIONS[action]?.[locale] ?? action}`;
    }
    items.set(id, {
      id: `${CHANGE_TYPE}:${id}`,
      at: at.get(id) ?? String(row.changed_at),
      type: CHANGE_TYPE,
      kind: null,
      icon: 'history',
      title: clipped(titles.get(`${object}:${row.record_id}`) ?? '', 120),
      summary: clipped(summary),
      object,
      recordId: Number(row.record_id),
      actorId: row.changed_by === null ? null : Number(row.changed_by),
      caseId: null,
    });
  }
  return items;
}
