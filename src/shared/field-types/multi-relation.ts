import { type FieldTypeTraits, idOperand } from './kinds.ts';

/** Many records of another object, kept in a link table (group members). */
export const multiRelation: FieldTypeTraits = {
  kind: 'membership',
  operators: ['in', 'notIn', 'isEmpty', 'isNotEmpty'],
  sortable: false,
  operand: idOperand,
};
