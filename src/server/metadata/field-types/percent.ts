import { PERCENT_SCALE, percentValue, percent as traits } from '../../../shared/field-types/percent.ts';
import { numberCursor, numberWidth, singleColumn } from './base.ts';
import { percentText } from './from-text.ts';
import { invalid } from './module.ts';

/** Stored as a whole number of basis points (12.5 % → 1250), so sums and comparisons are exact. */
const toStored = (value: unknown) => (typeof value === 'number' ? Math.round(value * PERCENT_SCALE) : value);

export const percent = singleColumn(traits, 'integer', {
  fromText: percentText,
  check: (raw, field) => {
    const value = percentValue(raw);
    if (value === null) return invalid('type', 'must be a number of per cent with at most 2 decimals');
    if (field.min !== undefined && value < field.min)
      return invalid('too_small', `must be at least ${field.min}`);
    if (field.max !== undefined && value > field.max)
      return invalid('too_large', `must be at most ${field.max}`);
    return { value };
  },
  decode: (row, field) => {
    const stored = field.column ? row[field.column] : null;
    return stored === null || stored === undefined ? null : Number(stored) / PERCENT_SCALE;
  },
  encode: (value, field) => (field.column ? { [field.column]: value === null ? null : toStored(value) } : {}),
  encodeOperand: toStored,
  fitsCursor: numberCursor,
  // A share as spreadsheets hold one (12.5 % is 0.125 shown as per cent), so `=A2*B2` works;
  // divided from whole basis points, so 0.07 % is the double nearest 0.0007, not 0.0007000000000000001.
  cell: (value) => ({
    kind: 'number',
    value: Math.round(Number(value) * PERCENT_SCALE) / (100 * PERCENT_SCALE),
    format: '0.00%',
    text: `${value}%`,
  }),
  schema: (field) => ({ type: 'number', multipleOf: 0.01, minimum: field.min, maximum: field.max }),
  exportWidth: numberWidth,
});
