import { searchTokens } from './fold.ts';

/**
 * Names reduced to what tells two companies or people apart, for duplicate look-ups: folded
 * (case and accents: `Łódź` = `lodz`), without punctuation and spacing, and for companies
 * without their legal form, so "Kowalski Sp. z o.o." and "KOWALSKI spółka z ograniczoną
 * odpowiedzialnością" get the same key. Keys are stored in an indexed column (`name_key`), so
 * a look-up among a million records is one index probe.
 *
 * Migration 2026_11_27_0007 holds a frozen copy of these functions to fill the column for
 * existing rows; a change here needs a migration that recomputes the keys.
 */

/**
 * Legal forms and company states, as the letters and digits they fold to (punctuation and
 * spaces gone, so `Sp. z o.o.`, `sp.z o.o.` and `spzoo` are all `spzoo`).
 */
export const LEGAL_FORMS: ReadonlySet<string> = new Set([
  // Poland
  'spzoo',
  'spolkazograniczonaodpowiedzialnoscia',
  'sa',
  'spolkaakcyjna',
  'psa',
  'prostaspolkaakcyjna',
  'spj',
  'sj',
  'spolkajawna',
  'spk',
  'spolkakomandytowa',
  'ska',
  'spka',
  'spolkakomandytowoakcyjna',
  'spp',
  'spolkapartnerska',
  'sc',
  'spolkacywilna',
  'wlikwidacji',
  'wupadlosci',
  // Hungary
  'kft',
  'korlatoltfelelossegutarsasag',
  'zrt',
  'zartkoruenmukodoreszvenytarsasag',
  'nyrt',
  'nyilvanosanmukodoreszvenytarsasag',
  'rt',
  'reszvenytarsasag',
  'bt',
  'betetitarsasag',
  'kkt',
  'kozkeresetitarsasag',
  'ev',
  'egyenivallalkozo',
  'kht',
  'nonprofit',
  'va',
  'vegelszamolasalatt',
  'fa',
  'felszamolasalatt',
  // English-speaking countries
  'ltd',
  'limited',
  'llc',
  'llp',
  'lp',
  'plc',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'pty',
  'inliquidation',
  // German-speaking countries
  'gmbh',
  'ag',
  'kg',
  'kgaa',
  'ohg',
  'gbr',
  'ug',
  // e.V. is listed with Hungary's e.v.
  // Elsewhere in Europe
  'se',
  'sas',
  'sasu',
  'sarl',
  'snc',
  'sca',
  'srl',
  'sl',
  'spa',
  'sro',
  'spol',
  'as',
  'doo',
  'dd',
  'bv',
  'nv',
  'ab',
  'oy',
  'oyj',
  'aps',
]);

/** Words joining a name to a legal form ("Kowalski i S-ka", "Smith & Co" keeps no `&`). */
const CONNECTORS: ReadonlySet<string> = new Set(['i', 'es', 'and', 'und', 'et']);

/** A legal form spans at most this many words ("spółka z ograniczoną odpowiedzialnością": 4; "s p z o o": 5). */
const LONGEST_FORM_WORDS = 6;
const MAX_KEY_LENGTH = 200;

/** The number of trailing words that spell a legal form, or 0. */
function legalFormTail(words: string[]): number {
  const longest = Math.min(LONGEST_FORM_WORDS, words.length - 1);
  for (let count = longest; count >= 1; count--) {
    if (LEGAL_FORMS.has(words.slice(words.length - count).join(''))) return count;
  }
  return 0;
}

/** The words of a name without the legal forms (and states) at its end; never all of them. */
export function withoutLegalForm(words: string[]): string[] {
  const kept = [...words];
  let stripped = legalFormTail(kept);
  while (stripped > 0) {
    kept.splice(kept.length - stripped, stripped);
    while (kept.length > 1 && CONNECTORS.has(kept.at(-1) ?? '')) kept.pop();
    stripped = legalFormTail(kept);
  }
  return kept;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A company's name key: folded words without the legal form, run together; null for no name. */
export function companyNameKey(name: unknown): string | null {
  const words = withoutLegalForm(searchTokens(text(name)));
  const key = words.join('').slice(0, MAX_KEY_LENGTH);
  return key === '' ? null : key;
}

/**
 * A person's name key: first and last name folded, in either order ("Nagy István" typed the
 * Hungarian way round is the same person as "István Nagy"); null when both are empty.
 */
export function personNameKey(firstName: unknown, lastName: unknown): string | null {
  const parts = [firstName, lastName]
    .map((part) => searchTokens(text(part)).join(''))
    .filter((part) => part !== '')
    .sort();
  const key = parts.join(' ').slice(0, MAX_KEY_LENGTH);
  return key === '' ? null : key;
}
