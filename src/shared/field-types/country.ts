import { CODE_OPERATORS, textTraits } from './kinds.ts';

/** An ISO 3166-1 alpha-2 code (`PL`, `HU`); shown as the country's name in the reader's language. */
export const country = textTraits(2, {
  operators: CODE_OPERATORS,
  operand: (raw) =>
    typeof raw === 'string' && /^[A-Za-z]{2}$/.test(raw)
      ? raw.toUpperCase()
      : { problem: 'must be a two-letter country code (ISO 3166-1), like PL' },
});
