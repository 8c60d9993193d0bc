import { onFormat, textLike } from './base.ts';

/** Normalised per country by the server (00-950, 1011, SW1A 1AA); shown as stored. */
export const postalCodeFacts = textLike({
  width: 110,
  // An area is a prefix: "90-" is Łódź, "10" a district of Budapest.
  defaultOperator: 'startsWith',
  issueMessage: onFormat((t) => t('records:validation.postalCode')),
});
