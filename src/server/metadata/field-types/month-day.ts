import { isMonthDay, monthDay as traits } from '../../../shared/field-types/month-day.ts';
import { textColumn } from './base.ts';
import { invalid } from './module.ts';

export const monthDay = textColumn(traits, {
  format: (value) =>
    isMonthDay(value) ? { value } : invalid('format', 'must be a day of the year MM-DD, like 12-04'),
  overrides: {
    schema: () => ({ type: 'string', pattern: '^\\d{2}-\\d{2}$', description: 'MM-DD' }),
    exportWidth: () => 8,
    // "4 December" in the reader's language; a leap year holds 02-29.
    display: (value, _field, locale) =>
      // Documents in English follow British usage (4 December), like their dates.
      new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
        day: 'numeric',
        month: 'long',
        timeZone: 'UTC',
      }).format(new Date(`2000-${String(value)}T00:00:00Z`)),
  },
});
