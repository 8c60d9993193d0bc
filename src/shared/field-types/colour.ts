import { textOperand, textTraits } from './kinds.ts';

/** What people type: `#rgb` or `#rrggbb`, in either case. */
const TYPED_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** The one stored form, so equal colours compare equal in filters and duplicates. */
export const STORED_COLOUR = /^#[0-9a-f]{6}$/;

/** A typed colour in its stored form (`#F0a` → `#ff00aa`), or null when it is not one. */
export function normaliseColour(text: string): string | null {
  const trimmed = text.trim();
  if (!TYPED_COLOUR.test(trimmed)) return null;
  const digits = trimmed.slice(1).toLowerCase();
  const full = digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits;
  return `#${full}`;
}

/**
 * A colour as `#rrggbb` in lower case. A filter operand that is a whole colour takes the stored
 * form, so "is #F00" finds `#ff0000`; anything else (a fragment for "contains") stays as typed.
 */
export const colour = textTraits(7, {
  operand: (raw) => {
    const operand = textOperand(raw);
    return typeof operand === 'string' ? (normaliseColour(operand) ?? operand) : operand;
  },
});
