import { dateTime as traits } from '../../../shared/field-types/date-time.ts';
import { parseInstant } from '../../../shared/field-types/dates.ts';
import { singleColumn } from './base.ts';
import { instantText } from './from-text.ts';
import { invalid } from './module.ts';

export const dateTime = singleColumn(traits, 'timestamp', {
  fromText: (text, _field, context) => instantText(text, context.timeZone),
  check: (raw) => {
    const instant = typeof raw === 'string' ? parseInstant(raw) : null;
    return instant ? { value: instant } : invalid('type', 'must be a date-time like 2026-01-31T12:00:00Z');
  },
  fitsCursor: (value) => typeof value === 'string' && parseInstant(value) === value,
  cell: (value, _field, context) => ({ kind: 'dateTime', value: context.toWallClock(String(value)) }),
  schema: () => ({ type: 'string', format: 'date-time' }),
  exportWidth: () => 20,
});
