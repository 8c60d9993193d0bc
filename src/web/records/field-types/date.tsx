import { LocalDateInput } from '../../ui/LocalDateInput.tsx';
import { commonProps, TextTagsFilterInput } from './base.tsx';
import { dateFacts } from './date.ts';
import { DueDateDisplay } from './due-display.tsx';
import type { FieldInputProps, FilterValueInputProps, WebFieldType } from './module.ts';

/** Only a stored date reaches the input; anything else would show as "Invalid Date". */
const storedDate = (value: unknown) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;

/** Typed or picked in the app language's order; stored as `YYYY-MM-DD`, which is what the input holds. */
function DateInput(props: FieldInputProps) {
  return <LocalDateInput {...commonProps(props)} value={storedDate(props.value)} onChange={props.onChange} />;
}

function DateFilterInput({ label, value, onChange }: FilterValueInputProps) {
  return <LocalDateInput label={label} value={storedDate(value)} onChange={onChange} />;
}

export const date: WebFieldType = {
  ...dateFacts,
  Input: DateInput,
  Display: DueDateDisplay,
  FilterValueInput: DateFilterInput,
  // Dates have no list operators (ranges and relative days instead).
  FilterListInput: TextTagsFilterInput,
};
