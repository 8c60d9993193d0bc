import { TextInput } from '@mantine/core';
import { commonProps, TextTagsFilterInput } from './base.tsx';
import { dateFacts } from './date.ts';
import { DueDateDisplay } from './due-display.tsx';
import type { FieldInputProps, FilterValueInputProps, WebFieldType } from './module.ts';

/** The browser's date picker: YYYY-MM-DD in and out, shown in the user's locale by the browser. */
function DateInput(props: FieldInputProps) {
  return (
    <TextInput
      {...commonProps(props)}
      type="date"
      value={typeof props.value === 'string' ? props.value : ''}
      onChange={(event) => props.onChange(event.currentTarget.value || null)}
    />
  );
}

function DateFilterInput({ label, value, onChange }: FilterValueInputProps) {
  return (
    <TextInput
      label={label}
      type="date"
      value={typeof value === 'string' ? value : ''}
      onChange={(event) => onChange(event.currentTarget.value || null)}
    />
  );
}

export const date: WebFieldType = {
  ...dateFacts,
  Input: DateInput,
  Display: DueDateDisplay,
  FilterValueInput: DateFilterInput,
  // Dates have no list operators (ranges and relative days instead).
  FilterListInput: TextTagsFilterInput,
};
