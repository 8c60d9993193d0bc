import { kindOf, traitsOf } from '../field-types/registry.ts';
import type { FieldMeta } from '../metadata/types.ts';
import { foldText } from '../text/fold.ts';
import { OPERATORS, type RelativeDateOperator } from './operators.ts';
import { addDays, relativeDayRange, startOfDayUtc } from './relative-dates.ts';
import type { FilterValue } from './types.ts';
import type { ResolvedFilter, ResolvedLeaf } from './validate.ts';

export type PlainRecord = Record<string, unknown>;

export interface EvaluationContext {
  /** The records a reference field of `record` points at (none, one, or many for memberships). */
  related(object: string, field: FieldMeta, record: PlainRecord): PlainRecord[];
  today: string;
  timeZone: string;
  nowIso: string;
}

/**
 * The filter semantics in plain code: what the SQL compiler must agree with (the differential
 * test checks it), and what the web app uses for row-colour rules on loaded rows. Two-valued:
 * a condition on an empty value is false, and `not` is its exact complement.
 */
export function evaluateFilter(filter: ResolvedFilter, record: PlainRecord, ctx: EvaluationContext): boolean {
  switch (filter.kind) {
    case 'and':
      return filter.children.every((child) => evaluateFilter(child, record, ctx));
    case 'or':
      return filter.children.some((child) => evaluateFilter(child, record, ctx));
    case 'not':
      return !evaluateFilter(filter.child, record, ctx);
    case 'leaf':
      return evaluateLeaf(filter, 0, record, ctx);
  }
}

function evaluateLeaf(
  leaf: ResolvedLeaf,
  stepIndex: number,
  record: PlainRecord,
  ctx: EvaluationContext,
): boolean {
  const step = leaf.steps[stepIndex];
  if (!step) return evaluateCondition(leaf, record, ctx);
  return ctx
    .related(step.object, step.field, record)
    .some((next) => evaluateLeaf(leaf, stepIndex + 1, next, ctx));
}

function isEmptyValue(field: FieldMeta, value: unknown): boolean {
  const kind = kindOf(field);
  if (kind === 'membership') return !Array.isArray(value) || value.length === 0;
  return value === null || value === undefined || (kind === 'text' && value === '');
}

function evaluateCondition(leaf: ResolvedLeaf, record: PlainRecord, ctx: EvaluationContext): boolean {
  const { field, op } = leaf;
  const traits = traitsOf(field.type);
  const stored = record[field.key];
  const value =
    traits.comparable && stored !== null && stored !== undefined ? traits.comparable(stored) : stored;
  const operand = leaf.value;
  switch (op) {
    case 'isEmpty':
      return isEmptyValue(field, value);
    case 'isNotEmpty':
      return !isEmptyValue(field, value);
    case 'neq':
      return !evaluateCondition({ ...leaf, op: 'eq' }, record, ctx);
    case 'notIn':
      return !evaluateCondition({ ...leaf, op: 'in' }, record, ctx);
    case 'notContains':
      return !evaluateCondition({ ...leaf, op: 'contains' }, record, ctx);
    default:
      break;
  }
  if (traits.kind === 'membership') {
    const members = Array.isArray(value) ? value : [];
    return op === 'in' && members.some((id) => (operand as FilterValue[]).includes(id as number));
  }
  if (value === null || value === undefined) return false;
  switch (op) {
    case 'eq':
      return value === operand;
    case 'in':
      return (operand as FilterValue[]).includes(value as FilterValue);
    case 'lt':
      return compare(value, operand) < 0;
    case 'lte':
      return compare(value, operand) <= 0;
    case 'gt':
      return compare(value, operand) > 0;
    case 'gte':
      return compare(value, operand) >= 0;
    case 'between': {
      const [from, to] = operand as FilterValue[];
      return compare(value, from) >= 0 && compare(value, to) <= 0;
    }
    case 'contains':
      return foldText(String(value)).includes(foldText(String(operand)));
    case 'startsWith':
      return foldText(String(value)).startsWith(foldText(String(operand)));
    case 'endsWith':
      return foldText(String(value)).endsWith(foldText(String(operand)));
    default:
      return inRelativeRange(field, op as RelativeDateOperator, operand, String(value), ctx);
  }
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

function inRelativeRange(
  field: FieldMeta,
  op: RelativeDateOperator,
  operand: unknown,
  value: string,
  ctx: EvaluationContext,
): boolean {
  if (OPERATORS[op] === undefined) return false;
  const instant = kindOf(field) === 'instant';
  if (op === 'overdue' && instant) return value < ctx.nowIso;
  const range = relativeDayRange(op, ctx.today, typeof operand === 'number' ? operand : 1);
  if (instant) {
    const from = range.from ? startOfDayUtc(range.from, ctx.timeZone) : null;
    const to = range.to ? startOfDayUtc(addDays(range.to, 1), ctx.timeZone) : null;
    return (from === null || value >= from) && (to === null || value < to);
  }
  return (range.from === undefined || value >= range.from) && (range.to === undefined || value <= range.to);
}
