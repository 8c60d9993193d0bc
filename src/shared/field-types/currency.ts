import { CODE_OPERATORS, textTraits } from './kinds.ts';

/** An ISO 4217 currency code (`PLN`, `HUF`, `EUR`): a bank account's, a price list's. */
export const currency = textTraits(3, {
  operators: CODE_OPERATORS,
  operand: (raw) =>
    typeof raw === 'string' && /^[A-Za-z]{3}$/.test(raw)
      ? raw.toUpperCase()
      : { problem: 'must be a three-letter currency code (ISO 4217), like PLN' },
});
