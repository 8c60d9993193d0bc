import type { FieldMeta, ObjectMeta } from '../../shared/metadata/types.ts';
import type { RecordData } from '../app/api-types.ts';

/** Field values as the API speaks them; the form edits these directly. */
export type Values = Record<string, unknown>;

/** Fields a person edits on the record page, in metadata order, title fields first. */
export function editableFields(meta: ObjectMeta): FieldMeta[] {
  const editable = meta.fields.filter((field) => !field.system && !field.readOnly);
  const title = editable.filter((field) => meta.titleFields.includes(field.key));
  return [...title, ...editable.filter((field) => !meta.titleFields.includes(field.key))];
}

/** Non-system fields the server sets (role, last login…): shown, not edited. */
export function readOnlyFields(meta: ObjectMeta): FieldMeta[] {
  return meta.fields.filter((field) => !field.system && field.readOnly);
}

/** Empty text, null and undefined are all "no value": the server stores '' as null. */
function normalise(value: unknown): unknown {
  if (value === '' || value === undefined) return null;
  if (Array.isArray(value)) return [...value].sort();
  return value;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

/** The user's changes that really differ from the record they started from. */
export function effectiveChanges(base: RecordData, changes: Values): Values {
  const result: Values = {};
  for (const [key, value] of Object.entries(changes)) {
    if (!sameValue(value, base[key])) result[key] = value === '' ? null : value;
  }
  return result;
}

/** Fields someone else changed between `base` and `current`, among those the form shows. */
export function changedBetween(fields: FieldMeta[], base: RecordData, current: RecordData): FieldMeta[] {
  return fields.filter((field) => !sameValue(base[field.key], current[field.key]));
}
