import { richTextPlain } from '../../../shared/text/rich-text.ts';
import { textLike } from './base.ts';

/**
 * Formatted paragraphs (notes): the whole row in forms, a wide column in lists. As text (history,
 * titles, print, list cells) it is its words without markup.
 */
export const richTextFacts = textLike({
  wide: true,
  width: 280,
  text: (value) => richTextPlain(String(value)),
});
