import { TextInput } from '@mantine/core';
import { instantFromLocalInput, localInputFromInstant } from '../../ui/datetime-input.ts';
import { commonProps, TextTagsFilterInput } from './base.tsx';
import { dateTimeFacts } from './date-time.ts';
import { DueDateTimeDisplay } from './due-display.tsx';
import type { FieldInputProps, FilterValueInputProps, WebFieldType } from './module.ts';

/** Edited in the browser's zone, stored as a UTC instant. */
function DateTimeInput(props: FieldInputProps) {
  return (
    <TextInput
      {...commonProps(props)}
      type="datetime-local"
      value={localInputFromInstant(props.value)}
      onChange={(event) => props.onChange(instantFromLocalInput(event.currentTarget.value))}
    />
  );
}

function DateTimeFilterInput({ label, value, onChange }: FilterValueInputProps) {
  return (
    <TextInput
      label={label}
      type="datetime-local"
      value={localInputFromInstant(value)}
      onChange={(event) => onChange(instantFromLocalInput(event.currentTarget.value))}
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
