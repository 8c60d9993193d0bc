export { ConditionRow, type ConditionRowProps, operatorLabel } from './ConditionRow.tsx';
export { FilterBuilder, type FilterBuilderProps } from './FilterBuilder.tsx';
export { FilterChips, type FilterChipsProps } from './FilterChips.tsx';
export { FilterControl, type FilterControlProps } from './FilterControl.tsx';
export {
  type ConditionDraft,
  changeOperator,
  countConditions,
  describePath,
  draftFromFilter,
  EMPTY_CONDITION,
  type FieldPathOption,
  type FilterDraft,
  fieldPathOptions,
  filterFromDraft,
  isInternalField,
  leafFromDraft,
  pathLabel,
} from './filter-model.ts';
export { useMetadataLookup } from './use-lookup.ts';
export { ValueInput, type ValueInputProps } from './ValueInput.tsx';
