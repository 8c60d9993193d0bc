import type { SortLocale } from './collation-key.ts';
import {
  COMMON_SECONDARY,
  type CollationEntry,
  CURRENCY_BASE,
  CURRENCY_ORDER,
  concatEntries,
  DIGIT_BASE,
  ENGLISH_ALPHABET,
  encodeCodePoint,
  HUNGARIAN_ALPHABET,
  HUNGARIAN_DIGRAPHS,
  HUNGARIAN_SPELLINGS,
  isVariant,
  LETTER_BASE,
  OTHER_CURRENCY_LEAD,
  OTHER_LETTER_LEAD,
  OTHER_NUMBER_LEAD,
  OTHER_SYMBOL_LEAD,
  POLISH_ALPHABET,
  PUNCTUATION_BASE,
  PUNCTUATION_ORDER,
  ROOT_SPELLINGS,
  type Spelling,
  simpleEntry,
  TERTIARY_LOWER,
  TERTIARY_LOWER_VARIANT,
  TERTIARY_TITLE,
  TERTIARY_TITLE_VARIANT,
  TERTIARY_UPPER,
  TERTIARY_UPPER_VARIANT,
  uppercased,
  variant,
  withAccent,
} from './collation-weights.ts';

/** Weights ready for the hot loop: code-unit arrays instead of strings. */
export interface RuntimeEntry {
  readonly primary: readonly number[];
  readonly secondary: readonly number[];
  readonly tertiary: readonly number[];
  /**
   * False when another string could get the very same weights (ignorables, lone marks,
   * compatibility variants, anything beyond the table); such keys end with the original
   * text so that different strings never share a key.
   */
  readonly exact: boolean;
}

/** Trie of contractions (Hungarian cs, dzs, ccs…) below one first code unit. */
export interface ContractionNode {
  /** The contraction ending here and its length in code units, if any. */
  readonly entry: RuntimeEntry | null;
  readonly length: number;
  readonly next: Map<number, ContractionNode>;
}

export interface LocaleTable {
  /**
   * Code units below TABLE_SIZE that make one exact element with at most one accent:
   * their primary weight (0 when the unit needs `tableEntries`), accent (0 for none)
   * and tertiary weight. This covers nearly every character of real names.
   */
  readonly simplePrimary: Uint16Array;
  readonly simpleAccent: Uint16Array;
  readonly simpleTertiary: Uint16Array;
  readonly tableEntries: readonly RuntimeEntry[];
  /** Contraction tries by first code unit below TABLE_SIZE; all null outside Hungarian. */
  readonly contractions: ReadonlyArray<ContractionNode | null>;
  /** Weights of a code point beyond the table, computed once and cached. */
  entryFor(codePoint: number): RuntimeEntry;
}

/** Latin-1 and Latin Extended-A, where practically all names live, are looked up directly. */
export const TABLE_SIZE = 0x180;
/** Bounds memory when someone sorts a whole dictionary of CJK text. */
const MAX_CACHED_ENTRIES = 20_000;

const COMBINING_MARK = /^\p{M}$/u;
const CONTROL_OR_FORMAT = /^[\p{Cc}\p{Cf}]$/u;
const LETTER = /^\p{L}$/u;
const NUMBER = /^\p{N}$/u;
const SPACE_SEPARATOR = /^\p{Z}$/u;
const CURRENCY_SIGN = /^\p{Sc}$/u;
const IGNORABLE: CollationEntry = { primary: '', secondary: '', tertiary: '' };
const SPACE_PRIMARY = String.fromCharCode(PUNCTUATION_BASE + PUNCTUATION_ORDER.indexOf(' '));

function unitsOf(text: string): number[] {
  return Array.from({ length: text.length }, (_, index) => text.charCodeAt(index));
}

function toRuntime(entry: CollationEntry, exact: boolean): RuntimeEntry {
  return {
    primary: unitsOf(entry.primary),
    secondary: unitsOf(entry.secondary),
    tertiary: unitsOf(entry.tertiary),
    exact,
  };
}

