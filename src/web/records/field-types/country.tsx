import { MultiSelect, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../ui/format.ts';
import { commonProps, TextDisplay } from './base.tsx';
import { countryFacts, countryOptions } from './country.ts';
import type { FieldInputProps, FilterListInputProps, FilterValueInputProps, WebFieldType } from './module.ts';

/** Every country by name in the UI language; typing a few letters finds it. */
function CountryInput(props: FieldInputProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Select
      {...commonProps(props)}
      data={countryOptions(locale)}
      value={typeof props.value === 'string' ? props.value : null}
      onChange={(code) => props.onChange(code)}
      searchable
      clearable={!props.field.required}
      nothingFoundMessage={t('records:picker.nothing')}
      clearButtonProps={{ 'aria-label': t('records:picker.clear', { field: props.label }) }}
    />
  );
}

function CountryFilterInput({ label, value, onChange }: FilterValueInputProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Select
      label={label}
      data={countryOptions(locale)}
      value={typeof value === 'string' ? value : null}
      onChange={onChange}
      searchable
      nothingFoundMessage={t('records:picker.nothing')}
    />
  );
}

function CountryListInput({ label, value, onChange }: FilterListInputProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <MultiSelect
      label={label}
      data={countryOptions(locale)}
      value={value.filter((item) => typeof item === 'string')}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={t('records:picker.nothing')}
      clearButtonProps={{ 'aria-label': t('filters:condition.clearList', { field: label }) }}
    />
  );
}

export const country: WebFieldType = {
  ...countryFacts,
  Input: CountryInput,
  Display: TextDisplay,
  FilterValueInput: CountryFilterInput,
  FilterListInput: CountryListInput,
};
