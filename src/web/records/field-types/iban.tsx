import { formatIban } from '../../../shared/identifiers/index.ts';
import { TextDisplay, TextFieldInput, TextFilterInput, TextTagsFilterInput } from './base.tsx';
import { ibanFacts } from './iban.ts';
import type { FieldInputProps, WebFieldType } from './module.ts';

/** Typed however the bank prints it; shown in groups of four when not being edited. */
function IbanInput(props: FieldInputProps) {
  return <TextFieldInput {...props} autoComplete="off" format={formatIban} />;
}

export const iban: WebFieldType = {
  ...ibanFacts,
  Input: IbanInput,
  Display: TextDisplay,
  FilterValueInput: TextFilterInput,
  FilterListInput: TextTagsFilterInput,
};
