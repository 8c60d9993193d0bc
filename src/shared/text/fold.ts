import { FOLD_MAP } from './fold-table.ts';

export { FOLD_MAP } from './fold-table.ts';

/** `FOLD_MAP` by code unit for Latin-1 and Latin Extended-A, the hot part of the table. */
const FOLD_BY_UNIT: ReadonlyArray<string | undefined> = Array.from({ length: 0x180 }, (_, unit) =>
  FOLD_MAP.get(String.fromCharCode(unit)),
);
/** Combining diacritical marks, which the fallback strips after NFD. */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
/** Strings without it need nothing but `toLowerCase()` (the common case). */
const NON_ASCII = /[\u0080-\uffff]/;
const TOKEN_SEPARATORS = /[^\p{L}\p{N}]+/u;

/**
 * Characters outside the table: lowercase, decompose and drop the marks, then run the
 * result through the table once more (so e.g. ǽ → æ → ae).
 */
function foldOutsideTable(character: string): string {
  const stripped = character.toLowerCase().normalize('NFD').replace(COMBINING_MARKS, '');
  let folded = '';
  for (const part of stripped) folded += FOLD_MAP.get(part) ?? part;
  return folded;
}

/**
 * The one normalisation for the search index, search queries and case- and
 * accent-insensitive `contains` filters: lowercase without diacritics
 * (`Łódź` → `lodz`, `Straße` → `strasse`, `Ærø` → `aero`).
 *
 * PostgreSQL reproduces it with `foldToPostgresSql`; the two agree exactly for ASCII
 * and for every character in `FOLD_MAP`.
 */
export function foldText(input: string): string {
  if (!NON_ASCII.test(input)) return input.toLowerCase();
  // ASCII runs are lowercased in bulk; every other character goes through the table.
  let folded = '';
  let runStart = 0;
  let index = 0;
  while (index < input.length) {
    const unit = input.charCodeAt(index);
    if (unit < 0x80) {
      index++;
      continue;
    }
    const next = input.charCodeAt(index + 1);
    const width = unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    const character = input.slice(index, index + width);
    folded += input.slice(runStart, index).toLowerCase();
    folded +=
      (unit < FOLD_BY_UNIT.length ? FOLD_BY_UNIT[unit] : FOLD_MAP.get(character)) ??
      foldOutsideTable(character);
    index += width;
    runStart = index;
  }
  return folded + input.slice(runStart).toLowerCase();
}

/** Folds `input` and splits it into words: runs of letters and digits. */
export function searchTokens(input: string): string[] {
  return foldText(input)
    .split(TOKEN_SEPARATORS)
    .filter((token) => token.length > 0);
}

/** Entries of `FOLD_MAP` that fold one character into two (ß → ss), which `translate()` cannot do. */
export const MULTI_CHAR_FOLDS: ReadonlyArray<[string, string]> = [...FOLD_MAP].filter(
  ([, folded]) => folded.length > 1,
);

/**
 * Arguments for PostgreSQL `translate(x, from, to)` covering every one-to-one entry of
 * `FOLD_MAP`. Both cases are listed because `lower()` in a C.UTF-8 database only
 * lowercases ASCII.
 */
export function postgresTranslateArgs(): { from: string; to: string } {
  let from = '';
  let to = '';
  for (const [character, folded] of FOLD_MAP) {
    if (folded.length !== 1) continue;
    from += character;
    to += folded;
  }
  return { from, to };
}

function sqlLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Every combining mark the JavaScript fallback strips; `translate(x, marks, '')` deletes them. */
function combiningMarksString(): string {
  let marks = '';
  for (let codePoint = 0x300; codePoint <= 0x36f; codePoint++) marks += String.fromCodePoint(codePoint);
  return marks;
}

/**
 * Characters that make up most text once lowercased and that fold to themselves, listed first
 * in each `translate()`: PostgreSQL's translate() compares every character of the input with
 * the `from` list in order, so a lowercase letter outside the list walked all ~230 entries
 * (the bulk of kt_fold's ~70 µs a value). None of them is a key of `FOLD_MAP` (tested), so
 * listing them first changes no result.
 */
export const COMMON_UNCHANGED = " aeioznrwsctykdpmujlbghfqvx0123456789.@-,'_/&()+";

/**
 * `foldText` as a PostgreSQL expression over `columnSql`, ready to paste into a SQL
 * function body. It lowercases, expands the two-letter folds with `replace()`, maps the
 * rest with `translate()` and finally deletes stray combining marks (decomposed input),
 * as the JavaScript fallback does. Characters outside `FOLD_MAP` beyond ASCII depend on
 * the database's `lower()` and keep their accents, so they may differ from `foldText`.
 */
export function foldToPostgresSql(columnSql: string): string {
  let expression = `lower(${columnSql})`;
  for (const [character, folded] of MULTI_CHAR_FOLDS) {
    expression = `replace(${expression}, ${sqlLiteral(character)}, ${sqlLiteral(folded)})`;
  }
  const { from, to } = postgresTranslateArgs();
  const common = COMMON_UNCHANGED;
  expression = `translate(${expression}, ${sqlLiteral(common + from)}, ${sqlLiteral(common + to)})`;
  // Characters of `from` beyond the end of `to` are deleted: the combining marks.
  return `translate(${expression}, ${sqlLiteral(common + combiningMarksString())}, ${sqlLiteral(common)})`;
}

/**
 * The body of PostgreSQL's kt_fold: ASCII-only text (byte length equal to character length in
 * a UTF-8 database, which the function's own literals require) needs nothing but lowering, done
 * with the C collation so a Turkish locale's `lower('I') = 'ı'` cannot differ from the full
 * path (which maps ı back to i); anything else goes through `foldToPostgresSql`.
 */
export function foldFunctionBodyPostgres(columnSql: string): string {
  return `CASE WHEN octet_length(${columnSql}) = length(${columnSql}) THEN lower(${columnSql} COLLATE "C") ELSE ${foldToPostgresSql(columnSql)} END`;
}
