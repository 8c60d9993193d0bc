import {
  COMMON_RUN_TOP,
  type ContractionNode,
  LEVEL_SEPARATOR,
  LOCALE_TABLES,
  MAX_COMMON_RUN,
  type RuntimeEntry,
  SECONDARY_COMMON,
  TABLE_SIZE,
  TERTIARY_LOWER,
} from './collation-table.ts';

/** Languages whose alphabetical order the application can sort by. */
export type SortLocale = 'en' | 'pl' | 'hu';

/** Decomposed input (o + ◌́) is composed first, so it sorts like the precomposed letter. */
const COMBINING_MARK = /[\u0300-\u036f]/;
/** `String.fromCharCode.apply` takes arguments on the stack; stay well below its limit. */
const MAX_UNITS_PER_CALL = 8192;

/** Longest contraction starting at `start`, whose first code unit led to `root`. */
function longestContraction(root: ContractionNode, text: string, start: number): ContractionNode | null {
  let node = root;
  let longest: ContractionNode | null = null;
  for (let index = start + 1; index < text.length; index++) {
    const next = node.next.get(text.charCodeAt(index));
    if (next === undefined) break;
    node = next;
    if (node.entry !== null) longest = node;
  }
  return longest;
}

/**
 * Weights are written into these arrays, reused across calls (collationKey never
 * re-enters), so the hot loop allocates nothing but the key itself.
 */
const primaryScratch: number[] = [];
const secondaryScratch: number[] = [];
const tertiaryScratch: number[] = [];

/**
 * Appends `weights[0..length)` to `target` with runs of the default weight compressed
 * (see COMMON_RUN_TOP); returns the new length of `target`.
 */
function appendCompressed(
  target: number[],
  targetLength: number,
  weights: readonly number[],
  length: number,
  common: number,
): number {
  let written = targetLength;
  let run = 0;
  for (let index = 0; index < length; index++) {
    const weight = weights[index] ?? common;
    if (weight === common) {
      run++;
      continue;
    }
    for (; run > MAX_COMMON_RUN; run -= MAX_COMMON_RUN)
      target[written++] = COMMON_RUN_TOP - (MAX_COMMON_RUN - 1);
    if (run > 0) target[written++] = COMMON_RUN_TOP - (run - 1);
    run = 0;
    target[written++] = weight;
  }
  return written;
}

/** After an unusually long input, lets the scratch arrays shrink back. */
function releaseScratch(): void {
  primaryScratch.length = 0;
  secondaryScratch.length = 0;
  tertiaryScratch.length = 0;
}

function unitsToString(units: number[], length: number): string {
  if (length <= MAX_UNITS_PER_CALL) {
    units.length = length;
    return String.fromCharCode.apply(null, units);
  }
  let text = '';
  for (let start = 0; start < length; start += MAX_UNITS_PER_CALL) {
    text += String.fromCharCode.apply(null, units.slice(start, Math.min(length, start + MAX_UNITS_PER_CALL)));
  }
  return text;
}

/** Whether `input` has code units the tiebreak does not carry verbatim (see encodeOriginal). */
function needsEscaping(input: string): boolean {
  for (let index = 0; index < input.length; index++) {
    const unit = input.charCodeAt(index);
    if (unit <= 1 || unit >= 0xd800) return true;
  }
  return false;
}

/**
 * The original text as the last tiebreak. U+0000, U+0001 and every code unit from
 * U+D800 up become U+0001 plus a tag (one-to-one, and valid UTF-16 even for lone
 * surrogates). Keeping all units below U+D800 also makes UTF-16 order equal to UTF-8
 * byte order, so SQLite's BINARY collation (memcmp on UTF-8) sorts keys like `<` here.
 */
