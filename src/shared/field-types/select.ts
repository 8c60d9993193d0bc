import { type FieldTypeTraits, idOperand, REFERENCE_OPERATORS } from './kinds.ts';

/** A value of a user-extendable dictionary, kept as the value's id. */
export const select: FieldTypeTraits = {
  kind: 'reference',
  operators: REFERENCE_OPERATORS,
  // Ids mean nothing to a reader: not offered for sorting until references sort by title.
  sortable: false,
  operand: idOperand,
};
