import { textLike } from './base.ts';

/** One line of text (a name, a city). */
export const textFacts = textLike({ short: true });
