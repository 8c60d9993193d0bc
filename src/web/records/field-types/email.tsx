import { Anchor } from '@mantine/core';
import { TextFieldInput, TextFilterInput, TextTagsFilterInput } from './base.tsx';
import { emailFacts } from './email.ts';
import type { FieldDisplayProps, FieldInputProps, WebFieldType } from './module.ts';

function EmailDisplay({ value }: FieldDisplayProps) {
  const address = String(value);
  return (
    // The list row selects on click; the link must only open the mail program.
    <Anchor href={`mailto:${address}`} size="sm" onClick={(event) => event.stopPropagation()}>
      {address}
    </Anchor>
  );
}

function EmailInput(props: FieldInputProps) {
  return <TextFieldInput {...props} type="email" autoComplete="off" />;
}

export const email: WebFieldType = {
  ...emailFacts,
  Input: EmailInput,
  Display: EmailDisplay,
  FilterValueInput: TextFilterInput,
  FilterListInput: TextTagsFilterInput,
};
