import { textTraits } from './kinds.ts';

/**
 * Formatted paragraphs (notes) stored as sanitised HTML. Filters compare the stored HTML, so
 * `contains "strong"` could match a tag name; words people search for are matched by search,
 * which indexes the plain text. Never sorted: the order of markup means nothing to a reader.
 * The limit counts the markup too, hence twice a long text's.
 */
export const richText = textTraits(20_000, {
  operators: ['contains', 'notContains', 'isEmpty', 'isNotEmpty'],
  sortable: false,
});
