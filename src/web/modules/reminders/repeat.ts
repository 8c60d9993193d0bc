/** The repetitions the quick form offers; any other RRULE is typed on the reminder's page. */
export const REPEAT_CHOICES = ['none', 'daily', 'workdays', 'weekly', 'monthlyLastWorkday'] as const;
export type RepeatChoice = (typeof REPEAT_CHOICES)[number];

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** The RRULE of a choice; weekly repeats on the weekday of the first reminder (browser's clock). */
export function repeatRule(choice: RepeatChoice, first: Date): string | null {
  switch (choice) {
    case 'daily':
      return 'FREQ=DAILY';
    case 'workdays':
      return 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR';
    case 'weekly':
      return `FREQ=WEEKLY;BYDAY=${WEEKDAYS[first.getDay()]}`;
    case 'monthlyLastWorkday':
      return 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1';
    default:
      return null;
  }
}
