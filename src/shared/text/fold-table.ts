/**
 * The explicit folding table behind `foldText`.
 *
 * It is spelled out character by character (instead of relying on `normalize('NFD')`)
 * because PostgreSQL has to reproduce the very same function with `translate()` and
 * `replace()`, and because NFD leaves letters such as ł, ø, đ, ß, æ untouched.
 *
 * Coverage: uppercase ASCII, every letter of Latin-1 Supplement and Latin Extended-A
 * (U+00C0–U+017F, i.e. all but × and ÷), plus a few neighbours seen in European names:
 * capital sharp s ẞ and the Romanian comma-below letters Ș ș Ț ț.
 *
 * Each row reads: every character of the first string folds to the second string.
 */
const FOLD_GROUPS: ReadonlyArray<readonly [string, string]> = [
  ['AÀÁÂÃÄÅàáâãäåĀāĂăĄą', 'a'],
  ['Ææ', 'ae'],
  ['B', 'b'],
  ['CÇçĆćĈĉĊċČč', 'c'],
  ['DÐðĎďĐđ', 'd'],
  ['EÈÉÊËèéêëĒēĔĕĖėĘęĚě', 'e'],
  ['F', 'f'],
  ['GĜĝĞğĠġĢģ', 'g'],
  ['HĤĥĦħ', 'h'],
  ['IÌÍÎÏìíîïĨĩĪīĬĭĮįİı', 'i'],
  ['Ĳĳ', 'ij'],
  ['JĴĵ', 'j'],
  // ĸ (kra) is a Greenlandic k.
  ['KĶķĸ', 'k'],
  ['LĹĺĻļĽľĿŀŁł', 'l'],
  ['M', 'm'],
  // ŉ is the obsolete Afrikaans 'n; the apostrophe is dropped like any other punctuation.
  ['NÑñŃńŅņŇňŉŊŋ', 'n'],
  ['OÒÓÔÕÖØòóôõöøŌōŎŏŐő', 'o'],
  ['Œœ', 'oe'],
  ['P', 'p'],
  ['Q', 'q'],
  ['RŔŕŖŗŘř', 'r'],
  ['SŚśŜŝŞşŠšſȘș', 's'],
  ['ßẞ', 'ss'],
  ['TŢţŤťŦŧȚț', 't'],
  ['Þþ', 'th'],
  ['UÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų', 'u'],
  ['V', 'v'],
  ['WŴŵ', 'w'],
  ['X', 'x'],
  ['YÝýÿŶŷŸ', 'y'],
  ['ZŹźŻżŽž', 'z'],
];

function buildFoldMap(): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const [letters, folded] of FOLD_GROUPS) {
    for (const letter of letters) {
      if (map.has(letter)) throw new Error(`fold table lists ${letter} twice`);
      map.set(letter, folded);
    }
  }
  return map;
}

/** Character → its folded lowercase form (one or two characters). */
export const FOLD_MAP: ReadonlyMap<string, string> = buildFoldMap();
