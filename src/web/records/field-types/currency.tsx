import { MultiSelect, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CURRENCY_CODES } from '../../../shared/identifiers/index.ts';
import { commonProps, TextDisplay } from './base.tsx';
import { currencyFacts } from './currency.ts';
import type { FieldInputProps, FilterListInputProps, FilterValueInputProps, WebFieldType } from './module.ts';

// The currencies of the product's first countries first, then every other in code order.
const FIRST = ['PLN', 'HUF', 'EUR', 'USD', 'GBP', 'CHF', 'CZK'];
const OPTIONS = [...FIRST, ...CURRENCY_CODES.filter((code) => !FIRST.includes(code))];

function CurrencyInput(props: FieldInputProps) {
  const { t } = useTranslation();
  return (
    <Select
      {...commonProps(props)}
      data={OPTIONS}
      value={typeof props.value === 'string' ? props.value : null}
      onChange={(code) => props.onChange(code)}
      searchable
      clearable={!props.field.required}
      nothingFoundMessage={t('records:picker.nothing')}
    />
  );
}

function CurrencyFilterInput({ label, value, onChange }: FilterValueInputProps) {
  return (
    <Select
      label={label}
      data={OPTIONS}
      value={typeof value === 'string' ? value : null}
      onChange={onChange}
      searchable
    />
  );
}

function CurrencyListInput({ label, value, onChange }: FilterListInputProps) {
  return (
    <MultiSelect
      label={label}
      data={OPTIONS}
      value={value.filter((item) => typeof item === 'string')}
      onChange={onChange}
      searchable
      clearable
    />
  );
}

export const currency: WebFieldType = {
  ...currencyFacts,
  Input: CurrencyInput,
  Display: TextDisplay,
  FilterValueInput: CurrencyFilterInput,
  FilterListInput: CurrencyListInput,
};
