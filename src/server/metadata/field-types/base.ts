import { type Bounds, type FieldTypeTraits, storedRange } from '../../../shared/field-types/kinds.ts';
import { isIllFormedText } from '../../../shared/text/well-formed.ts';
import type { FieldDefinition } from '../define-object.ts';
import { type InputContext, invalid, type ServerFieldType } from './module.ts';

const MAX_CURSOR_TEXT = 10_000;

/** A field stored in one column under its own value: most types. */
export function singleColumn(
  traits: FieldTypeTraits,
  type: ReturnType<ServerFieldType['columns']>[number]['type'],
  overrides: Partial<ServerFieldType> & Pick<ServerFieldType, 'check'>,
): ServerFieldType {
  return {
    traits,
    columns: (column) => [{ name: column, type }],
    decode: (row, field) => (field.column ? (row[field.column] ?? null) : null),
    encode: (value, field) => (field.column ? { [field.column]: value } : {}),
    encodeOperand: (value) => value,
    fitsCursor: (value) =>
      typeof value === 'string' && value.length <= MAX_CURSOR_TEXT && !isIllFormedText(value),
    cell: (value) => ({ kind: 'text', value: String(value) }),
    schema: (field) => ({ type: 'string', maxLength: field.maxLength }),
    exportWidth: (label) => Math.min(40, Math.max(14, label.length + 2)),
    ...overrides,
  };
}

type Format = (
  value: string,
  context: InputContext,
  field: FieldDefinition,
) => ReturnType<ServerFieldType['check']>;

/**
 * Text as typed, trimmed (a long text keeps its leading indentation), lower-cased where the field
 * says so, then checked by `format`, which may also normalise it (a phone to E.164).
 */
export function textColumn(
  traits: FieldTypeTraits,
  options: { format?: Format; keepLeadingSpace?: boolean; overrides?: Partial<ServerFieldType> } = {},
): ServerFieldType {
  return singleColumn(traits, 'text', {
    check: (raw, field, context) => {
      if (typeof raw !== 'string') return invalid('type', 'must be text');
      const trimmed = options.keepLeadingSpace ? raw.replace(/\s+$/, '') : raw.trim();
      const value = field.lowercase ? trimmed.toLowerCase() : trimmed;
      // An emptied field is no value at all.
      if (value === '') return { value: null };
      if (field.maxLength !== undefined && value.length > field.maxLength)
        return invalid('too_long', `must be at most ${field.maxLength} characters`);
      return options.format ? options.format(value, context, field) : { value };
    },
    ...options.overrides,
  });
}

/** A whole number within the field's bounds, or within its column's (`storedRange`) where it declares none. */
export function wholeNumber(raw: unknown, field: Bounds) {
  if (typeof raw !== 'number' || !Number.isSafeInteger(raw)) return invalid('type', 'must be a whole number');
  const { min, max } = { ...storedRange(field), ...definedBounds(field) };
  if (raw < min) return invalid('too_small', `must be at least ${min}`);
  if (raw > max) return invalid('too_large', `must be at most ${max}`);
  return { value: raw };
}

function definedBounds(field: Bounds): Bounds {
  return {
    ...(field.min === undefined ? {} : { min: field.min }),
    ...(field.max === undefined ? {} : { max: field.max }),
  };
}

/** A keyset cursor's number: one the field's column could hold (anything else fails in PostgreSQL). */
export const numberCursor = (value: unknown, field: Bounds) => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return false;
  const range = storedRange(field);
  return value >= range.min && value <= range.max;
};
export const numberWidth = (label: string) => Math.max(10, label.length + 2);
