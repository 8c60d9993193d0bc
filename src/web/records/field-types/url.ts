import { onFormat, textLike } from './base.ts';

/** Only http(s) addresses become links: anything else stored earlier (`javascript:`…) stays text. */
export function isWebAddress(value: string): boolean {
  return /^https?:\/\/\S+$/i.test(value);
}

export const urlFacts = textLike({ issueMessage: onFormat((t) => t('records:validation.url')) });
