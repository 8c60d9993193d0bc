import { createHash } from 'node:crypto';
import { type RawBuilder, sql } from 'kysely';
import { kindOf } from '../../../shared/field-types/registry.ts';
import type { SortSpec } from '../../../shared/metadata/types.ts';
import type { SortLocale } from '../../../shared/text/collation-key.ts';
import type { Dialect } from '../../db/dialects/dialect.ts';
import { errors } from '../../errors.ts';
import type { FieldDefinition, ObjectDefinition } from '../../metadata/define-object.ts';

const MAX_SORT_KEYS = 5;

export interface SortKey {
  field: FieldDefinition;
  column: string;
  direction: 'asc' | 'desc';
  /** Keys that can never be NULL allow the fast row-value keyset comparison. */
  nullable: boolean;
}

export interface CompiledSort {
  keys: SortKey[];
  locale: SortLocale;
  /** Identifies the sort so a cursor made for another sort is refused. */
  signature: string;
  /** The index that delivers rows in exactly this order, when there is one. */
  index: string | null;
}

/** Checks a sort from the wire; the record id is always the final tiebreaker, so paging is stable. */
export function compileSort(
  definition: ObjectDefinition,
  input: unknown,
  locale: SortLocale,
  hiddenFields: ReadonlySet<string>,
): CompiledSort {
  const specs = input === undefined || input === null ? definition.defaultSort : input;
  if (!Array.isArray(specs) || specs.length > MAX_SORT_KEYS) {
    throw errors.badRequest(`sort must be a list of at most ${MAX_SORT_KEYS} {field, direction} entries`);
  }
  const keys: SortKey[] = [];
  for (const [index, spec] of (specs as unknown[]).entries()) {
    const entry = spec as Partial<SortSpec> | null;
    const field = typeof entry?.field === 'string' ? definition.field(entry.field) : undefined;
    if (!entry || !field || hiddenFields.has(field.key)) {
      throw errors.badRequest(
        `sort[${index}].field: unknown field ${JSON.stringify(entry?.field)} on ${definition.key}`,
      );
    }
    if (!field.sortable || !field.column)
      throw errors.badRequest(`sort[${index}].field: "${field.key}" cannot be sorted`);
    const direction = entry.direction ?? 'asc';
    if (direction !== 'asc' && direction !== 'desc') {
      throw errors.badRequest(`sort[${index}].direction: must be "asc" or "desc"`);
    }
    if (keys.some((k) => k.field === field)) continue;
    keys.push({ field, column: field.column, direction, nullable: !field.required && field.key !== 'id' });
  }
  if (!keys.some((k) => k.field.key === 'id')) {
    const idField = definition.field('id');
    if (!idField) throw new Error(`${definition.key} has no id`);
    keys.push({ field: idField, column: 'id', direction: keys.at(-1)?.direction ?? 'asc', nullable: false });
  }
  const signature = createHash('sha256')
    .update(JSON.stringify([definition.key, locale, keys.map((k) => [k.field.key, k.direction])]))
    .digest('base64url')
    .slice(0, 12);
  const leading = keys.filter((k) => k.field.key !== 'id');
  const covered =
    definition.sortIndex.length > 0 &&
    leading.length === definition.sortIndex.length &&
    leading.every(
      (k, i) => k.field.key === definition.sortIndex[i] && k.direction === keys.at(-1)?.direction,
    );
  return { keys, locale, signature, index: covered ? `${definition.table}_sort_${locale}` : null };
}

/** The expression a key sorts by: text in the reader's alphabet, everything else as stored. */
export function sortExpression(
  key: SortKey,
  alias: string,
  dialect: Dialect,
  locale: SortLocale,
): RawBuilder<unknown> {
  const column = sql.ref(`${alias}.${key.column}`);
  return kindOf(key.field) === 'text' ? dialect.collated(column, locale) : sql`${column}`;
}

/** The same wrapping for a bound value, so cursor values compare like the column does. */
export function sortValue(
  key: SortKey,
  value: unknown,
  dialect: Dialect,
  locale: SortLocale,
): RawBuilder<unknown> {
  return kindOf(key.field) === 'text' ? dialect.collated(sql.val(value), locale) : sql.val(value);
}

export function orderBy(sort: CompiledSort, alias: string, dialect: Dialect): RawBuilder<unknown> {
  const parts = sort.keys.map((key) => {
    const expression = sortExpression(key, alias, dialect, sort.locale);
    // NULLs last when ascending, first when descending: the same on both dialects.
    const nulls = key.nullable ? (key.direction === 'asc' ? ' NULLS LAST' : ' NULLS FIRST') : '';
    return sql`${expression} ${sql.raw(key.direction.toUpperCase())}${sql.raw(nulls)}`;
  });
  return sql.join(parts);
}
