import { textTraits } from './kinds.ts';

/** A web address (http or https). */
export const url = textTraits(500);
