import {
  PERCENT_SCALE,
  percentRange,
  percentValue,
  percent as traits,
} from '../../../shared/field-types/percent.ts';
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
    // The field's bounds, or where it declares none what its column holds.
    const { min, max } = percentRange(field);
    const lowest = field.min ?? min;
    const highest = field.max ?? max;
    if (value < lowest) return invalid('too_small', `must be at least ${lowest}`);
    if (value > highest) return invalid('too_large', `must be at most ${highest}`);
    return { value };
  },
  decode: (row, field) => {
    const stored = field.column ? row[field.column] : null;
    return stored === null || stored === undefined ? null : Number(stored) / PERCENT_SCALE;
  },
  encode: (value, field) => (field.column ? { [field.column]: value === null ? null : toStored(value) } : {}),
  encodeOperand: toStored,
  // The row's basis points, as the column holds them.
  fitsCursor: (value, field) => {
    const { min, max } = percentRange(field);
    return numberCursor(value, {
      min: Math.round(min * PERCENT_SCALE),
      max: Math.round(max * PERCENT_SCALE),
    });
  },
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
