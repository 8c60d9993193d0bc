import { textTraits } from './kinds.ts';

/**
 * A phone number, stored in E.164 (`+48601234567`). A filter operand loses the spaces, dashes and
 * brackets people type, so "601 234" finds `+48601234567`.
 */
export const phone = textTraits(40, {
  operand: (raw) => {
    if (typeof raw !== 'string') return { problem: 'must be a string' };
    return raw.replace(/[\s()./-]/g, '').slice(0, 100);
  },
});
