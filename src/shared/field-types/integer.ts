import { type FieldTypeTraits, integerOperand, NUMBER_OPERATORS } from './kinds.ts';

export const integer: FieldTypeTraits = {
  kind: 'number',
  operators: NUMBER_OPERATORS,
  sortable: true,
  operand: integerOperand,
};
