export { isValidDate, parseInstant } from './dates.ts';
export type { FieldTypeTraits, OperandProblem, ValueKind } from './kinds.ts';
export { isOperandProblem } from './kinds.ts';
export { isMoneyValue, type MoneyValue } from './money.ts';
export { PERCENT_SCALE, percentValue } from './percent.ts';
export {
  FIELD_TYPE_TRAITS,
  FIELD_TYPES,
  type FieldType,
  isReference,
  kindOf,
  operatorsFor,
  traitsOf,
} from './registry.ts';
