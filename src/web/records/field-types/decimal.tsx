import { NumberInput } from '@mantine/core';
import { decimalScale } from '../../../shared/field-types/decimal.ts';
import type { FieldMeta } from '../../../shared/metadata/types.ts';
import { intlLocale } from '../../app/locale.ts';
import { useLocale } from '../../ui/format.ts';
import { numberSeparators } from './base.ts';
import { commonProps, TagsFilterInput, TextDisplay } from './base.tsx';
import { decimalFacts, decimalOperand } from './decimal.ts';
import type { FieldInputProps, FilterListInputProps, FilterValueInputProps, WebFieldType } from './module.ts';

interface DecimalNumberProps {
  field: FieldMeta;
  label: string;
  value: unknown;
  onChange: (value: number | null) => void;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  name?: string;
}

/** A number with at most the field's decimals, typed in the reader's separators. */
function DecimalNumber({ field, value, onChange, ...rest }: DecimalNumberProps) {
  const separators = numberSeparators(intlLocale(useLocale()));
  return (
    <NumberInput
      {...rest}
      value={typeof value === 'number' ? value : ''}
      onChange={(next) => onChange(next === '' ? null : decimalOperand(next, field))}
      decimalScale={decimalScale(field)}
      decimalSeparator={separators.decimal}
      min={field.min}
      max={field.max}
      hideControls
    />
  );
}

function DecimalInput(props: FieldInputProps) {
  return (
    <DecimalNumber
      {...commonProps(props)}
      field={props.field}
      value={props.value}
      onChange={props.onChange}
    />
  );
}

function DecimalFilterInput({ field, label, value, onChange }: FilterValueInputProps) {
  return <DecimalNumber field={field} label={label} value={value} onChange={onChange} />;
}

function DecimalTagsFilterInput(props: FilterListInputProps) {
  return (
    <TagsFilterInput
      {...props}
      parse={(text) => (text.trim() === '' ? null : decimalOperand(text, props.field))}
    />
  );
}

export const decimal: WebFieldType = {
  ...decimalFacts,
  Input: DecimalInput,
  Display: TextDisplay,
  FilterValueInput: DecimalFilterInput,
  FilterListInput: DecimalTagsFilterInput,
};
