import { NumberInput, TagsInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilterValue } from '../../../shared/filter/types.ts';
import type { FieldMeta } from '../../../shared/metadata/types.ts';
import { MAX_FILTER_TEXT } from './base.ts';
import { factsOf } from './facts.ts';
import type {
  FieldDisplayProps,
  FieldInputProps,
  FilterListInputProps,
  FilterValueInputProps,
} from './module.ts';

/*
 * Views shared by similar types; the React-free half is `base.ts`. Components take what differs
 * (an input type, a parser) as props, so each type's module stays a few lines.
 */

/** What every form control repeats: its label, error, required mark and form name. */
export function commonProps({ field, label, error, disabled }: FieldInputProps) {
  return { label, error, required: field.required, name: field.key, disabled };
}

/** The value as its type's text, in the record's context (a tax id reads the record's country). */
export function TextDisplay({ field, value, record, context }: FieldDisplayProps) {
  return <>{factsOf(field).text(value, field, { ...context, record })}</>;
}

export interface TextFieldInputProps extends FieldInputProps {
  /** The browser's input type (email, tel, url): the right keyboard on a phone. */
  type?: string;
  autoComplete?: string;
  /**
   * Shown instead of the stored form while the input is not focused (a NIP with dashes, an IBAN
   * in groups). The server normalises whatever is typed, so only the display changes.
   */
  format?: (stored: string, field: FieldMeta) => string;
}

/** One line of text; what most types are typed as. */
export function TextFieldInput({ type = 'text', autoComplete, format, ...props }: TextFieldInputProps) {
  const [focused, setFocused] = useState(false);
  const text = typeof props.value === 'string' ? props.value : '';
  const shown = format && !focused && text !== '' ? format(text, props.field) : text;
  return (
    <TextInput
      {...commonProps(props)}
      type={type}
      autoComplete={autoComplete}
      value={shown}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      maxLength={props.field.maxLength}
    />
  );
}

/** A whole number within the field's bounds. */
export function IntegerInput(props: FieldInputProps) {
  return (
    <NumberInput
      {...commonProps(props)}
      value={typeof props.value === 'number' ? props.value : ''}
      onChange={(next) => props.onChange(typeof next === 'number' ? next : null)}
      allowDecimal={false}
      min={props.field.min}
      max={props.field.max}
    />
  );
}

/** A filter operand typed as text. */
export function TextFilterInput({ label, value, onChange }: FilterValueInputProps) {
  return (
    <TextInput
      label={label}
      value={typeof value === 'string' ? value : ''}
      onChange={(event) => onChange(event.currentTarget.value)}
      maxLength={MAX_FILTER_TEXT}
    />
  );
}

/** A whole-number filter operand. */
export function IntegerFilterInput({ label, value, onChange }: FilterValueInputProps) {
  return (
    <NumberInput
      label={label}
      value={typeof value === 'number' ? value : ''}
      onChange={(next) => onChange(typeof next === 'number' ? next : null)}
      allowDecimal={false}
    />
  );
}

export interface TagsFilterInputProps extends FilterListInputProps {
  /** A typed entry as an operand, or null to drop it (it would make the condition invalid). */
  parse: (text: string) => FilterValue | null;
  /** An operand as the tag shows it. */
  show?: (value: FilterValue) => string;
}

/** An operand list typed as tags: Enter (or a comma) after each. */
export function TagsFilterInput({ label, value, onChange, parse, show = String }: TagsFilterInputProps) {
  const { t } = useTranslation();
  return (
    <TagsInput
      label={label}
      description={t('filters:condition.listHint')}
      value={value.map(show)}
      onChange={(next) => onChange(next.map(parse).filter((item): item is FilterValue => item !== null))}
      splitChars={[',', ';']}
      maxLength={MAX_FILTER_TEXT}
      clearable
      clearButtonProps={{ 'aria-label': t('filters:condition.clearList', { field: label }) }}
    />
  );
}

/** Text entries, trimmed. */
export function TextTagsFilterInput(props: FilterListInputProps) {
  return <TagsFilterInput {...props} parse={(text) => text.trim()} />;
}

function wholeNumber(text: string): number | null {
  const number = Number(text);
  return text.trim() !== '' && Number.isSafeInteger(number) ? number : null;
}

/** Whole numbers only: anything else would make the condition invalid. */
export function IntegerTagsFilterInput(props: FilterListInputProps) {
  return <TagsFilterInput {...props} parse={wholeNumber} />;
}
