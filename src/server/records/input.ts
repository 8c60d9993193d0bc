import {
  findIllFormedText,
  ILL_FORMED_TEXT_CODE,
  ILL_FORMED_TEXT_MESSAGE,
} from '../../shared/text/well-formed.ts';
import { DEFAULT_TIME_ZONE } from '../access/actor.ts';
import type { Executor } from '../db/dialects/dialect.ts';
import type { FieldIssue } from '../errors.ts';
import { errors } from '../errors.ts';
import { type FieldDefinition, type ObjectDefinition, SYSTEM_FIELD_KEYS } from '../metadata/define-object.ts';
import { type Checked, type InputContext, invalid } from '../metadata/field-types/module.ts';
import { serverType } from '../metadata/field-types/registry.ts';
import { neverEmpty } from '../metadata/nullability.ts';
import type { MetadataRegistry } from '../metadata/registry.ts';

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
  if (mode === 'create' && issues.length === 0) applyCreateDefaults(definition, values, context);
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

/**
 * Fills what a create left out: first the object's computed defaults (from what was given and
 * who writes when), then select fields' values named by code. Constant `defaultValue`s
 * come after, in the required-field pass.
 */
export function applyCreateDefaults(
  definition: ObjectDefinition,
  values: Map<FieldDefinition, unknown>,
  context: InputContext,
): void {
  if (definition.createDefaults) {
    const given = Object.fromEntries([...values].map(([field, value]) => [field.key, value]));
    // Without a writer (an internal caller): now, in the installation's zone, by no one.
    const creator = context.create?.creator ?? {
      now: new Date(),
      timeZone: DEFAULT_TIME_ZONE,
      employeeId: null,
    };
    for (const [key, raw] of Object.entries(definition.createDefaults(given, creator))) {
      const field = definition.field(key);
      if (!field || values.has(field) || raw === null || raw === undefined) continue;
      // A default the object computed is checked like a typed value; one that does not fit is left out.
      const checked = checkValue(field, raw, context);
      if (!checked.issue) values.set(field, checked.value);
    }
  }
  for (const [key, id] of context.create?.selections ?? []) {
    const field = definition.field(key);
    if (field && !values.has(field)) values.set(field, id);
  }
}

function checkValue(field: FieldDefinition, raw: unknown, context: InputContext): Checked {
  const type = serverType(field);
  if (raw === null) {
    return neverEmpty(field)
      ? { issue: { code: 'type', message: 'must be true or false' } }
      : { value: null };
  }
  // Whatever the type, and wherever the value came from (a request, an imported file's cell).
  if (findIllFormedText(raw) !== null) return invalid(ILL_FORMED_TEXT_CODE, ILL_FORMED_TEXT_MESSAGE);
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

const COUNTRY_CODE = /^[A-Za-z]{2}$/;

/** A stored or sent country code, upper case; null for anything else. */
function countryCode(value: unknown): string | null {
  return typeof value === 'string' && COUNTRY_CODE.test(value.trim()) ? value.trim().toUpperCase() : null;
}

/**
 * What checking a write needs beyond its body: the record's country, which decides how a phone
 * typed without its country code, a postal code or a national tax number is read. Fields name
 * where it is (`countryField`): a field of the record (`country`) or of a record it refers to
 * (`company.country` for a person's phone). The value sent in the body wins, then the stored
 * one, then the installation's country.
 */
export async function inputContext(
  executor: Executor,
  registry: MetadataRegistry,
  definition: ObjectDefinition,
  body: unknown,
  recordId: number | null,
  defaultCountry: string | null,
): Promise<InputContext> {
  const { country } = await countryContext(executor, registry, definition, body, recordId, defaultCountry);
  return { country, lookup: registry.lookup };
}

/** Where a record's country is: its own field, or a field of the record one reference away. */
interface CountryPath {
  /** The field of the record: the country itself, or the reference to follow. */
  first: string;
  field: FieldDefinition & { column: string };
  /** The referred object's table and country column, for one hop. */
  hop: { table: string; column: string } | null;
}

function countryPath(registry: MetadataRegistry, definition: ObjectDefinition): CountryPath | null {
  const path = definition.fields.find((f) => f.countryField)?.countryField;
  const [first, second] = path?.split('.') ?? [];
  const field = first ? definition.field(first) : undefined;
  if (!first || !field?.column) return null;
  const located = { first, field: field as FieldDefinition & { column: string } };
  if (second === undefined) return { ...located, hop: null };
  const target = registry.get(field.target ?? '');
  const column = target?.field(second)?.column;
  return target && column ? { ...located, hop: { table: target.table, column } } : null;
}

async function countryContext(
  executor: Executor,
  registry: MetadataRegistry,
  definition: ObjectDefinition,
  body: unknown,
  recordId: number | null,
  defaultCountry: string | null,
): Promise<{ country: string | null }> {
  const path = countryPath(registry, definition);
  if (!path) return { country: defaultCountry };
  const sent = (body ?? {}) as Record<string, unknown>;
  // Only phones, tax ids and postal codes look at the country: most writes need no read for it.
  const readers = definition.fields.filter((field) => field.key in sent && serverType(field).readsCountry);
  if (readers.length === 0) return { country: defaultCountry };
  const stored = async () =>
    recordId === null
      ? undefined
      : (
          await executor
            .selectFrom(definition.table)
            .select(path.field.column)
            .where('id', '=', recordId)
            .executeTakeFirst()
        )?.[path.field.column];
  const given = path.first in sent ? sent[path.first] : await stored();
  if (!path.hop) return { country: countryCode(given) ?? defaultCountry };
  // One hop: the referred record's country (the company of a person).
  if (typeof given !== 'number') return { country: defaultCountry };
  const row = await executor
    .selectFrom(path.hop.table)
    .select(path.hop.column)
    .where('id', '=', given)
    .executeTakeFirst();
  return { country: countryCode(row?.[path.hop.column]) ?? defaultCountry };
}

/**
 * The contexts of many new records at once (a batch of creates, an import's rows): the
 * countries of the records they refer to are read in one query per thousand, not one each.
 */
export async function inputContexts(
  executor: Executor,
  registry: MetadataRegistry,
  definition: ObjectDefinition,
  bodies: unknown[],
  defaultCountry: string | null,
): Promise<InputContext[]> {
  const path = countryPath(registry, definition);
  const sent = bodies.map((body) =>
    typeof body === 'object' && body !== null
      ? (body as Record<string, unknown>)[path?.first ?? '']
      : undefined,
  );
  const referred = new Map<number, string | null>();
  if (path?.hop) {
    const hop = path.hop;
    const ids = [...new Set(sent.filter((value): value is number => typeof value === 'number'))];
    for (let start = 0; start < ids.length; start += 1000) {
      const rows = await executor
        .selectFrom(hop.table)
        .select(['id', hop.column])
        .where('id', 'in', ids.slice(start, start + 1000))
        .execute();
      for (const row of rows) referred.set(Number(row.id), countryCode(row[hop.column]));
    }
  }
  return sent.map((value) => {
    let country = defaultCountry;
    if (path && !path.hop) country = countryCode(value) ?? defaultCountry;
    else if (path?.hop && typeof value === 'number') country = referred.get(value) ?? defaultCountry;
    return { country, lookup: registry.lookup };
  });
}
