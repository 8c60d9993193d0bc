import { CODE_OPERATORS, textTraits } from './kinds.ts';

/** `MM-DD`, a day that comes back every year (a name day); 02-29 exists. */
const MONTH_DAY = /^(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isMonthDay(value: string): boolean {
  const match = MONTH_DAY.exec(value);
  if (!match) return false;
  const month = Number(match[1]);
  const day = Number(match[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** A day of the year without a year (a name day), stored as `MM-DD` so it sorts through the year. */
export const monthDay = textTraits(5, {
  operators: [...CODE_OPERATORS, 'startsWith', 'lt', 'lte', 'gt', 'gte', 'between'],
  operand: (raw) =>
    typeof raw === 'string' && (isMonthDay(raw) || /^\d{2}-?$/.test(raw))
      ? raw
      : { problem: 'must be a day of the year MM-DD, like 12-04 (or a month MM- with starts with)' },
});
