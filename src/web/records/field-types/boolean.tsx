import { Checkbox, Select, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TextTagsFilterInput } from './base.tsx';
import { booleanFacts } from './boolean.ts';
import type { FieldDisplayProps, FieldInputProps, FilterValueInputProps, WebFieldType } from './module.ts';

/** A checkbox carries its own label; the top margin lines it up with the labelled inputs beside it. */
function BooleanInput({ field, label, value, onChange, error, disabled }: FieldInputProps) {
  return (
    <Checkbox
      label={label}
      error={error}
      name={field.key}
      checked={value === true}
      onChange={(event) => onChange(event.currentTarget.checked)}
      disabled={disabled}
      mt="lg"
    />
  );
}

/** A tick for yes, a quiet word for no: a column of ticks is read at a glance. */
function BooleanDisplay({ value }: FieldDisplayProps) {
  const { t } = useTranslation();
  return value ? (
    <IconCheck size={16} aria-label={t('common:yes')} role="img" />
  ) : (
    <Text span size="sm" c="dimmed">
      {t('common:no')}
    </Text>
  );
}

function BooleanFilterInput({ label, value, onChange }: FilterValueInputProps) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      data={[
        { value: 'true', label: t('filters:condition.yes') },
        { value: 'false', label: t('filters:condition.no') },
      ]}
      value={typeof value === 'boolean' ? String(value) : null}
      onChange={(next) => onChange(next === null ? null : next === 'true')}
      allowDeselect={false}
    />
  );
}

export const boolean: WebFieldType = {
  ...booleanFacts,
  Input: BooleanInput,
  Display: BooleanDisplay,
  FilterValueInput: BooleanFilterInput,
  // No list operators apply to booleans; kept for the interface's sake.
  FilterListInput: TextTagsFilterInput,
};
