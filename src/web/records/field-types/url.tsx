import { Anchor } from '@mantine/core';
import { TextFieldInput, TextFilterInput, TextTagsFilterInput } from './base.tsx';
import type { FieldDisplayProps, FieldInputProps, WebFieldType } from './module.ts';
import { isWebAddress, urlFacts } from './url.ts';

function UrlDisplay({ value }: FieldDisplayProps) {
  const address = String(value);
  if (!isWebAddress(address)) return <>{address}</>;
  return (
    <Anchor
      href={address}
      target="_blank"
      rel="noopener noreferrer"
      size="sm"
      onClick={(event) => event.stopPropagation()}
    >
      {address}
    </Anchor>
  );
}

function UrlInput(props: FieldInputProps) {
  return <TextFieldInput {...props} type="url" autoComplete="off" />;
}

export const url: WebFieldType = {
  ...urlFacts,
  Input: UrlInput,
  Display: UrlDisplay,
  FilterValueInput: TextFilterInput,
  FilterListInput: TextTagsFilterInput,
};
