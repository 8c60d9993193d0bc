import type { FieldMeta, Locale } from '../../../shared/metadata/types.ts';
import { textLike } from './base.ts';

/** A choice's options as the reader's language names them. */
export function choiceOptions(field: FieldMeta, locale: Locale): { value: string; label: string }[] {
  return (field.options ?? []).map((option) => ({ value: option.value, label: option.labels[locale] }));
}

/** One of the field's fixed values, shown by its label in the UI language. */
export const choiceFacts = textLike({
  text: (value, field, { locale }) =>
    field.options?.find((option) => option.value === value)?.labels[locale] ?? String(value),
  short: true,
  width: 130,
  defaultOperator: 'eq',
});
