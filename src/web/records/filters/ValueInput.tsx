import { NumberInput, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OPERATORS, type Operator } from '../../../shared/filter/operators.ts';
import type { FilterValue } from '../../../shared/filter/types.ts';
import type { FieldMeta } from '../../../shared/metadata/types.ts';
import { webType } from '../field-types/index.ts';
import { type DraftValue, MAX_DAYS } from './filter-model.ts';

export interface ValueInputProps {
  /** The filtered field (the last one of a relation path). */
  field: FieldMeta;
  op: Operator;
  value: DraftValue;
  onChange: (value: DraftValue) => void;
}

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
 * The value part of a condition, shaped by the operator: nothing, a value, a list, a range or a
 * count of days. The field's type supplies the editors of a value and of a list.
 */
export function ValueInput({ field, op, value, onChange }: ValueInputProps) {
  const { t } = useTranslation();
  const { FilterValueInput: ScalarInput, FilterListInput: ListInput } = webType(field);
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
