import { type Operator, RELATIVE_DATE_OPERATORS } from '../filter/operators.ts';
import type { FilterValue } from '../filter/types.ts';
import { isValidDate, parseInstant } from './dates.ts';

/**
 * How the engine stores and compares a type's value. Filters, sorting and emptiness follow the
 * kind, not the type: a new type picks a kind and inherits its semantics on both dialects and
 * in the in-memory evaluator.
 * - text: compared folded (accents and case ignored), sorted in the reader's alphabet, '' is empty;
 * - number, date (YYYY-MM-DD), instant (UTC ISO string): ordered;
 * - boolean; reference (id of one record); membership (ids kept in a link table).
 */
export type ValueKind = 'text' | 'number' | 'boolean' | 'date' | 'instant' | 'reference' | 'membership';

/** A filter operand the type refused, with the reason shown at the value. */
export interface OperandProblem {
  problem: string;
}

export interface FieldTypeTraits {
  readonly kind: ValueKind;
  /** The operators a filter may apply to fields of this type. */
  readonly operators: readonly Operator[];
  /** Longest text a field of the type takes unless it says otherwise. */
  readonly maxLength?: number;
  readonly min?: number;
  readonly max?: number;
  /** Whether lists offer sorting by this type unless a field says otherwise. */
  readonly sortable: boolean;
  /**
   * A filter operand for this type (normalised as stored), or why it is not one. `field` gives
   * the bounds a field declares where they widen what its column holds (a record id).
   */
  operand(raw: unknown, field?: Bounds & { readonly scale?: number }): FilterValue | OperandProblem;
  /** The part of an API value that filters compare (money: its amount); the value itself by default. */
  comparable?(value: unknown): unknown;
}

export const TEXT_OPERATORS: readonly Operator[] = [
  'eq',
  'neq',
  'contains',
  'notContains',
  'startsWith',
  'endsWith',
  'in',
  'notIn',
  'isEmpty',
  'isNotEmpty',
];
export const CODE_OPERATORS: readonly Operator[] = ['eq', 'neq', 'in', 'notIn', 'isEmpty', 'isNotEmpty'];
export const ORDERED_OPERATORS: readonly Operator[] = [
  'eq',
  'neq',
  'lt',
  'lte',
  'gt',
  'gte',
  'between',
  'isEmpty',
  'isNotEmpty',
];
export const NUMBER_OPERATORS: readonly Operator[] = [...ORDERED_OPERATORS, 'in', 'notIn'];
export const DATE_OPERATORS: readonly Operator[] = [...ORDERED_OPERATORS, ...RELATIVE_DATE_OPERATORS];
export const REFERENCE_OPERATORS: readonly Operator[] = CODE_OPERATORS;

const MAX_FILTER_TEXT = 1000;

export function isOperandProblem(value: unknown): value is OperandProblem {
  return typeof value === 'object' && value !== null && 'problem' in value;
}

export function textOperand(raw: unknown): FilterValue | OperandProblem {
  if (typeof raw !== 'string') return { problem: 'must be a string' };
  if (raw.length > MAX_FILTER_TEXT) return { problem: `must be at most ${MAX_FILTER_TEXT} characters` };
  return raw;
}

/** A field's own limits on its value (`FieldMeta.min`/`max`), where it declares them. */
export interface Bounds {
  readonly min?: number;
  readonly max?: number;
}

/**
 * What a 32-bit `integer` column holds (PostgreSQL's; SQLite's are wider, but both dialects
 * refuse alike). Integer fields are stored in one, and the optimistic-lock `version` too.
 */
export const INT32: Required<Bounds> = { min: -2_147_483_648, max: 2_147_483_647 };

/**
 * The values a whole-number field may be compared with or set to: `INT32`, or the field's own
 * bounds where it declares them wider (a record id, a 64-bit column; `schema-check` verifies the
 * column holds them). A number outside cannot be sent to PostgreSQL as a parameter of its column.
 */
export function storedRange(field: Bounds): Required<Bounds> {
  return {
    min: field.min !== undefined && field.min < INT32.min ? field.min : INT32.min,
    max: field.max !== undefined && field.max > INT32.max ? field.max : INT32.max,
  };
}

export function integerOperand(raw: unknown, field: Bounds = {}): FilterValue | OperandProblem {
  if (typeof raw !== 'number' || !Number.isSafeInteger(raw)) return { problem: 'must be a whole number' };
  const range = storedRange(field);
  return raw >= range.min && raw <= range.max
    ? raw
    : { problem: `must be a whole number from ${range.min} to ${range.max}` };
}

/** Record ids: positive, in 64-bit columns (PostgreSQL `bigint`), as far as JavaScript counts exactly. */
export const RECORD_ID: Required<Bounds> = { min: 1, max: Number.MAX_SAFE_INTEGER };

/** A whole number kept in a 64-bit column (an amount of money in minor units): any safe integer. */
export function bigIntegerOperand(raw: unknown): FilterValue | OperandProblem {
  return typeof raw === 'number' && Number.isSafeInteger(raw) ? raw : { problem: 'must be a whole number' };
}

export function dateOperand(raw: unknown): FilterValue | OperandProblem {
  return typeof raw === 'string' && isValidDate(raw) ? raw : { problem: 'must be a date YYYY-MM-DD' };
}

export function instantOperand(raw: unknown): FilterValue | OperandProblem {
  const instant = typeof raw === 'string' ? parseInstant(raw) : null;
  return instant ?? { problem: 'must be a date-time like 2026-01-31T12:00:00Z' };
}

export function idOperand(raw: unknown): FilterValue | OperandProblem {
  return typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= RECORD_ID.min
    ? raw
    : { problem: 'must be a record id (a positive whole number)' };
}

/** A text type: contains/starts with…, compared folded. */
export function textTraits(maxLength: number, extra: Partial<FieldTypeTraits> = {}): FieldTypeTraits {
  return {
    kind: 'text',
    operators: TEXT_OPERATORS,
    maxLength,
    sortable: true,
    operand: textOperand,
    ...extra,
  };
}
