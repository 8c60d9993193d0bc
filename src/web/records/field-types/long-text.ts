import { textLike } from './base.ts';

/** Several paragraphs: the form gives them the whole row, lists only a wide column. */
export const longTextFacts = textLike({ wide: true, width: 280 });
