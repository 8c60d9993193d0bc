import { sql } from 'kysely';
import { kindOf } from '../../shared/field-types/registry.ts';
import type { Actor } from '../access/actor.ts';
import type { Executor } from '../db/dialects/dialect.ts';
import { errors } from '../errors.ts';
import type { FieldDefinition, ObjectDefinition } from '../metadata/define-object.ts';
import { serverType } from '../metadata/field-types/registry.ts';
import type { RecordsContext } from './context.ts';
import { type ApiRecord, loadRefs } from './present.ts';
import { readableRows, visibleLookup } from './visible.ts';

/** `company.city` in a list of people: a field of the record a relation points at. */
export interface RelatedColumn {
  key: string;
  via: FieldDefinition;
  target: ObjectDefinition;
  field: FieldDefinition;
}

/**
 * The requested `fields` that name a field of a related record (one hop through a relation,
 * as a list of people shows their company's city). The relation and the field must be visible
 * to the reader like any own field; a dictionary value is not walked into.
 */
export function relatedColumns(
  ctx: RecordsContext,
  actor: Actor,
  definition: ObjectDefinition,
  keys: string[],
): RelatedColumn[] {
  const lookup = visibleLookup(ctx.registry, actor);
  const own = lookup(definition.key);
  return keys.map((key) => {
    const [relation, name, ...rest] = key.split('.');
    const via = relation ? definition.field(relation) : undefined;
    const target = via?.target ? ctx.registry.get(via.target) : undefined;
    const field = name && target ? target.field(name) : undefined;
    const visible =
      via &&
      target &&
      field &&
      rest.length === 0 &&
      kindOf(via) === 'reference' &&
      !via.dictionary &&
      field.columns.length > 0 &&
      own?.fields.some((f) => f.key === via.key) &&
      lookup(target.key)?.fields.some((f) => f.key === field.key);
    if (!visible)
      throw errors.badRequest(`fields: unknown field ${JSON.stringify(key)} on ${definition.key}`);
    return { key, via, target, field };
  });
}

/**
 * Fills `record["company.city"]` (and `_expanded["company.industry"]` for references) for the
 * records of one page: one query per related object, only over related records the reader may
 * read; a related record they may not read leaves the value empty.
 */
export async function attachRelatedColumns(
  ctx: RecordsContext,
  executor: Executor,
  actor: Actor,
  columns: RelatedColumn[],
  records: ApiRecord[],
): Promise<void> {
  const byRelation = new Map<string, RelatedColumn[]>();
  for (const column of columns)
    byRelation.set(column.via.key, [...(byRelation.get(column.via.key) ?? []), column]);
  for (const [relation, group] of byRelation) {
    const target = group[0]?.target;
    if (!target) continue;
    const ids = [
      ...new Set(
        records.map((record) => record[relation]).filter((id): id is number => typeof id === 'number'),
      ),
    ];
    const rows = await readRows(ctx, executor, actor, target, group, ids);
    for (const record of records) {
      const row = rows.get(record[relation] as number);
      for (const column of group)
        record[column.key] = row ? serverType(column.field).decode(row, column.field, ctx.dialect) : null;
    }
    for (const column of group) {
      if (!column.field.target) continue;
      const referenced = ctx.registry.get(column.field.target);
      if (!referenced) continue;
      const wanted = records
        .map((record) => record[column.key])
        .filter((id): id is number => typeof id === 'number');
      const readable = readableRows(ctx, actor, referenced.key);
      const refs =
        readable === undefined
          ? new Map()
          : await loadRefs(executor, referenced, [...new Set(wanted)], actor.locale, readable);
      for (const record of records) {
        const id = record[column.key];
        const bag = (record._expanded ?? {}) as Record<string, unknown>;
        bag[column.key] = typeof id === 'number' ? (refs.get(id) ?? null) : null;
        record._expanded = bag;
      }
    }
  }
}

async function readRows(
  ctx: RecordsContext,
  executor: Executor,
  actor: Actor,
  target: ObjectDefinition,
  columns: RelatedColumn[],
  ids: number[],
): Promise<Map<number, Record<string, unknown>>> {
  const rows = readableRows(ctx, actor, target.key);
  if (ids.length === 0 || rows === undefined) return new Map();
  const alias = 'rc0';
  const names = ['id', ...new Set(columns.flatMap((column) => column.field.columns.map((c) => c.name)))];
  const scope = rows ? sql` AND ${rows(alias)}` : sql``;
  const found = await sql<
    Record<string, unknown>
  >`SELECT ${sql.join(names.map((name) => sql.ref(`${alias}.${name}`)))}
    FROM ${sql.table(target.table)} AS ${sql.raw(alias)}
    WHERE ${sql.ref(`${alias}.id`)} IN (${sql.join(ids)}) AND ${sql.ref(`${alias}.deleted_at`)} IS NULL${scope}`.execute(
    executor,
  );
  return new Map(found.rows.map((row) => [Number(row.id), row]));
}

/** The requested field names that go through a relation (`company.city`). */
export function relatedKeys(fieldsInput: unknown): string[] {
  const keys = typeof fieldsInput === 'string' ? fieldsInput.split(',') : fieldsInput;
  return Array.isArray(keys)
    ? keys.filter((key): key is string => typeof key === 'string' && key.includes('.'))
    : [];
}
