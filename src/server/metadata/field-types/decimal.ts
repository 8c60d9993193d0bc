import {
  decimalFromSteps,
  decimalIssue,
  decimalRange,
  decimalScale,
  decimalSteps,
  decimal as traits,
} from '../../../shared/field-types/decimal.ts';
import { numberWidth, singleColumn } from './base.ts';
import { decimalText } from './from-text.ts';
import { invalid } from './module.ts';

/** The stored whole number of steps of a checked value (2.125 at scale 3 → 2125). */
const toSteps = (value: unknown, scale: number) => (value === null ? null : decimalSteps(value, scale));

/**
 * A fixed-point number in one 64-bit column of whole steps (ADR 0023): exact to its last decimal
 * on both dialects, compared and sorted as the integer it is.
 */
export const decimal = singleColumn(traits, 'bigint', {
  fromText: (text, field) => {
    const value = decimalText(text);
    if (value === null) return invalid('type', 'must be a number, like 12,5');
    const issue = decimalIssue(value, field);
    return issue === null ? { value: Number(value) } : invalid(issue.code, issue.message);
  },
  check: (raw, field) => {
    if (typeof raw !== 'number') return invalid('type', 'must be a number');
    const issue = decimalIssue(raw, field);
    return issue === null ? { value: raw } : invalid(issue.code, issue.message);
  },
  decode: (row, field) => {
    const stored = field.column ? row[field.column] : null;
    if (stored === null || stored === undefined) return null;
    return decimalFromSteps(
      typeof stored === 'bigint' ? stored : BigInt(String(stored)),
      decimalScale(field),
    );
  },
  encode: (value, field) => (field.column ? { [field.column]: toSteps(value, decimalScale(field)) } : {}),
  encodeOperand: (value, _dialect, field) =>
    typeof value === 'number' ? toSteps(value, decimalScale(field)) : value,
  // The row's steps, as the column holds them.
  fitsCursor: (value) => typeof value === 'number' && Number.isSafeInteger(value),
  cell: (value, field) => {
    const scale = decimalScale(field);
    return {
      kind: 'number',
      value: Number(value),
      format: scale === 0 ? '0' : `0.${'0'.repeat(scale)}`,
    };
  },
  schema: (field) => ({
    type: 'number',
    multipleOf: 10 ** -decimalScale(field),
    minimum: decimalRange(field).min,
    maximum: decimalRange(field).max,
  }),
  exportWidth: numberWidth,
});
