import { type FieldTypeTraits, integerOperand, NUMBER_OPERATORS } from './kinds.ts';

/** One to five stars (satisfaction, profitability). */
export const rating: FieldTypeTraits = {
  kind: 'number',
  operators: NUMBER_OPERATORS,
  min: 1,
  max: 5,
  sortable: true,
  operand: integerOperand,
};
