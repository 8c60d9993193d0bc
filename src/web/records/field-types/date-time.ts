import type { FieldTypeFacts } from './module-facts.ts';

export const dateTimeFacts: FieldTypeFacts = {
  text: (value, _field, { format }) => format.dateTime(String(value)),
  wide: false,
  // Created/changed stamps: the record page shows them; a default list has better uses for room.
  short: false,
  alignRight: false,
  width: 150,
  // "Since…" is the usual question about a moment; equality to the minute almost never is.
  defaultOperator: 'gte',
};
