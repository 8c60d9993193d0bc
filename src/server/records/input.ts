import type { Executor } from '../db/dialects/dialect.ts';
import type { FieldIssue } from '../errors.ts';
import { errors } from '../errors.ts';
import { type FieldDefinition, type ObjectDefinition, SYSTEM_FIELD_KEYS } from '../metadata/define-object.ts';
import type { Checked, InputContext } from '../metadata/field-types/module.ts';
import { serverType } from '../metadata/field-types/registry.ts';

/** A write, checked against metadata: plain API values keyed by field, memberships apart. */
export interface CheckedInput {
  /** Scalar and reference fields that the write sets (API values, not yet encoded). */
  values: Map<FieldDefinition, unknown>;
  /** multiRelation fields: the complete new list of ids. */
  memberships: Map<FieldDefinition, number[]>;
}

const MAX_MEMBERSHIPS = 1000;

/**
 * Checks a create or update body. Every problem is collected so the user sees all of them at
 * once; nothing is written when any is found. System fields (id, version, created_by…) in a
 * body are ignored: a client may send back the record it read.
 */
export function checkInput(
  definition: ObjectDefinition,
  body: unknown,
  mode: 'create' | 'update',
  context: InputContext = { country: null },
): CheckedInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw errors.badRequest('The request body must be a JSON object of field values');
  }
  const issues: FieldIssue[] = [];
  const values = new Map<FieldDefinition, unknown>();
  const memberships = new Map<FieldDefinition, number[]>();
  for (const [key, raw] of Object.entries(body)) {
    if (SYSTEM_FIELD_KEYS.has(key)) continue;
    const field = definition.field(key);
    if (!field) {
      issues.push({ field: key, code: 'unknown_field', message: `${definition.key} has no field "${key}"` });
      continue;
    }
    if (field.readOnly) {
      issues.push({ field: key, code: 'read_only', message: 'is read-only and cannot be set here' });
      continue;
    }
    if (field.through) {
      const ids = checkIdList(raw);
      if (typeof ids === 'string') issues.push({ field: key, code: 'invalid', message: ids });
      else memberships.set(field, ids);
      continue;
    }
    const checked = checkValue(field, raw, context);
    if (checked.issue) issues.push({ field: key, ...checked.issue });
    else values.set(field, checked.value);
  }
  for (const field of definition.fields) {
    if (field.system || field.through) continue;
    const given = values.has(field);
    if (mode === 'create' && !given && field.defaultValue !== undefined)
      values.set(field, field.defaultValue);
    if (field.readOnly) continue;
    const value = values.get(field);
    const missing = mode === 'create' ? value === undefined || value === null : given && value === null;
    if (field.required && missing && !issues.some((i) => i.field === field.key)) {
      issues.push({ field: field.key, code: 'required', message: 'is required' });
    }
  }
  if (issues.length > 0) throw errors.validation(issues);
  return { values, memberships };
}

function checkValue(field: FieldDefinition, raw: unknown, context: InputContext): Checked {
  const type = serverType(field);
  if (raw === null) {
    // Booleans are never unknown: a missing answer is false, not null.
    return type.traits.kind === 'boolean'
      ? { issue: { code: 'type', message: 'must be true or false' } }
      : { value: null };
  }
  return type.check(raw, field, context);
}

function checkIdList(raw: unknown): number[] | string {
  if (raw === null) return [];
  if (!Array.isArray(raw)) return 'must be a list of record ids';
  if (raw.length > MAX_MEMBERSHIPS) return `must have at most ${MAX_MEMBERSHIPS} entries`;
  for (const item of raw) {
    if (typeof item !== 'number' || !Number.isSafeInteger(item) || item < 1)
      return 'must be a list of record ids';
  }
  return [...new Set(raw as number[])];
}

/** The field of the record that holds its country, when the object has one for its phones or tax ids. */
function countryFieldOf(definition: ObjectDefinition): FieldDefinition | undefined {
  const key = definition.fields.find((f) => f.countryField)?.countryField;
  return key ? definition.field(key) : undefined;
}

/**
 * What checking a write needs beyond its body: the record's country (sent in the body, else
 * stored, else the installation's), which decides how a phone typed without its country code,
 * a postal code or a national tax number is read.
 */
export async function inputContext(
  executor: Executor,
  definition: ObjectDefinition,
  body: unknown,
  recordId: number | null,
  defaultCountry: string | null,
): Promise<InputContext> {
  const countryField = countryFieldOf(definition);
  if (!countryField?.column) return { country: defaultCountry };
  const sent = (body as Record<string, unknown> | null)?.[countryField.key];
  if (typeof sent === 'string' && /^[A-Za-z]{2}$/.test(sent.trim()))
    return { country: sent.trim().toUpperCase() };
  if (sent !== undefined || recordId === null) return { country: defaultCountry };
  const row = await executor
    .selectFrom(definition.table)
    .select(countryField.column)
    .where('id', '=', recordId)
    .executeTakeFirst();
  const stored = row?.[countryField.column];
  return { country: typeof stored === 'string' ? stored : defaultCountry };
}
