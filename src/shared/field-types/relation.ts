import { type FieldTypeTraits, idOperand, REFERENCE_OPERATORS } from './kinds.ts';

/** The id of one record of another object (a person's company). */
export const relation: FieldTypeTraits = {
  kind: 'reference',
  operators: REFERENCE_OPERATORS,
  // Sorted by the target's title in the reader's alphabet (records/query/sort.ts), not the id.
  sortable: true,
  operand: idOperand,
};
