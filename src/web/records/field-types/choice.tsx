import { MultiSelect, Select } from '@mantine/core';
import { useLocale } from '../../ui/format.ts';
import { commonProps, TextDisplay } from './base.tsx';
import { choiceFacts, choiceOptions } from './choice.ts';
import type { FieldInputProps, FilterListInputProps, FilterValueInputProps, WebFieldType } from './module.ts';

function ChoiceInput(props: FieldInputProps) {
  const locale = useLocale();
  return (
    <Select
      {...commonProps(props)}
      data={choiceOptions(props.field, locale)}
      value={typeof props.value === 'string' ? props.value : null}
      onChange={(value) => props.onChange(value)}
      clearable={!props.field.required}
      allowDeselect={!props.field.required}
    />
  );
}

function ChoiceFilterInput({ field, label, value, onChange }: FilterValueInputProps) {
  const locale = useLocale();
  return (
    <Select
      label={label}
      data={choiceOptions(field, locale)}
      value={typeof value === 'string' ? value : null}
      onChange={onChange}
    />
  );
}

function ChoiceListInput({ field, label, value, onChange }: FilterListInputProps) {
  const locale = useLocale();
  return (
    <MultiSelect
      label={label}
      data={choiceOptions(field, locale)}
      value={value.filter((item) => typeof item === 'string')}
      onChange={onChange}
      clearable
    />
  );
}

export const choice: WebFieldType = {
  ...choiceFacts,
  Input: ChoiceInput,
  Display: TextDisplay,
  FilterValueInput: ChoiceFilterInput,
  FilterListInput: ChoiceListInput,
};
