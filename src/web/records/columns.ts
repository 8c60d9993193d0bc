import type { MetadataLookup } from '../../shared/filter/validate.ts';
import type { FieldMeta, ObjectMeta } from '../../shared/metadata/types.ts';
import { fieldOf, isReference } from '../modules/metadata/index.ts';
import { factsOf } from './field-types/facts.ts';
import { columnField } from './related-fields.ts';

/**
 * The columns a list shows until saved views and the column chooser exist: what a salesperson
 * scans for first. Objects not named here get their title fields and a few short fields.
 */
const DEFAULT_COLUMNS: Record<string, string[]> = {
  company: ['name', 'city', 'industry', 'status', 'account_manager', 'phone', 'next_action_date'],
  person: ['last_name', 'first_name', 'company', 'company.city', 'position', 'email', 'phone'],
  employee: ['last_name', 'first_name', 'position', 'department', 'email', 'phone'],
  company_group: ['name', 'description'],
  person_group: ['name', 'description'],
  user_account: ['login', 'employee', 'role', 'active', 'last_login_at'],
  dictionary_value: ['dictionary', 'code', 'label_en', 'label_pl', 'label_hu', 'sort_order', 'active'],
};

const MAX_COLUMNS = 7;

/** `lookup`: other objects' metadata, for columns of related records (`company.city`). */
export function listColumns(meta: ObjectMeta, lookup?: MetadataLookup): FieldMeta[] {
  const named = DEFAULT_COLUMNS[meta.key];
  const column = (key: string) => (lookup ? columnField(meta, lookup, key) : fieldOf(meta, key));
  if (named) return named.map(column).filter((field) => field !== undefined);
  const title = meta.titleFields.map((key) => fieldOf(meta, key)).filter((field) => field !== undefined);
  const rest = meta.fields.filter(
    (field) => !field.system && !meta.titleFields.includes(field.key) && factsOf(field).short,
  );
  return [...title, ...rest].slice(0, MAX_COLUMNS);
}

/**
 * Starting widths in pixels; columns grow to fill the space. Chosen so a company's default
 * columns, next action included, fit a 1440 px screen beside the navigation without
 * scrolling sideways; a long header wraps to a second line instead of widening its column.
 */
export function columnWidth(meta: ObjectMeta, field: FieldMeta): number {
  if (meta.titleFields.includes(field.key)) return 220;
  return factsOf(field).width ?? (isReference(field) ? 160 : 150);
}

/** What a list query asks for: the columns, the id, version, and the expansions for references. */
export function listProjection(
  meta: ObjectMeta,
  columns: FieldMeta[],
): { fields: string[]; expand: string[] } {
  const fields = new Set(['id', 'version', ...meta.titleFields, ...columns.map((field) => field.key)]);
  // A due column is shown as overdue or not by its settling field (a task's done at).
  for (const column of columns) {
    if (column.settledBy && meta.fields.some((field) => field.key === column.settledBy))
      fields.add(column.settledBy);
  }
  // A related column's references come with its values (`company.industry`): not expanded here.
  const expand = columns
    .filter((field) => isReference(field) && !field.key.includes('.'))
    .map((field) => field.key);
  return { fields: [...fields], expand };
}
