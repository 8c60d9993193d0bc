import { NumberInput } from '@mantine/core';
import { intlLocale } from '../../app/locale.ts';
import { useLocale } from '../../ui/format.ts';
import { numberSeparators } from './base.ts';
import { commonProps, TagsFilterInput, TextDisplay } from './base.tsx';
import type { FieldInputProps, FilterListInputProps, FilterValueInputProps, WebFieldType } from './module.ts';
import { percentFacts, percentOperand } from './percent.ts';

interface PercentNumberProps {
  label: string;
  value: unknown;
  onChange: (value: number | null) => void;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  name?: string;
  min?: number;
  max?: number;
}

/** A number of per cent with at most two decimals (basis points are what is stored). */
function PercentNumber({ value, onChange, ...rest }: PercentNumberProps) {
  const separators = numberSeparators(intlLocale(useLocale()));
  return (
    <NumberInput
      {...rest}
      value={typeof value === 'number' ? value : ''}
      onChange={(next) => onChange(next === '' ? null : percentOperand(next))}
      decimalScale={2}
      decimalSeparator={separators.decimal}
      suffix=" %"
      hideControls
    />
  );
}

function PercentInput(props: FieldInputProps) {
  return (
    <PercentNumber
      {...commonProps(props)}
      value={props.value}
      onChange={props.onChange}
      min={props.field.min}
      max={props.field.max}
    />
  );
}

function PercentFilterInput({ label, value, onChange }: FilterValueInputProps) {
  return <PercentNumber label={label} value={value} onChange={onChange} />;
}

/** People type "12,5" as readily as "12.5". */
function percentEntry(text: string): number | null {
  return text.trim() === '' ? null : percentOperand(text.trim().replace(',', '.'));
}

function PercentTagsFilterInput(props: FilterListInputProps) {
  return <TagsFilterInput {...props} parse={percentEntry} />;
}

export const percent: WebFieldType = {
  ...percentFacts,
  Input: PercentInput,
  Display: TextDisplay,
  FilterValueInput: PercentFilterInput,
  FilterListInput: PercentTagsFilterInput,
};
