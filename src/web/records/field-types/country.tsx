import { useLocale } from '../../ui/format.ts';
import { TextDisplay } from './base.tsx';
import { countryFacts, countryOptions } from './country.ts';
import type { FieldInputProps, FilterListInputProps, FilterValueInputProps, WebFieldType } from './module.ts';
import { OptionFilterInput, OptionInput, OptionListInput } from './option-list.tsx';

/** Every country by name in the UI language; typing a few letters finds it. */
function useCountries() {
  return countryOptions(useLocale());
}

function CountryInput(props: FieldInputProps) {
  return <OptionInput {...props} options={useCountries()} />;
}

function CountryFilterInput(props: FilterValueInputProps) {
  return <OptionFilterInput {...props} options={useCountries()} />;
}

function CountryListInput(props: FilterListInputProps) {
  return <OptionListInput {...props} options={useCountries()} />;
}

export const country: WebFieldType = {
  ...countryFacts,
  Input: CountryInput,
  Display: TextDisplay,
  FilterValueInput: CountryFilterInput,
  FilterListInput: CountryListInput,
};
