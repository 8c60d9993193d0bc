import { textTraits } from './kinds.ts';

/** An e-mail address (RFC 5321 allows 254 characters). */
export const email = textTraits(254);
