import { referenceText } from './base.ts';
import type { FieldTypeFacts } from './module-facts.ts';

/** One record of another object (a person's company). */
export const relationFacts: FieldTypeFacts = {
  text: referenceText,
  wide: false,
  short: true,
  alignRight: false,
  defaultOperator: 'eq',
  pointsAt: 'records',
};
