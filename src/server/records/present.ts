import { sql } from 'kysely';
import { titleFieldsIn } from '../../shared/metadata/title.ts';
import type { Locale } from '../../shared/metadata/types.ts';
import type { RowPredicate } from '../access/row-scope.ts';
import type { Dialect, Executor } from '../db/dialects/dialect.ts';
import type { FieldDefinition, ObjectDefinition } from '../metadata/define-object.ts';
import { plainTextOf, serverType } from '../metadata/field-types/registry.ts';
import type { MetadataRegistry } from '../metadata/registry.ts';

export type ApiRecord = Record<string, unknown>;

/** A related record as shown beside a reference: enough to render a link. */
export interface RecordRef {
  id: number;
  title: string;
  /** Dictionary values also carry their code and colour. */
  code?: string;
  color?: string | null;
}

/**
 * The record's title in the reader's language ("Jan Kowalski", "Kozma Nikolett" in Hungarian,
 * a dictionary label…).
 */
export function titleOf(definition: ObjectDefinition, row: Record<string, unknown>, locale: Locale): string {
  if (definition.localizedTitle) return String(row[definition.localizedTitle[locale]] ?? '');
  return titleFieldsIn(definition, locale)
    .map((key) => {
      const field = definition.field(key);
      const value = row[field?.column ?? key];
      // A note is titled by its text: its words, not its markup.
      return field && typeof value === 'string' ? plainTextOf(field, value) : value;
    })
    .filter((v) => v !== null && v !== undefined && v !== '')
    .join(' ');
}

/** Database row → API record for the projected fields (booleans decoded, references as ids). */
export function decodeRow(
  fields: FieldDefinition[],
  row: Record<string, unknown>,
  dialect: Dialect,
): ApiRecord {
  const record: ApiRecord = {};
  for (const field of fields) {
    if (field.columns.length === 0) continue;
    record[field.key] = serverType(field).decode(row, field, dialect);
  }
  return record;
}

/** Loads multiRelation ids for many records in one query per field. */
export async function attachMemberships(
  dialect: Dialect,
  executor: Executor,
  fields: FieldDefinition[],
  records: ApiRecord[],
): Promise<void> {
  const ids = records.map((r) => r.id as number);
  for (const field of fields) {
    const through = field.through;
    if (!through) continue;
    const byRecord = new Map<number, number[]>(ids.map((id) => [id, []]));
    if (ids.length > 0) {
      const rows = await executor
        .selectFrom(through.table)
        .select([through.sourceColumn, through.targetColumn])
        .where(dialect.inList(sql.ref(through.sourceColumn), ids))
        .orderBy(through.targetColumn)
        .execute();
      for (const row of rows)
        byRecord.get(Number(row[through.sourceColumn]))?.push(Number(row[through.targetColumn]));
    }
    for (const record of records) record[field.key] = byRecord.get(record.id as number) ?? [];
  }
}

/**
 * Adds `_expanded: { field: {id, title} | [{id, title}] }` for the requested reference fields,
 * with one query per target object however many records there are.
 */
export async function attachExpansions(
  executor: Executor,
  registry: MetadataRegistry,
  fields: FieldDefinition[],
  records: ApiRecord[],
  locale: Locale,
  /** The rows of an object the reader may see (null: all; undefined: none). */
  readable: (object: string) => RowPredicate | null | undefined,
): Promise<void> {
  // Fields pointing at the same object (five dictionaries on a company) share one look-up.
  const wantedByTarget = new Map<string, Set<number>>();
  for (const field of fields) {
    if (!field.target || !registry.get(field.target)) continue;
    const wanted = wantedByTarget.get(field.target) ?? new Set<number>();
    for (const record of records) {
      const value = record[field.key];
      for (const id of Array.isArray(value) ? value : [value]) if (typeof id === 'number') wanted.add(id);
    }
    wantedByTarget.set(field.target, wanted);
  }
  const refsByTarget = new Map<string, Map<number, RecordRef>>();
  for (const [key, wanted] of wantedByTarget) {
    const target = registry.get(key) as ObjectDefinition;
    const rows = readable(key);
    refsByTarget.set(
      key,
      rows === undefined ? new Map() : await loadRefs(executor, target, [...wanted], locale, rows),
    );
  }
  for (const field of fields) {
    const refs = field.target ? refsByTarget.get(field.target) : undefined;
    if (!refs) continue;
    for (const record of records) {
      const value = record[field.key];
      const expanded = Array.isArray(value)
        ? value.map((id) => refs.get(id as number)).filter((ref) => ref !== undefined)
        : typeof value === 'number'
          ? (refs.get(value) ?? null)
          : null;
      const bag = (record._expanded ?? {}) as Record<string, unknown>;
      bag[field.key] = expanded;
      record._expanded = bag;
    }
  }
}

export async function loadRefs(
  executor: Executor,
  target: ObjectDefinition,
  ids: number[],
  locale: Locale,
  /** Only these rows (the reader's), never the trash; null: any live row. */
  rows: RowPredicate | null = null,
): Promise<Map<number, RecordRef>> {
  const refs = new Map<number, RecordRef>();
  if (ids.length === 0) return refs;
  const titleColumns = target.localizedTitle
    ? Object.values(target.localizedTitle)
    : target.titleFields.map((key) => target.field(key)?.column ?? key);
  const extra = target.localizedTitle ? ['code', 'color'] : [];
  const alias = 'r0';
  const columns = ['id', ...new Set([...titleColumns, ...extra])].map((c) => sql.ref(`${alias}.${c}`));
  const scope = rows ? sql` AND ${rows(alias)}` : sql``;
  const found = await sql<Record<string, unknown>>`SELECT ${sql.join(columns)}
    FROM ${sql.table(target.table)} AS ${sql.raw(alias)}
    WHERE ${sql.ref(`${alias}.id`)} IN (${sql.join(ids)}) AND ${sql.ref(`${alias}.deleted_at`)} IS NULL${scope}`.execute(
    executor,
  );
  for (const row of found.rows) {
    const ref: RecordRef = { id: Number(row.id), title: titleOf(target, row, locale) };
    if (target.localizedTitle) {
      ref.code = String(row.code);
      ref.color = (row.color as string | null) ?? null;
    }
    refs.set(ref.id, ref);
  }
  return refs;
}
