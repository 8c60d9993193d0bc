import { rating as traits } from '../../../shared/field-types/rating.ts';
import { numberCursor, numberWidth, singleColumn, wholeNumber } from './base.ts';
import { wholeNumberText } from './from-text.ts';

/** One to five: a whole number within the field's bounds (1–5 unless it says otherwise). */
export const rating = singleColumn(traits, 'integer', {
  fromText: wholeNumberText,
  check: (raw, field) => wholeNumber(raw, field),
  fitsCursor: numberCursor,
  cell: (value) => ({ kind: 'number', value: Number(value) }),
  schema: (field) => ({ type: 'integer', minimum: field.min, maximum: field.max }),
  exportWidth: numberWidth,
});
