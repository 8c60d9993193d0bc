/*
 * Codes of dictionary values and the picker's search. Pure, so they are tested without a browser.
 */

/** The server keeps codes up to this long (dictionary_value.code). */
export const MAX_CODE_LENGTH = 50;
/** What a code an administrator types may contain: existing codes include `A`, `B`, `C`. */
const CODE_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Letters that Unicode does not decompose into a base letter and a mark (ł is not l + stroke). */
const UNDECOMPOSED: Record<string, string> = { ł: 'l', ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ı: 'i' };

/** Lower case without accents: "Łódź" → "lodz", "Győr" → "gyor". */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łßæœøđı]/g, (letter) => UNDECOMPOSED[letter] ?? letter);
}

/**
 * Whether a value's label matches what was typed in a picker: accent-insensitive, so "lodz"
 * finds "Łódź" — people type without Polish or Hungarian letters on a foreign keyboard.
 */
export function matchesSearch(label: string, search: string): boolean {
  const wanted = fold(search.trim());
  return wanted === '' || fold(label).includes(wanted);
}

/**
 * A code for a value created from its label: lower-case ASCII letters, digits and underscores,
 * unique among `taken` (a suffix `_2`, `_3`… when the plain one is used).
 */
export function codeFromText(text: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base =
    trimUnderscores(
      fold(text)
        .replace(/[^a-z0-9]+/g, '_')
        .slice(0, MAX_CODE_LENGTH),
    ) || 'value';
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = `${trimUnderscores(base.slice(0, MAX_CODE_LENGTH - suffix.length))}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}

function trimUnderscores(text: string): string {
  return text.replace(/^_+|_+$/g, '');
}

export type CodeProblem = 'required' | 'tooLong' | 'format' | 'taken';

/** What is wrong with a code an administrator typed for a new value, or null. */
export function codeProblem(code: string, taken: Iterable<string>): CodeProblem | null {
  if (code === '') return 'required';
  if (code.length > MAX_CODE_LENGTH) return 'tooLong';
  if (!CODE_PATTERN.test(code)) return 'format';
  return new Set(taken).has(code) ? 'taken' : null;
}
