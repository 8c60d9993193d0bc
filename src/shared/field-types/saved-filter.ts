import type { FieldTypeTraits } from './kinds.ts';

/**
 * A filter over another object (`FieldMeta.target`), kept as the record's value: a dynamic
 * group's rule. Stored as JSON text; compared as a whole, so only emptiness is filterable.
 */
export const savedFilter: FieldTypeTraits = {
  kind: 'text',
  operators: ['isEmpty', 'isNotEmpty'],
  maxLength: 20_000,
  sortable: false,
  operand: () => ({ problem: 'a saved filter is not compared with values' }),
};
