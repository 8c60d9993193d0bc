import { multiRelation as traits } from '../../../shared/field-types/multi-relation.ts';
import { singleColumn } from './base.ts';
import { invalid } from './module.ts';

/** Memberships live in the field's link table (`through`), not in a column of the record. */
export const multiRelation = {
  ...singleColumn(traits, 'bigint', {
    check: () => invalid('type', 'is a list of ids'),
    schema: (field) => ({ type: 'array', items: { type: 'integer' }, description: `ids of ${field.target}` }),
  }),
  columns: () => [],
  decode: () => [],
  encode: () => ({}),
};
