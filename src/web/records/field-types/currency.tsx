import { CURRENCY_CODES } from '../../../shared/identifiers/index.ts';
import { TextDisplay } from './base.tsx';
import { currencyFacts } from './currency.ts';
import type { FieldInputProps, FilterListInputProps, FilterValueInputProps, WebFieldType } from './module.ts';
import { OptionFilterInput, OptionInput, OptionListInput } from './option-list.tsx';

// The currencies of the product's first countries first, then every other in code order.
const FIRST = ['PLN', 'HUF', 'EUR', 'USD', 'GBP', 'CHF', 'CZK'];
const OPTIONS = [...FIRST, ...CURRENCY_CODES.filter((code) => !FIRST.includes(code))];

function CurrencyInput(props: FieldInputProps) {
  return <OptionInput {...props} options={OPTIONS} />;
}

function CurrencyFilterInput(props: FilterValueInputProps) {
  return <OptionFilterInput {...props} options={OPTIONS} />;
}

function CurrencyListInput(props: FilterListInputProps) {
  return <OptionListInput {...props} options={OPTIONS} />;
}

export const currency: WebFieldType = {
  ...currencyFacts,
  Input: CurrencyInput,
  Display: TextDisplay,
  FilterValueInput: CurrencyFilterInput,
  FilterListInput: CurrencyListInput,
};
