import { textTraits } from './kinds.ts';

/** One line of text (a name, a city). */
export const text = textTraits(200);
