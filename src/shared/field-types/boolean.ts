import type { FieldTypeTraits } from './kinds.ts';

export const boolean: FieldTypeTraits = {
  kind: 'boolean',
  operators: ['eq', 'neq', 'isEmpty', 'isNotEmpty'],
  sortable: true,
  operand: (raw) => (typeof raw === 'boolean' ? raw : { problem: 'must be true or false' }),
};
