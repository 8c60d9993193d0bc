import { titleFieldsIn } from '../../shared/metadata/title.ts';
import { searchTokens } from '../../shared/text/fold.ts';
import type { Dialect, Executor } from '../db/dialects/dialect.ts';
import type { ObjectDefinition } from '../metadata/define-object.ts';
import { plainTextOf } from '../metadata/field-types/registry.ts';
import { titleOf } from './present.ts';

/** The folded words of a record's searchable fields, as the index stores them. */
export function searchText(definition: ObjectDefinition, row: Record<string, unknown>): string {
  const words: string[] = [];
  for (const key of definition.searchFields) {
    const field = definition.field(key);
    const value = field?.column ? row[field.column] : undefined;
    // Rich text is indexed by its words: searching "strong" should not find every bold note.
    if (field && typeof value === 'string' && value !== '')
      words.push(...searchTokens(plainTextOf(field, value)));
  }
  return words.join(' ');
}

export interface SearchDocument {
  object: string;
  recordId: number;
  title: string;
  text: string;
}

/** A record's search document: its title (as English readers see it) and its searchable words. */
export function searchDocument(
  definition: ObjectDefinition,
  row: Record<string, unknown>,
  recordId = Number(row.id),
): SearchDocument {
  return {
    object: definition.key,
    recordId,
    title: titleOf(definition, row, 'en'),
    text: searchText(definition, row),
  };
}

const searchColumnsOf = new WeakMap<ObjectDefinition, ReadonlySet<string>>();

/** The columns a record's search document is made of: its title's and its searchable fields'. */
function searchColumns(definition: ObjectDefinition): ReadonlySet<string> {
  let columns = searchColumnsOf.get(definition);
  if (!columns) {
    const keys = [...titleFieldsIn(definition, 'en'), ...definition.searchFields];
    columns = new Set([
      ...keys.flatMap((key) => definition.field(key)?.columns.map((column) => column.name) ?? []),
      ...(definition.localizedTitle ? [definition.localizedTitle.en] : []),
    ]);
    searchColumnsOf.set(definition, columns);
  }
  return columns;
}

/** Whether a change of these columns changes the record's search document (else it stays as it is). */
export function changesSearch(definition: ObjectDefinition, changedColumns: Iterable<string>): boolean {
  if (definition.searchFields.length === 0) return false;
  const columns = searchColumns(definition);
  for (const column of changedColumns) if (columns.has(column)) return true;
  return false;
}

/**
 * Keeps the search document of one record in step with the record, inside the write's
 * transaction: search never shows a record that is not there, nor misses one that is.
 */
export async function indexRecord(
  executor: Executor,
  dialect: Dialect,
  definition: ObjectDefinition,
  row: Record<string, unknown>,
): Promise<void> {
  if (definition.searchFields.length === 0) return;
  const recordId = Number(row.id);
  if (row.deleted_at) {
    await dialect.deleteSearchDocument(executor, definition.key, recordId);
    return;
  }
  await dialect.upsertSearchDocument(executor, searchDocument(definition, row, recordId));
}
