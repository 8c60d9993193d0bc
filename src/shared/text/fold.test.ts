import { describe, expect, it } from 'vitest';
import {
  COMMON_UNCHANGED,
  FOLD_MAP,
  foldFunctionBodyPostgres,
  foldText,
  foldToPostgresSql,
  MULTI_CHAR_FOLDS,
  postgresTranslateArgs,
  searchTokens,
} from './fold.ts';

/** Letters of Latin-1 Supplement and Latin Extended-A (all of U+00C0–U+017F but × and ÷). */
const LATIN_LETTERS = Array.from({ length: 0x180 - 0xc0 }, (_, offset) =>
  String.fromCharCode(0xc0 + offset),
).filter((character) => character !== '×' && character !== '÷');

/** PostgreSQL `translate()`: characters of `from` without a counterpart in `to` are deleted. */
function translate(text: string, from: string, to: string): string {
  const fromCharacters = [...from];
  const toCharacters = [...to];
  let result = '';
  for (const character of text) {
    const position = fromCharacters.indexOf(character);
    if (position < 0) result += character;
    else result += toCharacters[position] ?? '';
  }
  return result;
}

/** `lower()` in a C.UTF-8 database, at worst: ASCII only. */
function lowerAsciiOnly(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/**
 * Evaluates the SQL produced by `foldToPostgresSql` (calls of lower, replace and
 * translate over string literals and one column), which also proves its quoting right.
 */
function evaluateFoldSql(sql: string, column: string, value: string): string {
  let position = 0;
  const skipSpaces = () => {
    while (sql[position] === ' ') position++;
  };
  const expect = (token: string) => {
    skipSpaces();
    if (!sql.startsWith(token, position)) throw new Error(`expected ${token} at ${position}`);
    position += token.length;
  };
  const parse = (): string => {
    skipSpaces();
    if (sql[position] === "'") {
      let literal = '';
      position++;
      for (;;) {
        if (sql[position] === "'" && sql[position + 1] === "'") {
          literal += "'";
          position += 2;
        } else if (sql[position] === "'") {
          position++;
          return literal;
        } else if (position >= sql.length) {
          throw new Error('unterminated literal');
        } else {
          literal += sql[position++];
        }
      }
    }
    if (sql.startsWith(column, position)) {
      position += column.length;
      return value;
    }
    const name = /^[a-z]+/.exec(sql.slice(position))?.[0] ?? '';
    position += name.length;
    expect('(');
    const args = [parse()];
    for (skipSpaces(); sql[position] === ','; skipSpaces()) {
      position++;
      args.push(parse());
    }
    expect(')');
    const [first = '', second = '', third = ''] = args;
    if (name === 'lower' && args.length === 1) return lowerAsciiOnly(first);
    if (name === 'replace' && args.length === 3) return first.replaceAll(second, third);
    if (name === 'translate' && args.length === 3) return translate(first, second, third);
    throw new Error(`unexpected function ${name}/${args.length}`);
  };
  const result = parse();
  skipSpaces();
  if (position !== sql.length) throw new Error(`trailing SQL at ${position}`);
  return result;
}

describe('foldText', () => {
  it.each([
    ['Łódź', 'lodz'],
    ['Győr', 'gyor'],
    ['Kraków', 'krakow'],
    ['ŐSZ', 'osz'],
    ['Straße', 'strasse'],
    ['Ærø', 'aero'],
    ['ŒUVRE', 'oeuvre'],
    ['Đặng', 'dang'],
    ['Þórsson', 'thorsson'],
    ['Ħamrun', 'hamrun'],
    ['ıIİ', 'iii'],
    ['ŀŁłðÐØ', 'lllddo'],
    ['Ĳssel', 'ijssel'],
    ['Ștefan Țiriac', 'stefan tiriac'],
  ])('folds %s to %s', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it('lowercases ASCII and keeps digits and punctuation', () => {
    expect(foldText('ACME Sp. z o.o. #12')).toBe('acme sp. z o.o. #12');
    expect(foldText('')).toBe('');
  });

  it('folds decomposed input like precomposed input', () => {
    const composed = 'Łódź Kraków Győr';
    expect(foldText(composed.normalize('NFD'))).toBe(foldText(composed));
  });

  it('falls back to lowercase and NFD for characters outside the table', () => {
    expect(foldText('Ǽ')).toBe('ae');
    expect(foldText('Nguyễn')).toBe('nguyen');
    expect(foldText('МОСКВА')).toBe('москва');
    expect(foldText('Ёлка')).toBe('елка');
    expect(foldText('東京 😀')).toBe('東京 😀');
    expect(foldText('a\ud800B\udc00Ł')).toBe('a\ud800b\udc00l');
  });

  it('is idempotent', () => {
    for (const character of LATIN_LETTERS) expect(foldText(foldText(character))).toBe(foldText(character));
  });
});

describe('FOLD_MAP', () => {
  it('covers uppercase ASCII and every letter of U+00C0–U+017F with lowercase ASCII', () => {
    for (const letter of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', ...LATIN_LETTERS]) {
      expect(FOLD_MAP.get(letter), letter).toMatch(/^[a-z]{1,2}$/);
    }
  });

  it('agrees with NFD for every letter NFD decomposes', () => {
    for (const letter of LATIN_LETTERS) {
      const stripped = letter.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      if (stripped.length === 1 && stripped !== letter)
        expect(FOLD_MAP.get(letter), letter).toBe(stripped.toLowerCase());
    }
  });
});

describe('PostgreSQL translation', () => {
  it('gives translate() arguments of equal length without repeats', () => {
    const { from, to } = postgresTranslateArgs();
    expect([...from].length).toBe([...to].length);
    expect(new Set(from).size).toBe([...from].length);
    expect(from).toContain('Ł');
    expect(from).toContain('Ő');
  });

  it('lists the two-letter folds separately', () => {
    expect(new Map(MULTI_CHAR_FOLDS)).toEqual(
      new Map([
        ['Æ', 'ae'],
        ['æ', 'ae'],
        ['Ĳ', 'ij'],
        ['ĳ', 'ij'],
        ['Œ', 'oe'],
        ['œ', 'oe'],
        ['ß', 'ss'],
        ['ẞ', 'ss'],
        ['Þ', 'th'],
        ['þ', 'th'],
      ]),
    );
    const { from } = postgresTranslateArgs();
    for (const [character] of MULTI_CHAR_FOLDS) expect(from).not.toContain(character);
  });

  it('matches foldText for every character up to U+017F', () => {
    const { from, to } = postgresTranslateArgs();
    for (let codePoint = 0; codePoint <= 0x17f; codePoint++) {
      const character = String.fromCharCode(codePoint);
      let folded = lowerAsciiOnly(character);
      for (const [source, target] of MULTI_CHAR_FOLDS) folded = folded.replaceAll(source, target);
      expect(translate(folded, from, to), character).toBe(foldText(character));
    }
  });

  it('builds a SQL expression that folds like foldText', () => {
    const sql = foldToPostgresSql('t.name');
    expect(sql).toContain('lower(t.name)');
    for (const text of [
      'Łódź',
      'ŐSZ Győr',
      'Straße',
      'Ærø',
      "O'Brien & Søn",
      'Zoe\u0308 Lo\u0301dz',
      'ACME 12',
    ]) {
      expect(evaluateFoldSql(sql, 't.name', text), text).toBe(foldText(text));
    }
  });
});

describe('searchTokens', () => {
  it('folds and splits on anything but letters and digits', () => {
    expect(searchTokens('Łódź, ul. Piotrkowska 12/3 — Kraków!')).toEqual([
      'lodz',
      'ul',
      'piotrkowska',
      '12',
      '3',
      'krakow',
    ]);
    expect(searchTokens("O'Brien-Smith")).toEqual(['o', 'brien', 'smith']);
    expect(searchTokens('Straße 東京')).toEqual(['strasse', '東京']);
  });

  it('returns no tokens for blank or punctuation-only input', () => {
    expect(searchTokens('')).toEqual([]);
    expect(searchTokens('  -- ,. ')).toEqual([]);
  });
});

describe('kt_fold on PostgreSQL', () => {
  it('lists only characters that fold to themselves ahead of the translate tables', () => {
    for (const character of COMMON_UNCHANGED) {
      expect(FOLD_MAP.has(character), character).toBe(false);
      expect(foldText(character), character).toBe(character);
    }
    expect(new Set(COMMON_UNCHANGED).size).toBe(COMMON_UNCHANGED.length);
  });

  it('lowers ASCII-only text with the C collation and folds the rest in full', () => {
    const body = foldFunctionBodyPostgres('value');
    expect(body).toContain('THEN lower(value COLLATE "C")');
    expect(body).toContain(`ELSE ${foldToPostgresSql('value')} END`);
  });
});
