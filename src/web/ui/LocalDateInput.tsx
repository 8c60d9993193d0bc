import { DateInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMATS, DATE_TIME_FORMATS, parseTypedDate, parseTypedDateTime } from './datetime-input.ts';
import { useLocale } from './format.ts';
import classes from './LocalDateInput.module.css';

export interface LocalDateInputProps {
  label: string;
  /** `YYYY-MM-DD`, or with `withTime` `YYYY-MM-DD HH:mm:ss` on the browser's clock. */
  value: string | null;
  /** With `withTime`, a day picked in the calendar arrives as a bare `YYYY-MM-DD`. */
  onChange: (value: string | null) => void;
  withTime?: boolean;
  error?: string;
  required?: boolean;
  name?: string;
  disabled?: boolean;
}

/**
 * A date typed or picked, written the way the app's language writes it (not the browser's, as
 * `<input type="date">` would): 05.03.2027 in Polish, 2027.03.05. in Hungarian, 05/03/2027 in
 * English. The calendar follows the language through the DatesProvider in App.tsx.
 */
export function LocalDateInput({ withTime = false, value, onChange, ...props }: LocalDateInputProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <DateInput
      {...props}
      value={value}
      onChange={onChange}
      withTime={withTime}
      valueFormat={(withTime ? DATE_TIME_FORMATS : DATE_FORMATS)[locale]}
      dateParser={(text) => (withTime ? parseTypedDateTime(text, locale) : parseTypedDate(text, locale))}
      placeholder={t(withTime ? 'dates:placeholder.dateTime' : 'dates:placeholder.date')}
      clearable
      classNames={{ day: classes.day }}
      clearButtonProps={{ 'aria-label': t('dates:clear', { field: props.label }) }}
      leftSection={<IconCalendar size={16} aria-hidden />}
      leftSectionPointerEvents="none"
      // The month and year headers keep their visible text ("marzec 2027") as their name.
      ariaLabels={{
        previousMonth: t('dates:calendar.previousMonth'),
        nextMonth: t('dates:calendar.nextMonth'),
        previousYear: t('dates:calendar.previousYear'),
        nextYear: t('dates:calendar.nextYear'),
        previousDecade: t('dates:calendar.previousDecade'),
        nextDecade: t('dates:calendar.nextDecade'),
      }}
    />
  );
}
