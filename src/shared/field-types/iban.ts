import { textTraits } from './kinds.ts';

/** A bank account number (IBAN), stored in its electronic form: upper case, no spaces. */
export const iban = textTraits(34, {
  operand: (raw) => {
    if (typeof raw !== 'string') return { problem: 'must be a string' };
    return raw.replace(/\s/g, '').toUpperCase().slice(0, 40);
  },
});