/** Weights of one character (a code point) per the locale's alphabet and ICU root rules. */
function entryComputer(alphabet: string, spellings: Readonly<Record<string, Spelling>>) {
  const letterPrimary = new Map(
    alphabet.split(' ').map((letter, rank) => [letter, String.fromCharCode(LETTER_BASE + rank)]),
  );
  const entryOfText = (text: string): CollationEntry => concatEntries([...text].map(computeEntry));

  function computeEntry(character: string): CollationEntry {
    const codePoint = character.codePointAt(0) ?? 0;
    const punctuationRank = codePoint < TABLE_SIZE ? PUNCTUATION_ORDER.indexOf(character) : -1;
    if (punctuationRank >= 0) return simpleEntry(String.fromCharCode(PUNCTUATION_BASE + punctuationRank));
    const currencyRank = codePoint < TABLE_SIZE ? CURRENCY_ORDER.indexOf(character) : -1;
    if (currencyRank >= 0) return simpleEntry(String.fromCharCode(CURRENCY_BASE + currencyRank));
    if (codePoint >= 0x30 && codePoint <= 0x39)
      return simpleEntry(String.fromCharCode(DIGIT_BASE + codePoint - 0x30));
    const letter = letterPrimary.get(character);
    if (letter !== undefined) return simpleEntry(letter);
    const lowercase = character.toLowerCase();
    // Lowercase first (ICU): an uppercase letter is its lowercase one with a higher tertiary weight.
    if (lowercase !== character && [...lowercase].length === 1) return uppercased(computeEntry(lowercase));
    const spelling = spellings[character];
    if (spelling !== undefined) {
      return concatEntries(spelling.map(([base, accent]) => withAccent(entryOfText(base), accent)));
    }
    if (COMBINING_MARK.test(character)) return withAccent(IGNORABLE, character);
    const decomposed = character.normalize('NFKD');
    if (decomposed !== character) {
      // Canonical decompositions (é = e + ◌́) weigh as their parts; compatibility ones
      // (ĳ, ª, ½, NBSP, ﬁ) too, but as tertiary variants, like ICU.
      const parts = entryOfText(decomposed);
      return character.normalize('NFD') === decomposed ? parts : variant(parts);
    }
    if (CONTROL_OR_FORMAT.test(character)) return IGNORABLE;
    if (SPACE_SEPARATOR.test(character)) return variant(simpleEntry(SPACE_PRIMARY));
    const lead = LETTER.test(character)
      ? OTHER_LETTER_LEAD
      : NUMBER.test(character)
        ? OTHER_NUMBER_LEAD
        : CURRENCY_SIGN.test(character)
          ? OTHER_CURRENCY_LEAD
          : OTHER_SYMBOL_LEAD;
    return simpleEntry(String.fromCharCode(lead) + encodeCodePoint(codePoint));
  }

  return { computeEntry, letterPrimary };
}

/** Whether the weights of `character` belong to it alone (see RuntimeEntry.exact). */
function isExact(character: string, entry: CollationEntry): boolean {
  return entry.primary.length > 0 && !isVariant(entry) && !COMBINING_MARK.test(character);
}

function buildLocaleTable(
  alphabet: string,
  spellings: Readonly<Record<string, Spelling>>,
  digraphs: readonly string[],
): LocaleTable {
  const { computeEntry, letterPrimary } = entryComputer(alphabet, spellings);
  const simplePrimary = new Uint16Array(TABLE_SIZE);
  const simpleAccent = new Uint16Array(TABLE_SIZE);
  const simpleTertiary = new Uint16Array(TABLE_SIZE);
  const tableEntries: RuntimeEntry[] = [];
  for (let unit = 0; unit < TABLE_SIZE; unit++) {
    const character = String.fromCharCode(unit);
    const entry = computeEntry(character);
    const exact = isExact(character, entry);
    tableEntries.push(toRuntime(entry, exact));
    const isSimple =
      exact && entry.primary.length === 1 && entry.tertiary.length === 1 && entry.secondary.length <= 2;
    if (!isSimple) continue;
    simplePrimary[unit] = entry.primary.charCodeAt(0);
    simpleAccent[unit] = entry.secondary.length === 2 ? entry.secondary.charCodeAt(1) : 0;
    simpleTertiary[unit] = entry.tertiary.charCodeAt(0);
  }

  const cache = new Map<number, RuntimeEntry>();
  function entryFor(codePoint: number): RuntimeEntry {
    const cached = cache.get(codePoint);
    if (cached !== undefined) return cached;
    // Beyond the table lowercasing is not one-to-one (K KELVIN SIGN → k), so never exact.
    const entry = toRuntime(computeEntry(String.fromCodePoint(codePoint)), false);
    if (cache.size >= MAX_CACHED_ENTRIES) cache.clear();
    cache.set(codePoint, entry);
    return entry;
  }

  const contractions = buildContractionTries(hungarianContractions(digraphs, letterPrimary));
  return { simplePrimary, simpleAccent, simpleTertiary, tableEntries, contractions, entryFor };
}

