import { expandedTitle } from '../../modules/metadata/index.ts';
import { MultiReferencePicker, ReferencePicker } from '../ReferencePicker.tsx';
import type {
  FieldDisplayProps,
  FieldInputProps,
  FieldTypeViews,
  FilterListInputProps,
  FilterValueInputProps,
} from './module.ts';

/*
 * Views of the reference types (select, relation, multiRelation): pickers that search the target,
 * and the titles `expand` returned. Filters tell the pickers the field is optional, so they never
 * show a "required" mark and can be cleared.
 */

function ReferenceDisplay({ field, value, record }: FieldDisplayProps) {
  const title = expandedTitle(record, field.key);
  if (title) return <>{title}</>;
  return <>{(Array.isArray(value) ? value : [value]).map((id) => `#${String(id)}`).join(', ')}</>;
}

function SingleInput({ field, label, error, expanded, value, onChange }: FieldInputProps) {
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
}

function MultiInput({ field, label, error, expanded, value, onChange }: FieldInputProps) {
  return (
    <MultiReferencePicker
      field={field}
      label={label}
      error={error}
      expanded={expanded}
      value={Array.isArray(value) ? value.filter((id): id is number => typeof id === 'number') : []}
      onChange={onChange}
    />
  );
}

function FilterSingle({ field, label, value, onChange }: FilterValueInputProps) {
  return (
    <ReferencePicker
      field={{ ...field, required: false }}
      // A filter may look for records that have a deactivated value, so every value is offered.
      forFilter
      label={label}
      expanded={null}
      value={typeof value === 'number' ? value : null}
      onChange={onChange}
    />
  );
}

function FilterList({ field, label, value, onChange }: FilterListInputProps) {
  return (
    <MultiReferencePicker
      field={{ ...field, required: false }}
      forFilter
      label={label}
      expanded={null}
      value={value.filter((item) => typeof item === 'number')}
      onChange={onChange}
    />
  );
}

/** One record or dictionary value (select, relation); a membership's filter picks one member too. */
export const singleReferenceViews: FieldTypeViews = {
  Input: SingleInput,
  Display: ReferenceDisplay,
  FilterValueInput: FilterSingle,
  FilterListInput: FilterList,
};

export const multiReferenceViews: FieldTypeViews = { ...singleReferenceViews, Input: MultiInput };
