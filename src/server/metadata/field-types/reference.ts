import { type FieldTypeTraits, RECORD_ID } from '../../../shared/field-types/kinds.ts';
import { numberCursor, singleColumn } from './base.ts';
import { invalid, type ServerFieldType } from './module.ts';

/**
 * A reference kept as the target's id (relation, select). Whether the target exists is checked by
 * the writer against the database; an export shows the target's title, never the id.
 */
export function referenceColumn(traits: FieldTypeTraits): ServerFieldType {
  return singleColumn(traits, 'bigint', {
    check: (raw) =>
      typeof raw === 'number' && Number.isSafeInteger(raw) && raw > 0
        ? { value: raw }
        : invalid('type', 'must be a record id (a positive whole number) or null'),
    fitsCursor: (value) => numberCursor(value, RECORD_ID),
    schema: (field) => ({
      type: 'integer',
      description: `id of a ${field.dictionary ?? field.target}`,
    }),
  });
}
