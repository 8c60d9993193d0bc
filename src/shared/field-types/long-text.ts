import { textTraits } from './kinds.ts';

/** Several paragraphs (notes); searched by contains, never sorted. */
export const longText = textTraits(10_000, {
  operators: ['contains', 'notContains', 'isEmpty', 'isNotEmpty'],
  sortable: false,
});
