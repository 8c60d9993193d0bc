import { referenceText } from './base.ts';
import type { FieldTypeFacts } from './module-facts.ts';

/** A dictionary value (industry, status): picked from the whole dictionary, never walked into. */
export const selectFacts: FieldTypeFacts = {
  text: referenceText,
  wide: false,
  short: true,
  alignRight: false,
  defaultOperator: 'eq',
  pointsAt: 'dictionary',
};
