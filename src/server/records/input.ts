import { isValidDate, parseInstant } from '../../shared/filter/validate.ts';
import type { FieldIssue } from '../errors.ts';
import { errors } from '../errors.ts';
import { type FieldDefinition, type ObjectDefinition, SYSTEM_FIELD_KEYS } from '../metadata/define-object.ts';

/** A write, checked against metadata: plain API values keyed by field, memberships apart. */
export interface CheckedInput {
  /** Scalar and reference fields that the write sets (API values, not yet encoded). */
  values: Map<FieldDefinition, unknown>;
  /** multiRelation fields: the complete new list of ids. */
  memberships: Map<FieldDefinition, number[]>;
}

/**
 * An address a mail server will take: the local part is RFC 5322 dot-atom (so none of
 * `<>()[]\\,;:"`, spaces or a stray dot), the domain is dot-separated labels of letters, digits
 * and hyphens ending in a top-level domain of letters or an IDN's punycode (xn--…). Quoted local
 * parts and IP-literal domains are valid by the RFC but never meant in a CRM, and a loose check
 * let `a@b.c<script>` through into every list and export.
 */
const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;
const TOP_LEVEL_DOMAIN = /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

export function isEmailAddress(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at < 1 || value.length > 254) return false;
  const local = value.slice(0, at);
  const labels = value.slice(at + 1).split('.');
  return (
    local.length <= 64 &&
    EMAIL_LOCAL.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    TOP_LEVEL_DOMAIN.test(labels[labels.length - 1] ?? '')
  );
}

const URL_PATTERN = /^https?:\/\/[^\s]+$/i;
const PHONE = /^[+()0-9 ./-]*(?:(?:ext|wew|mellék)\.? ?[0-9]+)?$/i;
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
    if (field.type === 'multiRelation') {
      const ids = checkIdList(raw);
      if (typeof ids === 'string') issues.push({ field: key, code: 'invalid', message: ids });
      else memberships.set(field, ids);
      continue;
    }
    const checked = checkValue(field, raw);
    if (checked.issue) issues.push({ field: key, ...checked.issue });
    else values.set(field, checked.value);
  }
  for (const field of definition.fields) {
    if (field.system || field.type === 'multiRelation') continue;
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

type Checked =
  | { value: unknown; issue?: undefined }
  | { value?: undefined; issue: { code: string; message: string } };

function invalid(code: string, message: string): Checked {
  return { issue: { code, message } };
}

function checkValue(field: FieldDefinition, raw: unknown): Checked {
  if (raw === null) {
    return field.type === 'boolean' ? invalid('type', 'must be true or false') : { value: null };
  }
  switch (field.type) {
    case 'text':
    case 'longText':
    case 'email':
    case 'phone':
    case 'url':
      return checkText(field, raw);
    case 'integer': {
      if (typeof raw !== 'number' || !Number.isSafeInteger(raw))
        return invalid('type', 'must be a whole number');
      if (field.min !== undefined && raw < field.min)
        return invalid('too_small', `must be at least ${field.min}`);
      if (field.max !== undefined && raw > field.max)
        return invalid('too_large', `must be at most ${field.max}`);
      return { value: raw };
    }
    case 'boolean':
      return typeof raw === 'boolean' ? { value: raw } : invalid('type', 'must be true or false');
    case 'date':
      return typeof raw === 'string' && isValidDate(raw)
        ? { value: raw }
        : invalid('type', 'must be a date in the form YYYY-MM-DD');
    case 'dateTime': {
      const instant = typeof raw === 'string' ? parseInstant(raw) : null;
      return instant ? { value: instant } : invalid('type', 'must be a date-time like 2026-01-31T12:00:00Z');
    }
    case 'select':
    case 'relation':
      return typeof raw === 'number' && Number.isSafeInteger(raw) && raw > 0
        ? { value: raw }
        : invalid('type', 'must be a record id (a positive whole number) or null');
    case 'multiRelation':
      return invalid('type', 'is a list of ids');
  }
}

function checkText(field: FieldDefinition, raw: unknown): Checked {
  if (typeof raw !== 'string') return invalid('type', 'must be text');
  // Surrounding spaces are never meant; an emptied field is no value at all.
  const trimmed = field.type === 'longText' ? raw.replace(/\s+$/, '') : raw.trim();
  const value = field.lowercase ? trimmed.toLowerCase() : trimmed;
  if (value === '') return { value: null };
  if (field.maxLength !== undefined && value.length > field.maxLength) {
    return invalid('too_long', `must be at most ${field.maxLength} characters`);
  }
  if (field.type === 'email' && !isEmailAddress(value))
    return invalid('format', 'must be an e-mail address like name@example.com');
  if (field.type === 'url' && !URL_PATTERN.test(value))
    return invalid('format', 'must be a web address (https://…)');
  if (field.type === 'phone' && !PHONE.test(value)) return invalid('format', 'must be a phone number');
  return { value };
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
