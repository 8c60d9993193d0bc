import { isMonthDay, monthDay as traits } from '../../../shared/field-types/month-day.ts';
import { textColumn } from './base.ts';
import { invalid } from './module.ts';

export const monthDay = textColumn(traits, {
  format: (value) =>
    isMonthDay(value) ? { value } : invalid('format', 'must be a day of the year MM-DD, like 12-04'),
  overrides: {
    schema: () => ({ type: 'string', pattern: '^\\d{2}-\\d{2}$', description: 'MM-DD' }),
    exportWidth: () => 8,
  },
});
