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
  /** The column the row carries the key's value in: the field's own, or the label's alias. */
  column: string;
  direction: 'asc' | 'desc';
  /** Keys that can never be NULL allow the fast row-value keyset comparison. */
  nullable: boolean;
  /**
   * A reference sorts by what the reader sees, its target's title (a dictionary value's label
   * in the reader's language, a company's name), never by the id. The list selects this
   * expression under `column`, so the cursor carries the label.
   */
  label?: (alias: string) => RawBuilder<unknown>;
  /** For a reference: the object it points to and its title as an expression over that table. */
  target?: { definition: ObjectDefinition; title: (alias: string) => RawBuilder<unknown> };
}

/** The object a reference field points to, to sort by its title. */
export type TargetLookup = (key: string) => ObjectDefinition | undefined;

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
  targets: TargetLookup,
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
    const nullable = !field.required && field.key !== 'id';
    const target = kindOf(field) === 'reference' && field.target ? targets(field.target) : undefined;
    if (kindOf(field) === 'reference' && !target)
      throw errors.badRequest(`sort[${index}].field: "${field.key}" cannot be sorted`);
    keys.push(
      target
        ? // A required reference may still point to a record without a title: nullable.
          {
            field,
            column: `_sort_${field.column}`,
            direction,
            nullable: true,
            label: titleOfTarget(target, field.column, locale),
            target: { definition: target, title: targetTitle(target, locale) },
          }
        : { field, column: field.column, direction, nullable },
    );
  }
  completeTitleSort(definition, keys, hiddenFields);
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
  return {
    keys,
    locale,
    signature,
    index: covered ? `${definition.table}_sort_${locale}` : listIndex(definition, leading, locale),
  };
}

/** The list index (`listIndexes`) that holds the rows in a one-field sort's order, if any. */
function listIndex(definition: ObjectDefinition, leading: SortKey[], locale: SortLocale): string | null {
  const [only] = leading;
  if (leading.length !== 1 || !only || only.label || !definition.listIndexes.includes(only.field.key))
    return null;
  const name = `${definition.table}_list_${only.column}`;
  return kindOf(only.field) === 'text' ? `${name}_${locale}` : name;
}

/**
 * A sort by the first keys of the object's title sort ("last name" of "last name, first name")
 * goes on with the rest of it before the id: people of one surname by first name, as a reader
 * expects, and the order the sort index holds, so the list walks it instead of sorting.
 */
function completeTitleSort(definition: ObjectDefinition, keys: SortKey[], hiddenFields: ReadonlySet<string>) {
  const index = definition.sortIndex;
  const direction = keys[0]?.direction;
  const prefix =
    keys.length > 0 &&
    keys.length < index.length &&
    keys.every((k, i) => k.field.key === index[i] && k.direction === direction && !k.label);
  if (!prefix || !direction) return;
  const rest: Array<{ field: FieldDefinition; column: string }> = [];
  for (const key of index.slice(keys.length)) {
    const field = definition.field(key);
    if (!field?.column || hiddenFields.has(field.key)) return;
    rest.push({ field, column: field.column });
  }
  for (const { field, column } of rest) {
    keys.push({ field, column, direction, nullable: !field.required && field.key !== 'id' });
  }
}

/**
 * The target's title for the row's reference, '' as NULL so a blank label sorts with the
 * blanks: the localized label column, or the title fields joined as titleOf joins them.
 */
function titleOfTarget(
  target: ObjectDefinition,
  column: string,
  locale: SortLocale,
): (alias: string) => RawBuilder<unknown> {
  const title = targetTitle(target, locale);
  return (alias) => {
    const inner = `${alias}_t`;
    return sql`(SELECT ${title(inner)} FROM ${sql.table(target.table)} AS ${sql.raw(inner)}
      WHERE ${sql.ref(`${inner}.id`)} = ${sql.ref(`${alias}.${column}`)})`;
  };
}

/** A record's title over its own table, '' as NULL: the localized label or the title fields joined. */
function targetTitle(target: ObjectDefinition, locale: SortLocale): (alias: string) => RawBuilder<unknown> {
  const titleColumns = target.localizedTitle
    ? [target.field(target.localizedTitle[locale])?.column ?? target.localizedTitle[locale]]
    : target.titleFields.map((key) => target.field(key)?.column ?? key);
  return (alias) => {
    const parts = titleColumns.map((name) => sql`COALESCE(${sql.ref(`${alias}.${name}`)}, '')`);
    const title = parts.length === 1 ? parts[0] : sql`TRIM(${sql.join(parts, sql` || ' ' || `)})`;
    return sql`NULLIF(${title}, '')`;
  };
}

/** Text and labels sort in the reader's alphabet; everything else as stored. */
function collates(key: SortKey): boolean {
  return key.label !== undefined || kindOf(key.field) === 'text';
}

/** The value a key sorts by, uncollated: what the list selects under `key.column`. */
export function sortSource(key: SortKey, alias: string): RawBuilder<unknown> {
  return key.label ? key.label(alias) : sql`${sql.ref(`${alias}.${key.column}`)}`;
}

/** The expression a key sorts by: text in the reader's alphabet, everything else as stored. */
export function sortExpression(
  key: SortKey,
  alias: string,
  dialect: Dialect,
  locale: SortLocale,
): RawBuilder<unknown> {
  const source = sortSource(key, alias);
  return collates(key) ? dialect.collated(source, locale) : source;
}

/** The same wrapping for a bound value, so cursor values compare like the column does. */
export function sortValue(
  key: SortKey,
  value: unknown,
  dialect: Dialect,
  locale: SortLocale,
): RawBuilder<unknown> {
  return collates(key) ? dialect.collated(sql.val(value), locale) : sql.val(value);
}

export function orderBy(sort: CompiledSort, alias: string, dialect: Dialect): RawBuilder<unknown> {
  const parts = sort.keys.map((key) => {
    const expression = sortExpression(key, alias, dialect, sort.locale);
    // Blanks last in both directions (what a reader looking for values expects), on both dialects.
    const nulls = key.nullable ? ' NULLS LAST' : '';
    return sql`${expression} ${sql.raw(key.direction.toUpperCase())}${sql.raw(nulls)}`;
  });
  return sql.join(parts);
}
