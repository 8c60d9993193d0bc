import { integer as traits } from '../../../shared/field-types/integer.ts';
import { numberCursor, numberWidth, singleColumn, wholeNumber } from './base.ts';
import { wholeNumberText } from './from-text.ts';

export const integer = singleColumn(traits, 'integer', {
  fromText: wholeNumberText,
  check: (raw, field) => wholeNumber(raw, field),
  fitsCursor: numberCursor,
  cell: (value) =>
    typeof value === 'number' ? { kind: 'number', value } : { kind: 'text', value: String(value) },
  schema: (field) => ({ type: 'integer', minimum: field.min, maximum: field.max }),
  exportWidth: numberWidth,
});
