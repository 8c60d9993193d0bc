import { TextDisplay, TextFieldInput, TextFilterInput, TextTagsFilterInput } from './base.tsx';
import type { FieldInputProps, WebFieldType } from './module.ts';
import { postalCodeFacts } from './postal-code.ts';

function PostalCodeInput(props: FieldInputProps) {
  return <TextFieldInput {...props} autoComplete="off" />;
}

export const postalCode: WebFieldType = {
  ...postalCodeFacts,
  Input: PostalCodeInput,
  Display: TextDisplay,
  FilterValueInput: TextFilterInput,
  FilterListInput: TextTagsFilterInput,
};
