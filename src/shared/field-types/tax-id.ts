import { textTraits } from './kinds.ts';

/**
 * A tax or registry number (NIP, REGON, KRS, Hungarian adószám, EU VAT), stored as its digits
 * (and a VAT number's country prefix) without separators, shown formatted. A filter operand
 * loses separators too, so `526-025-02-50` finds `5260250250`.
 */
export const taxId = textTraits(20, {
  operand: (raw) => {
    if (typeof raw !== 'string') return { problem: 'must be a string' };
    return raw
      .replace(/[\s./-]/g, '')
      .toUpperCase()
      .slice(0, 40);
  },
});
