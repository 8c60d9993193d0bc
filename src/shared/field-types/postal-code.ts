import { textTraits } from './kinds.ts';

/** A postal code, checked against the record's country (PL 00-950, HU 1011, GB SW1A 1AA…). */
export const postalCode = textTraits(12);
