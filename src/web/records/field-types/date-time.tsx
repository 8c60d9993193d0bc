import { instantFromPickerValue, pickerValueFromInstant } from '../../ui/datetime-input.ts';
import { LocalDateInput } from '../../ui/LocalDateInput.tsx';
import { commonProps, TextTagsFilterInput } from './base.tsx';
import { dateTimeFacts } from './date-time.ts';
import { DueDateTimeDisplay } from './due-display.tsx';
import type { FieldInputProps, FilterValueInputProps, WebFieldType } from './module.ts';

/**
 * Edited in the browser's zone, stored as a UTC instant. A day picked in the calendar comes
 * without a time: it keeps the time of day already there, so changing the day does not reset it.
 */
function withKeptTime(picked: string | null, current: unknown): string | null {
  if (picked === null || picked.length > 10) return instantFromPickerValue(picked);
  const time = pickerValueFromInstant(current)?.slice(11) ?? '00:00:00';
  return instantFromPickerValue(`${picked} ${time}`);
}

function DateTimeInput(props: FieldInputProps) {
  return (
    <LocalDateInput
      {...commonProps(props)}
      withTime
      value={pickerValueFromInstant(props.value)}
      onChange={(picked) => props.onChange(withKeptTime(picked, props.value))}
    />
  );
}

function DateTimeFilterInput({ label, value, onChange }: FilterValueInputProps) {
  return (
    <LocalDateInput
      label={label}
      withTime
      value={pickerValueFromInstant(value)}
      onChange={(picked) => onChange(withKeptTime(picked, value))}
    />
  );
}

export const dateTime: WebFieldType = {
  ...dateTimeFacts,
  Input: DateTimeInput,
  Display: DueDateTimeDisplay,
  FilterValueInput: DateTimeFilterInput,
  FilterListInput: TextTagsFilterInput,
};
