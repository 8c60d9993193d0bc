import { DATE_OPERATORS, type FieldTypeTraits, instantOperand } from './kinds.ts';

/** An instant, stored in UTC; relative filters (today…) use the reader's zone. */
export const dateTime: FieldTypeTraits = {
  kind: 'instant',
  operators: DATE_OPERATORS,
  sortable: true,
  operand: instantOperand,
};
