import type { FieldTypeFacts } from './module-facts.ts';

export const dateFacts: FieldTypeFacts = {
  text: (value, _field, { format }) => format.date(String(value)),
  wide: false,
  short: true,
  alignRight: false,
  width: 112,
  defaultOperator: 'eq',
};
