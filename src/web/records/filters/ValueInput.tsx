import { NumberInput, Select, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OPERATORS, type Operator } from '../../../shared/filter/operators.ts';
import type { FilterValue } from '../../../shared/filter/types.ts';
import type { FieldMeta } from '../../../shared/metadata/types.ts';
import { instantFromLocalInput, localInputFromInstant } from '../../ui/datetime-input.ts';
import { MultiReferencePicker, ReferencePicker } from '../ReferencePicker.tsx';
import { type DraftValue, MAX_DAYS } from './filter-model.ts';

export interface ValueInputProps {
  /** The filtered field (the last one of a relation path). */
  field: FieldMeta;
  op: Operator;
  value: DraftValue;
  onChange: (value: DraftValue) => void;
}

/** The shared validator's limit on filter text. */
const MAX_TEXT = 1000;

function scalar(value: DraftValue): FilterValue {
  return Array.isArray(value) || value === undefined ? null : value;
}

function list(value: DraftValue): FilterValue[] {
  return Array.isArray(value) ? value : [];
}

function pair(value: DraftValue): [FilterValue, FilterValue] {
  const items = list(value);
  return [items[0] ?? null, items[1] ?? null];
}

/**
 * One scalar input for the field's type. Reference pickers are told the field is optional, so
 * they never show a "required" mark and can be cleared.
 */
function ScalarInput(props: {
  field: FieldMeta;
  label: string;
  value: FilterValue;
  onChange: (v: FilterValue) => void;
}) {
  const { t } = useTranslation();
  const { field, label, value, onChange } = props;
  switch (field.type) {
    case 'integer':
      return (
        <NumberInput
          label={label}
          value={typeof value === 'number' ? value : ''}
          onChange={(next) => onChange(typeof next === 'number' ? next : null)}
          allowDecimal={false}
        />
      );
    case 'boolean':
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
    case 'date':
      return (
        <TextInput
          label={label}
          type="date"
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value || null)}
        />
      );
    case 'dateTime':
      return (
        <TextInput
          label={label}
          type="datetime-local"
          value={localInputFromInstant(value)}
          onChange={(event) => onChange(instantFromLocalInput(event.currentTarget.value))}
        />
      );
    case 'select':
    case 'relation':
    case 'multiRelation':
      return (
        <ReferencePicker
          field={{ ...field, required: false }}
          label={label}
          expanded={null}
          value={typeof value === 'number' ? value : null}
          onChange={onChange}
        />
      );
    default:
      return (
        <TextInput
          label={label}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value)}
          maxLength={MAX_TEXT}
        />
      );
  }
}

function ListInput(props: {
  field: FieldMeta;
  label: string;
  value: FilterValue[];
  onChange: (v: FilterValue[]) => void;
}) {
  const { t } = useTranslation();
  const { field, label, value, onChange } = props;
  if (field.type === 'select' || field.type === 'relation' || field.type === 'multiRelation') {
    return (
      <MultiReferencePicker
        field={{ ...field, required: false }}
        label={label}
        expanded={null}
        value={value.filter((item) => typeof item === 'number')}
        onChange={onChange}
      />
    );
  }
  const numeric = field.type === 'integer';
  return (
    <TagsInput
      label={label}
      description={t('filters:condition.listHint')}
      value={value.map(String)}
      // Whole numbers only for integer fields: anything else would make the condition invalid.
      onChange={(next) =>
        onChange(
          numeric ? next.map(Number).filter((n) => Number.isSafeInteger(n)) : next.map((s) => s.trim()),
        )
      }
      splitChars={[',', ';']}
      maxLength={MAX_TEXT}
      clearable
      clearButtonProps={{ 'aria-label': t('filters:condition.clearList', { field: label }) }}
    />
  );
}

/** The value part of a condition, shaped by the operator: nothing, a value, a list, a range or a count of days. */
export function ValueInput({ field, op, value, onChange }: ValueInputProps) {
  const { t } = useTranslation();
  switch (OPERATORS[op]) {
    case 'none':
      return null;
    case 'count':
      return (
        <NumberInput
          label={t('filters:condition.days')}
          value={typeof value === 'number' ? value : ''}
          onChange={(next) => onChange(typeof next === 'number' ? next : null)}
          allowDecimal={false}
          allowNegative={false}
          min={1}
          max={MAX_DAYS}
          clampBehavior="strict"
        />
      );
    case 'single':
      return (
        <ScalarInput
          field={field}
          label={t('filters:condition.value')}
          value={scalar(value)}
          onChange={onChange}
        />
      );
    case 'list':
      return (
        <ListInput
          field={field}
          label={t('filters:condition.values')}
          value={list(value)}
          onChange={onChange}
        />
      );
    case 'range': {
      const [from, to] = pair(value);
      return (
        // Side by side where there is room; stacked on a phone, where two date inputs do not fit.
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <ScalarInput
            field={field}
            label={t('filters:condition.from')}
            value={from}
            onChange={(next) => onChange([next, to])}
          />
          <ScalarInput
            field={field}
            label={t('filters:condition.to')}
            value={to}
            onChange={(next) => onChange([from, next])}
          />
        </SimpleGrid>
      );
    }
  }
}
