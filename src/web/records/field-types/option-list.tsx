import { type ComboboxData, MultiSelect, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { commonProps } from './base.tsx';
import type { FieldInputProps, FilterListInputProps, FilterValueInputProps } from './module.ts';

/**
 * The inputs of a field whose value is one of a known list (a country, a currency, a time
 * zone): a searchable select in the form and for a filter's value, a multi-select for a
 * filter's list. Each type passes its `options`.
 */
interface Options {
  options: ComboboxData;
}

export function OptionInput({ options, ...props }: FieldInputProps & Options) {
  const { t } = useTranslation();
  return (
    <Select
      {...commonProps(props)}
      data={options}
      value={typeof props.value === 'string' ? props.value : null}
      onChange={(option) => props.onChange(option)}
      searchable
      clearable={!props.field.required}
      nothingFoundMessage={t('records:picker.nothing')}
      clearButtonProps={{ 'aria-label': t('records:picker.clear', { field: props.label }) }}
    />
  );
}

export function OptionFilterInput({ options, label, value, onChange }: FilterValueInputProps & Options) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      data={options}
      value={typeof value === 'string' ? value : null}
      onChange={onChange}
      searchable
      nothingFoundMessage={t('records:picker.nothing')}
    />
  );
}

export function OptionListInput({ options, label, value, onChange }: FilterListInputProps & Options) {
  const { t } = useTranslation();
  return (
    <MultiSelect
      label={label}
      data={options}
      value={value.filter((item) => typeof item === 'string')}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={t('records:picker.nothing')}
      clearButtonProps={{ 'aria-label': t('filters:condition.clearList', { field: label }) }}
    />
  );
}
