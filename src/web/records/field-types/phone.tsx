import { Anchor } from '@mantine/core';
import { phoneHref } from '../../../shared/identifiers/index.ts';
import { TextFieldInput, TextFilterInput, TextTagsFilterInput } from './base.tsx';
import type { FieldDisplayProps, FieldInputProps, WebFieldType } from './module.ts';
import { phoneFacts } from './phone.ts';

/** A number saved before phones were normalised may lack its +country: dialled as it was written. */
function href(stored: string): string {
  return stored.trim().startsWith('+') ? phoneHref(stored) : `tel:${stored.replace(/[^0-9]/g, '')}`;
}

function PhoneDisplay({ field, value, context }: FieldDisplayProps) {
  return (
    <Anchor href={href(String(value))} size="sm" onClick={(event) => event.stopPropagation()}>
      {phoneFacts.text(value, field, context)}
    </Anchor>
  );
}

/**
 * Typed and edited as stored (E.164): a national form would lose the country code, and the server
 * reads a number without one in the record's country, which need not be the reader's.
 */
function PhoneInput(props: FieldInputProps) {
  return <TextFieldInput {...props} type="tel" autoComplete="off" />;
}

export const phone: WebFieldType = {
  ...phoneFacts,
  Input: PhoneInput,
  Display: PhoneDisplay,
  FilterValueInput: TextFilterInput,
  FilterListInput: TextTagsFilterInput,
};
