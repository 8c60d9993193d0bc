import type { FieldMeta, FieldType } from '../src/shared/metadata/types.ts';

/** A field as the metadata API describes it, with the same word as its label in every language. */
export function fieldMeta(key: string, type: FieldType, extra: Partial<FieldMeta> = {}): FieldMeta {
  return {
    key,
    type,
    labels: { en: key, pl: key, hu: key },
    required: false,
    readOnly: false,
    system: false,
    sortable: true,
    filterable: true,
    ...extra,
  };
}
