import { Input, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Filter } from '../../../shared/filter/types.ts';
import { useObjectMeta } from '../../modules/metadata/index.ts';
import { TextFilterInput, TextTagsFilterInput } from './base.tsx';
import type { FieldDisplayProps, FieldInputProps, WebFieldType } from './module.ts';
import { savedFilterFacts, savedFilterText } from './saved-filter.ts';

// Loaded on use: the builder itself shows field inputs, which come from this registry.
const FilterBuilder = lazy(() =>
  import('../filters/FilterBuilder.tsx').then((module) => ({ default: module.FilterBuilder })),
);

/** The filter builder over the object the field selects (companies for a company group). */
function SavedFilterInput(props: FieldInputProps) {
  const { meta } = useObjectMeta(props.field.target);
  const value = typeof props.value === 'object' && props.value !== null ? (props.value as Filter) : null;
  return (
    <Input.Wrapper label={props.label} error={props.error} required={props.field.required}>
      {meta && (
        <Suspense fallback={null}>
          <FilterBuilder meta={meta} value={value} onChange={(filter) => props.onChange(filter)} delay={0} />
        </Suspense>
      )}
    </Input.Wrapper>
  );
}

function SavedFilterDisplay({ value }: FieldDisplayProps) {
  const { t } = useTranslation();
  return <Text span>{savedFilterText(value, t)}</Text>;
}

export const savedFilter: WebFieldType = {
  ...savedFilterFacts,
  Input: SavedFilterInput,
  Display: SavedFilterDisplay,
  FilterValueInput: TextFilterInput,
  FilterListInput: TextTagsFilterInput,
};
