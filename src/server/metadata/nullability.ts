import { traitsOf } from '../../shared/field-types/registry.ts';
import type { FieldDefinition } from './define-object.ts';

/**
 * Booleans are never unknown: a missing answer is false, so a write refuses null for them.
 * The records engine refuses it and the schema check relies on it.
 */
export function neverEmpty(field: Pick<FieldDefinition, 'type'>): boolean {
  return traitsOf(field.type).kind === 'boolean';
}

/**
 * Whether a write through the records engine (a request, a bulk change, an import) may store
 * null in the field's columns: any field a client may set that is neither required nor never
 * empty. A default does not help: it fills a field a create leaves out, not one sent as null.
 * `schema-check` fails on such a field over a NOT NULL column, which would turn that write into
 * a database error.
 */
export function mayBeWrittenNull(field: FieldDefinition): boolean {
  return !field.system && !field.readOnly && !field.through && !field.required && !neverEmpty(field);
}

/** Whether every create gives the field a value: it is required, defaulted or set by the engine. */
export function alwaysSetOnCreate(field: FieldDefinition): boolean {
  return field.required || field.system || field.defaultValue !== undefined || neverEmpty(field);
}
