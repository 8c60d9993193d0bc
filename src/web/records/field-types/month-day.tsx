import { Group, NumberInput, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { commonProps, TextDisplay, TextFilterInput, TextTagsFilterInput } from './base.tsx';
import type { FieldInputProps, WebFieldType } from './module.ts';
import { monthDayFacts } from './month-day.ts';

const pad = (value: number) => String(value).padStart(2, '0');

/** A month picked by name and a day number: what people say ("4 December"), stored as 12-04. */
function MonthDayInput(props: FieldInputProps) {
  const { t, i18n } = useTranslation();
  const stored = typeof props.value === 'string' ? props.value : '';
  const [month, day] = stored.split('-').map(Number);
  const names = new Intl.DateTimeFormat(i18n.language, { month: 'long', timeZone: 'UTC' });
  const months = Array.from({ length: 12 }, (_, index) => ({
    value: pad(index + 1),
    label: names.format(new Date(Date.UTC(2000, index, 1))),
  }));
  const change = (nextMonth: number | undefined, nextDay: number | undefined) =>
    props.onChange(nextMonth && nextDay ? `${pad(nextMonth)}-${pad(nextDay)}` : null);
  const common = commonProps(props);
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <Select
        {...common}
        data={months}
        value={month ? pad(month) : null}
        onChange={(value) => change(value ? Number(value) : undefined, day || 1)}
        clearable
        style={{ flex: 2 }}
      />
      <NumberInput
        label={t('records:monthDay.day')}
        aria-label={`${props.label}: ${t('records:monthDay.day')}`}
        min={1}
        max={31}
        value={day || ''}
        disabled={props.disabled || !month}
        onChange={(value) => change(month, typeof value === 'number' ? value : undefined)}
        style={{ flex: 1 }}
      />
    </Group>
  );
}

export const monthDay: WebFieldType = {
  ...monthDayFacts,
  Input: MonthDayInput,
  Display: TextDisplay,
  FilterValueInput: TextFilterInput,
  FilterListInput: TextTagsFilterInput,
};