function encodeOriginal(input: string): string {
  if (!needsEscaping(input)) return input;
  let encoded = '';
  for (let index = 0; index < input.length; index++) {
    const unit = input.charCodeAt(index);
    if (unit === 0) encoded += '\u0001\u0002';
    else if (unit === 1) encoded += '\u0001\u0003';
    else if (unit >= 0xd800) {
      const offset = unit - 0xd800;
      encoded += `\u0001${String.fromCharCode(0x0100 + (offset >> 7), 0x0100 + (offset & 0x7f))}`;
    } else encoded += input.charAt(index);
  }
  return encoded;
}

/**
 * A string whose binary (code unit) order is the reader's alphabetical order in `locale`,
 * so a database can index it and compare it with `<`. It follows ICU/CLDR: letters first
 * (ignoring case, and accents unless the alphabet has the letter, like Polish ł or
 * Hungarian ö), then accents, then case (lowercase first), then the original text.
 *
 * Layout: primary, U+0001, secondary, U+0001, tertiary (runs of default weights
 * compressed), and, only when other strings could weigh the same, U+0001 and the original
 * text. Names take 1–2 code units per character; every unit lies in U+0001–U+D7FF, so the
 * key is valid UTF-16 without U+0000 and sorts the same as UTF-8 bytes.
 */
export function collationKey(input: string, locale: SortLocale): string {
  const { simplePrimary, simpleAccent, simpleTertiary, tableEntries, contractions, entryFor } =
    LOCALE_TABLES[locale];
  const text = COMBINING_MARK.test(input) ? input.normalize('NFC') : input;
  // Composing changed the text, so its precomposed twin gets the same weights.
  let exact = text === input;
  const primary = primaryScratch;
  const secondary = secondaryScratch;
  const tertiary = tertiaryScratch;
  let primaryLength = 0;
  let secondaryLength = 0;
  let tertiaryLength = 0;
  let index = 0;
  while (index < text.length) {
    const unit = text.charCodeAt(index);
    let entry: RuntimeEntry;
    if (unit < TABLE_SIZE) {
      const root = contractions[unit] ?? null;
      const contraction = root === null ? null : longestContraction(root, text, index);
      if (contraction?.entry) {
        entry = contraction.entry;
        index += contraction.length;
      } else {
        const weight = simplePrimary[unit] ?? 0;
        if (weight !== 0) {
          primary[primaryLength++] = weight;
          secondary[secondaryLength++] = SECONDARY_COMMON;
          const accent = simpleAccent[unit] ?? 0;
          if (accent !== 0) secondary[secondaryLength++] = accent;
          tertiary[tertiaryLength++] = simpleTertiary[unit] ?? TERTIARY_LOWER;
          index++;
          continue;
        }
        entry = tableEntries[unit] ?? entryFor(unit);
        index++;
      }
    } else {
      const codePoint = text.codePointAt(index) ?? unit;
      entry = entryFor(codePoint);
      index += codePoint > 0xffff ? 2 : 1;
    }
    for (const weight of entry.primary) primary[primaryLength++] = weight;
    for (const weight of entry.secondary) secondary[secondaryLength++] = weight;
    for (const weight of entry.tertiary) tertiary[tertiaryLength++] = weight;
    if (!entry.exact) exact = false;
  }
  primary[primaryLength++] = LEVEL_SEPARATOR;
  primaryLength = appendCompressed(primary, primaryLength, secondary, secondaryLength, SECONDARY_COMMON);
  primary[primaryLength++] = LEVEL_SEPARATOR;
  primaryLength = appendCompressed(primary, primaryLength, tertiary, tertiaryLength, TERTIARY_LOWER);
  const key = unitsToString(primary, primaryLength);
  if (text.length > MAX_UNITS_PER_CALL) releaseScratch();
  return exact ? key : `${key}\u0001${encodeOriginal(input)}`;
}

/** Compares two strings as their collation keys do (for in-memory sorting and tests). */
export function compareForLocale(left: string, right: string, locale: SortLocale): number {
  const leftKey = collationKey(left, locale);
  const rightKey = collationKey(right, locale);
  return leftKey < rightKey ? -1 : leftKey > rightKey ? 1 : 0;
}
