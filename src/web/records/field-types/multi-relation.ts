import { referenceText } from './base.ts';
import type { FieldTypeFacts } from './module-facts.ts';

/** Memberships (groups): a row of chips in the form; "includes any of" in a filter. */
export const multiRelationFacts: FieldTypeFacts = {
  text: referenceText,
  wide: true,
  short: false,
  alignRight: false,
  defaultOperator: 'in',
  pointsAt: 'records',
};
