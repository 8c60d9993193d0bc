import { DATE_OPERATORS, dateOperand, type FieldTypeTraits } from './kinds.ts';

/** A calendar day without time or zone (a birthday, a due date). */
export const date: FieldTypeTraits = {
  kind: 'date',
  operators: DATE_OPERATORS,
  sortable: true,
  operand: dateOperand,
};
