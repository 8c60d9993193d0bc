import { Checkbox, NumberInput, Textarea, TextInput } from '@mantine/core';
import type { FieldMeta } from '../../shared/metadata/types.ts';
import type { ExpandedRef } from '../app/api-types.ts';
import { instantFromLocalInput, localInputFromInstant } from '../ui/datetime-input.ts';
import { MultiReferencePicker, ReferencePicker } from './ReferencePicker.tsx';

export interface FieldInputProps {
  field: FieldMeta;
  label: string;
  value: unknown;
  onChange: (value: unknown) => void;
  error?: string;
  expanded?: ExpandedRef | ExpandedRef[] | null;
}

const TEXT_INPUT_TYPES: Partial<Record<FieldMeta['type'], string>> = {
  email: 'email',
  phone: 'tel',
  url: 'url',
};
const AUTOCOMPLETE: Partial<Record<FieldMeta['type'], string>> = { email: 'off', phone: 'off', url: 'off' };

/** The input a field type calls for; every one has its visible label and shows its error. */
export function FieldInput({ field, label, value, onChange, error, expanded }: FieldInputProps) {
  const common = { label, error, required: field.required, name: field.key };
  switch (field.type) {
    case 'longText':
      return (
        <Textarea
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value)}
          maxLength={field.maxLength}
          autosize
          minRows={3}
          maxRows={12}
        />
      );
    case 'integer':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          onChange={(next) => onChange(typeof next === 'number' ? next : null)}
          allowDecimal={false}
          min={field.min}
          max={field.max}
        />
      );
    case 'boolean':
      return (
        <Checkbox
          label={label}
          error={error}
          name={field.key}
          checked={value === true}
          onChange={(event) => onChange(event.currentTarget.checked)}
          mt="lg"
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value || null)}
        />
      );
    case 'dateTime':
      return (
        <TextInput
          {...common}
          type="datetime-local"
          value={localInputFromInstant(value)}
          onChange={(event) => onChange(instantFromLocalInput(event.currentTarget.value))}
        />
      );
    case 'select':
    case 'relation':
      return (
        <ReferencePicker
          field={field}
          label={label}
          error={error}
          expanded={expanded}
          value={typeof value === 'number' ? value : null}
          onChange={onChange}
        />
      );
    case 'multiRelation':
      return (
        <MultiReferencePicker
          field={field}
          label={label}
          error={error}
          expanded={expanded}
          value={Array.isArray(value) ? (value as number[]) : []}
          onChange={onChange}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          type={TEXT_INPUT_TYPES[field.type] ?? 'text'}
          autoComplete={AUTOCOMPLETE[field.type]}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value)}
          maxLength={field.maxLength}
        />
      );
  }
}
