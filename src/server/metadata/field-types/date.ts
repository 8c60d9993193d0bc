import { date as traits } from '../../../shared/field-types/date.ts';
import { isValidDate } from '../../../shared/field-types/dates.ts';
import { singleColumn } from './base.ts';
import { dateText } from './from-text.ts';
import { invalid } from './module.ts';

export const date = singleColumn(traits, 'date', {
  fromText: dateText,
  check: (raw) =>
    typeof raw === 'string' && isValidDate(raw)
      ? { value: raw }
      : invalid('type', 'must be a date in the form YYYY-MM-DD'),
  fitsCursor: (value) => typeof value === 'string' && isValidDate(value),
  cell: (value) => ({ kind: 'date', value: String(value).slice(0, 10) }),
  schema: () => ({ type: 'string', format: 'date' }),
  exportWidth: () => 12,
});
