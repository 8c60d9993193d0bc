import { onFormat, textLike } from './base.ts';

/** Stored as `#rrggbb`; one colour is looked for as a whole, so a new filter starts with "is". */
export const colourFacts = textLike({
  short: true,
  width: 120,
  defaultOperator: 'eq',
  issueMessage: onFormat((t) => t('records:validation.colour')),
});
