import { integer as traits } from '../../../shared/field-types/integer.ts';
import { numberCursor, numberWidth, singleColumn, wholeNumber } from './base.ts';

export const integer = singleColumn(traits, 'integer', {
  check: (raw, field) => wholeNumber(raw, field.min, field.max),
  fitsCursor: numberCursor,
  cell: (value) =>
    typeof value === 'number' ? { kind: 'number', value } : { kind: 'text', value: String(value) },
  schema: (field) => ({ type: 'integer', minimum: field.min, maximum: field.max }),
  exportWidth: numberWidth,
});
