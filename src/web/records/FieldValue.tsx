import type { FieldMeta } from '../../shared/metadata/types.ts';
import type { RecordData } from '../app/api-types.ts';
import { isEmptyValue, useTextContext, webType } from './field-types/index.ts';

/** A field value for reading (list cells, read-only fields): formatted for the user's locale. */
export function FieldValue({ field, record }: { field: FieldMeta; record: RecordData }) {
  const context = useTextContext();
  const value = record[field.key];
  if (isEmptyValue(value)) return null;
  const { Display } = webType(field);
  return <Display field={field} value={value} record={record} context={context} />;
}
