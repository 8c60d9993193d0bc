import { formatTaxId } from '../../../shared/identifiers/index.ts';
import type { FieldMeta } from '../../../shared/metadata/types.ts';
import { TextDisplay, TextFieldInput, TextFilterInput, TextTagsFilterInput } from './base.tsx';
import type { FieldInputProps, WebFieldType } from './module.ts';
import { taxIdFacts, taxIdKind } from './tax-id.ts';

/** The form does not know the record's country: the digits tell which number it is. */
function formatted(stored: string, field: FieldMeta): string {
  const kind = taxIdKind(field, stored, {});
  return kind === null ? stored : formatTaxId(kind, stored);
}

/** Typed with or without separators; shown as people write it when not being edited. */
function TaxIdInput(props: FieldInputProps) {
  return <TextFieldInput {...props} autoComplete="off" format={formatted} />;
}

export const taxId: WebFieldType = {
  ...taxIdFacts,
  Input: TaxIdInput,
  Display: TextDisplay,
  FilterValueInput: TextFilterInput,
  FilterListInput: TextTagsFilterInput,
};
