/**
 * Weights and alphabets behind `collationKey`, modelled on ICU/CLDR (root, pl and hu
 * tailorings) so keys built in JavaScript sort like PostgreSQL's ICU collations.
 *
 * A key holds three levels, each a run of UTF-16 code units compared in binary:
 * primary (letters), secondary (accents), tertiary (case). Every weight is ≥ 2 and below
 * the surrogate range: U+0000 is not allowed and U+0001 separates the levels, so a key
 * whose level ends first sorts first. All weights are fixed here, never derived from the
 * running engine's Intl, because keys are stored in indexes.
 */

/** Weights of one character or contraction, as code-unit strings. */
export interface CollationEntry {
  readonly primary: string;
  readonly secondary: string;
  readonly tertiary: string;
}

export const LEVEL_SEPARATOR = 0x0001;

/**
 * Secondary and tertiary levels are mostly the default weight (no accent, lowercase), so a
 * run of k defaults followed by another weight is written as one unit, COMMON_RUN_TOP − (k − 1),
 * and trailing defaults are dropped. Longer runs get smaller units, just as a default
 * sorts before any other weight, so the order is kept; all other weights of these levels
 * lie above COMMON_RUN_TOP. Runs longer than MAX_COMMON_RUN repeat its unit.
 */
export const COMMON_RUN_TOP = 0x003f;
export const MAX_COMMON_RUN = COMMON_RUN_TOP - 1;

// --- Primary: whitespace, punctuation < symbols < currency < digits < letters < other scripts. ---

/**
 * Whitespace, punctuation and symbols of ASCII and Latin-1, in ICU root order (each its
 * own primary weight); the no-break space is a variant of the space, via NFKD.
 */
export const PUNCTUATION_ORDER = '\t\n\u000b\f\r _-,;:!¡?¿.·\'"«»()[]{}§¶@*/\\&#%`´^¯¨¸°©®+±÷×<=>¬|¦~';
export const PUNCTUATION_BASE = 0x0010;
/** ICU puts currency signs after all other symbols. */
export const CURRENCY_ORDER = '¤¢$£¥';
export const CURRENCY_BASE = 0x0061;
export const DIGIT_BASE = 0x0070;
export const LETTER_BASE = 0x0100;
/**
 * Leads of three-unit weights for characters outside the tables: the lead places the
 * class, the next two units the code point (see encodeCodePoint). No one-unit weight
 * equals a lead, so comparisons never mix the two shapes up.
 */
export const OTHER_SYMBOL_LEAD = 0x0060;
export const OTHER_CURRENCY_LEAD = 0x0066;
export const OTHER_NUMBER_LEAD = 0x007a;
export const OTHER_LETTER_LEAD = 0x0300;

/** A code point as two units in U+0100–U+053F, so three-unit weights compare by code point. */
export function encodeCodePoint(codePoint: number): string {
  return String.fromCharCode(0x0100 + (codePoint >> 10), 0x0100 + (codePoint & 0x3ff));
}

// --- Secondary: no accent < accents in ICU root order. ---

export const SECONDARY_COMMON = 0x0002;
/**
 * Combining marks in the order ICU ranks them, interleaved with pseudo-accents for letters
 * that carry their diacritic inside (ø, ł, ð, ŀ, ſ) or are ligatures (æ, œ, ß).
 */
const ACCENT_ORDER: readonly string[] = [
  '\u0301', // acute
  '\u0300', // grave
  '\u0306', // breve
  '\u0302', // circumflex
  '\u030c', // caron
  '\u030a', // ring
  '\u0308', // diaeresis
  '\u030b', // double acute
  '\u0303', // tilde
  '\u0307', // dot above
  'slash',
  '\u0327', // cedilla
  '\u0328', // ogonek
  '\u0304', // macron
  'stroke',
  'eth',
  'middle-dot',
  'long-s',
  'ligature',
];
const ACCENT_BASE = 0x0040;
const OTHER_MARK_BASE = 0x0100;

export function accentWeight(accent: string): string {
  const rank = ACCENT_ORDER.indexOf(accent);
  if (rank >= 0) return String.fromCharCode(ACCENT_BASE + rank);
  // Marks that never occur in Latin-1/Extended-A letters: after the known ones, by code point.
  return String.fromCharCode(OTHER_MARK_BASE + ((accent.codePointAt(0) ?? 0) & 0x3fff));
}

// --- Tertiary: lowercase first, like ICU; variants are ligatures, ª, NBSP, doubled digraphs. ---

export const TERTIARY_LOWER = 0x0002;
export const TERTIARY_LOWER_VARIANT = 0x0040;
export const TERTIARY_TITLE = 0x0041;
export const TERTIARY_TITLE_VARIANT = 0x0042;
export const TERTIARY_UPPER = 0x0043;
export const TERTIARY_UPPER_VARIANT = 0x0044;

