import { isMonthDay } from '../../../shared/field-types/month-day.ts';
import { onFormat, textLike } from './base.ts';

/** "4 December", "December 4", "december 4." in the reader's language; a leap year holds 02-29. */
export function monthDayText(value: string, locale: string): string {
  if (!isMonthDay(value)) return value;
  const [month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(2000, (month ?? 1) - 1, day ?? 1));
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
}

export const monthDayFacts = {
  ...textLike({
    width: 120,
    defaultOperator: 'eq',
    issueMessage: onFormat((t) => t('records:validation.monthDay')),
  }),
  text: (value: unknown, _field: unknown, context: { locale: string }) =>
    monthDayText(String(value), context.locale),
};
