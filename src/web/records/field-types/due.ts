import { todayIn } from '../../../shared/filter/relative-dates.ts';

/** Whether a due date (YYYY-MM-DD) or due instant (ISO) is past for a reader in `timeZone`. */
export function isOverdue(
  value: unknown,
  kind: 'date' | 'instant',
  timeZone: string,
  now = new Date(),
): boolean {
  if (typeof value !== 'string' || value === '') return false;
  return kind === 'date' ? value < todayIn(timeZone, now) : Date.parse(value) < now.getTime();
}
