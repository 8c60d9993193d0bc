import { type FieldTypeTraits, idOperand, REFERENCE_OPERATORS } from './kinds.ts';

/** A value of a user-extendable dictionary, kept as the value's id. */
export const select: FieldTypeTraits = {
  kind: 'reference',
  operators: REFERENCE_OPERATORS,
  // Sorted by the value's label in the reader's language (records/query/sort.ts), not the id.
  sortable: true,
  operand: idOperand,
};
