import type { FieldMeta } from '../../shared/metadata/types.ts';
import type { RecordData } from '../app/api-types.ts';
import { isEmptyValue, useTextContext, webType } from './field-types/index.ts';

/**
 * A field value for reading (list cells, read-only fields): formatted for the user's locale.
 * `excerpt`: a table cell, one line (rich text shows its words, not its paragraphs).
 */
export function FieldValue({
  field,
  record,
  excerpt,
}: {
  field: FieldMeta;
  record: RecordData;
  excerpt?: boolean;
}) {
  const context = useTextContext();
  const value = record[field.key];
  if (isEmptyValue(value)) return null;
  const { Display } = webType(field);
  return <Display field={field} value={value} record={record} context={context} excerpt={excerpt} />;
}