/** ICU contracts a digraph only written all-lowercase, capitalised or all-uppercase. */
function caseForms(lowercase: string): Array<[string, 'lower' | 'title' | 'upper']> {
  const title = lowercase.charAt(0).toUpperCase() + lowercase.slice(1);
  return [
    [lowercase, 'lower'],
    [title, 'title'],
    [lowercase.toUpperCase(), 'upper'],
  ];
}

const TERTIARY_BY_CASE = { lower: TERTIARY_LOWER, title: TERTIARY_TITLE, upper: TERTIARY_UPPER };
const VARIANT_TERTIARY_BY_CASE = {
  lower: TERTIARY_LOWER_VARIANT,
  title: TERTIARY_TITLE_VARIANT,
  upper: TERTIARY_UPPER_VARIANT,
};

function hungarianContractions(
  digraphs: readonly string[],
  letterPrimary: ReadonlyMap<string, string>,
): Map<string, CollationEntry> {
  const contractions = new Map<string, CollationEntry>();
  for (const digraph of digraphs) {
    const primary = letterPrimary.get(digraph);
    if (primary === undefined) throw new Error(`digraph ${digraph} is missing from the alphabet`);
    for (const [text, letterCase] of caseForms(digraph)) {
      const tertiary = String.fromCharCode(TERTIARY_BY_CASE[letterCase]);
      contractions.set(text, { primary, secondary: COMMON_SECONDARY, tertiary });
    }
    // CLDR: a doubled digraph (ccs, ssz, ddzs) is the digraph twice, the first a tertiary variant.
    for (const [text, letterCase] of caseForms(digraph.charAt(0) + digraph)) {
      const tertiary = String.fromCharCode(
        VARIANT_TERTIARY_BY_CASE[letterCase],
        letterCase === 'upper' ? TERTIARY_UPPER : TERTIARY_LOWER,
      );
      contractions.set(text, { primary: primary + primary, secondary: COMMON_SECONDARY.repeat(2), tertiary });
    }
  }
  addAccentedEndings(contractions);
  return contractions;
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, offset) => start + offset);
}

/**
 * ICU matches contractions on canonically decomposed text, so "cś" is the letter cs plus
 * an acute (c + s + ◌́). Register every contraction with an accented last letter too.
 */
function addAccentedEndings(contractions: Map<string, CollationEntry>): void {
  // Latin-1 Supplement to Latin Extended-B, then Latin Extended Additional (Vietnamese…).
  const accentedLetters = [...range(0xc0, 0x250), ...range(0x1e00, 0x1f00)].map((unit) =>
    String.fromCharCode(unit),
  );
  for (const [text, entry] of [...contractions]) {
    const lastLetter = text.charAt(text.length - 1);
    for (const accented of accentedLetters) {
      const [base, ...marks] = accented.normalize('NFD');
      if (base !== lastLetter || marks.length === 0) continue;
      const withMarks = marks.reduce((accentedEntry, mark) => withAccent(accentedEntry, mark), entry);
      contractions.set(text.slice(0, -1) + accented, withMarks);
    }
  }
}

function buildContractionTries(contractions: ReadonlyMap<string, CollationEntry>) {
  interface MutableNode {
    entry: RuntimeEntry | null;
    length: number;
    next: Map<number, MutableNode>;
  }
  // Filled to full length: reading past the end of a JavaScript array is slow.
  const roots: Array<MutableNode | null> = Array.from({ length: TABLE_SIZE }, () => null);
  for (const [text, entry] of contractions) {
    const firstUnit = text.charCodeAt(0);
    let node = roots[firstUnit] ?? { entry: null, length: 1, next: new Map() };
    roots[firstUnit] = node;
    for (let index = 1; index < text.length; index++) {
      const unit = text.charCodeAt(index);
      const child = node.next.get(unit) ?? { entry: null, length: index + 1, next: new Map() };
      node.next.set(unit, child);
      node = child;
    }
    node.entry = toRuntime(entry, true);
  }
  return roots satisfies ReadonlyArray<ContractionNode | null>;
}

export const LOCALE_TABLES: Readonly<Record<SortLocale, LocaleTable>> = {
  en: buildLocaleTable(ENGLISH_ALPHABET, ROOT_SPELLINGS, []),
  pl: buildLocaleTable(POLISH_ALPHABET, ROOT_SPELLINGS, []),
  hu: buildLocaleTable(HUNGARIAN_ALPHABET, HUNGARIAN_SPELLINGS, HUNGARIAN_DIGRAPHS),
};

export {
  COMMON_RUN_TOP,
  LEVEL_SEPARATOR,
  MAX_COMMON_RUN,
  SECONDARY_COMMON,
  TERTIARY_LOWER,
} from './collation-weights.ts';
