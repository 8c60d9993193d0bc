import { CODE_OPERATORS, textTraits } from './kinds.ts';

/**
 * One of a few fixed values the product itself relies on (a group is `static` or `dynamic`),
 * declared with the field (`FieldMeta.options`, with labels per language). What users extend
 * is a dictionary (`select`); what code branches on is a choice.
 */
export const choice = textTraits(50, { operators: CODE_OPERATORS });