function mapTertiary(entry: CollationEntry, mapping: ReadonlyMap<number, number>): CollationEntry {
  let tertiary = '';
  for (let index = 0; index < entry.tertiary.length; index++) {
    const weight = entry.tertiary.charCodeAt(index);
    tertiary += String.fromCharCode(mapping.get(weight) ?? weight);
  }
  return { ...entry, tertiary };
}

const TO_UPPER = new Map([
  [TERTIARY_LOWER, TERTIARY_UPPER],
  [TERTIARY_LOWER_VARIANT, TERTIARY_UPPER_VARIANT],
]);
const TO_VARIANT = new Map([
  [TERTIARY_LOWER, TERTIARY_LOWER_VARIANT],
  [TERTIARY_UPPER, TERTIARY_UPPER_VARIANT],
]);

export function uppercased(entry: CollationEntry): CollationEntry {
  return mapTertiary(entry, TO_UPPER);
}

export function variant(entry: CollationEntry): CollationEntry {
  return mapTertiary(entry, TO_VARIANT);
}

export function isVariant(entry: CollationEntry): boolean {
  for (let index = 0; index < entry.tertiary.length; index++) {
    const weight = entry.tertiary.charCodeAt(index);
    if (weight === TERTIARY_LOWER_VARIANT || weight === TERTIARY_UPPER_VARIANT) return true;
  }
  return false;
}

// --- Building entries. ---

export const COMMON_SECONDARY = String.fromCharCode(SECONDARY_COMMON);

/** One collation element: a primary weight (one or three units), no accent, lowercase. */
export function simpleEntry(primary: string): CollationEntry {
  return { primary, secondary: COMMON_SECONDARY, tertiary: String.fromCharCode(TERTIARY_LOWER) };
}

export function withAccent(entry: CollationEntry, accent: string | null): CollationEntry {
  return accent === null ? entry : { ...entry, secondary: entry.secondary + accentWeight(accent) };
}

export function concatEntries(entries: readonly CollationEntry[]): CollationEntry {
  return {
    primary: entries.map((entry) => entry.primary).join(''),
    secondary: entries.map((entry) => entry.secondary).join(''),
    tertiary: entries.map((entry) => entry.tertiary).join(''),
  };
}

// --- Alphabets. Other Latin letters are a base letter plus accents. ---

/** ICU root: a few Latin letters are letters of their own, not accented variants. */
export const ENGLISH_ALPHABET = 'a b c d e f g h i ı j k l m n ŋ o p q ĸ r s t ŧ u v w x y z þ';
/** Polish: each diacritic letter sorts right after its base. */
export const POLISH_ALPHABET =
  'a ą b c ć d e ę f g h i ı j k l ł m n ń ŋ o ó p q ĸ r s ś t ŧ u v w x y z ź ż þ';
/** Hungarian: digraphs are letters; á é í ó ú and ő ű are only accented (secondary) forms. */
export const HUNGARIAN_ALPHABET =
  'a b c cs d dz dzs e f g gy h i ı j k l ly m n ny ŋ o ö p q ĸ r s sz t ty ŧ u ü v w x y z zs þ';
export const HUNGARIAN_DIGRAPHS: readonly string[] = ['cs', 'dz', 'dzs', 'gy', 'ly', 'ny', 'sz', 'ty', 'zs'];

/** How a letter without a canonical decomposition is spelled: [base letter, accent][]. */
export type Spelling = ReadonlyArray<readonly [string, string | null]>;

export const ROOT_SPELLINGS: Readonly<Record<string, Spelling>> = {
  ł: [['l', 'stroke']],
  ø: [['o', 'slash']],
  đ: [['d', 'stroke']],
  ð: [['d', 'eth']],
  ħ: [['h', 'stroke']],
  ŀ: [['l', 'middle-dot']],
  ſ: [['s', 'long-s']],
  æ: [
    ['a', 'ligature'],
    ['e', 'ligature'],
  ],
  œ: [
    ['o', 'ligature'],
    ['e', 'ligature'],
  ],
  ß: [
    ['s', 'ligature'],
    ['s', 'ligature'],
  ],
  // U+02BC is a modifier letter, so ICU sorts ŉ after z; so does this.
  ŉ: [
    ['ʼ', null],
    ['n', null],
  ],
};

/** Hungarian ő and ű are accented forms of the letters ö and ü, not of o and u. */
export const HUNGARIAN_SPELLINGS: Readonly<Record<string, Spelling>> = {
  ...ROOT_SPELLINGS,
  ő: [['ö', '\u030b']],
  ű: [['ü', '\u030b']],
};
