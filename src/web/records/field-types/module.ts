import type { ComponentType } from 'react';
import type { FilterValue } from '../../../shared/filter/types.ts';
import type { FieldMeta } from '../../../shared/metadata/types.ts';
import type { ExpandedRef, RecordData } from '../../app/api-types.ts';
import type { FieldTypeFacts, TextContext } from './module-facts.ts';

export type { FieldTypeFacts, TextContext };

/** The form control. Every input has its visible label and shows its error. */
export interface FieldInputProps {
  field: FieldMeta;
  label: string;
  value: unknown;
  onChange: (value: unknown) => void;
  error?: string;
  /** References: the titles `expand` returned, so the picker shows them without another request. */
  expanded?: ExpandedRef | ExpandedRef[] | null;
  disabled?: boolean;
}

/** A non-empty value for reading (record page, list cells, print). */
export interface FieldDisplayProps {
  field: FieldMeta;
  value: unknown;
  record: RecordData;
  context: TextContext;
  /** A list cell: one line of plain text where the type would otherwise lay out blocks (rich text). */
  excerpt?: boolean;
}

/** One operand of a filter condition (`eq`, either end of `between`…). */
export interface FilterValueInputProps {
  field: FieldMeta;
  label: string;
  value: FilterValue;
  onChange: (value: FilterValue) => void;
}

/** The operand list of `in` / `notIn`. */
export interface FilterListInputProps {
  field: FieldMeta;
  label: string;
  value: FilterValue[];
  onChange: (value: FilterValue[]) => void;
}

export interface FieldTypeViews {
  Input: ComponentType<FieldInputProps>;
  Display: ComponentType<FieldDisplayProps>;
  FilterValueInput: ComponentType<FilterValueInputProps>;
  FilterListInput: ComponentType<FilterListInputProps>;
}

/** A field type in the web app: one `<type>.tsx` per type, registered in `registry.ts`. */
export interface WebFieldType extends FieldTypeFacts, FieldTypeViews {}
