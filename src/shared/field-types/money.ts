import { bigIntegerOperand, type FieldTypeTraits, NUMBER_OPERATORS } from './kinds.ts';

/**
 * An amount with its currency: `{ "amount": 1234550, "currency": "PLN" }`, the amount in minor
 * units (grosze, fillér) as a whole number, never a float. Filters and sorting compare the amount.
 */
export interface MoneyValue {
  amount: number;
  currency: string;
}

export function isMoneyValue(value: unknown): value is MoneyValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as MoneyValue).amount === 'number' &&
    typeof (value as MoneyValue).currency === 'string'
  );
}

export const money: FieldTypeTraits = {
  kind: 'number',
  operators: NUMBER_OPERATORS,
  sortable: true,
  operand: bigIntegerOperand,
  comparable: (value) => (isMoneyValue(value) ? value.amount : null),
};
