import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collationKey, compareForLocale, type SortLocale } from './collation-key.ts';

const LOCALES: readonly SortLocale[] = ['en', 'pl', 'hu'];

function sortByKey(names: readonly string[], locale: SortLocale): string[] {
  return [...names]
    .map((name) => ({ name, key: collationKey(name, locale) }))
    .sort((left, right) => (left.key < right.key ? -1 : left.key > right.key ? 1 : 0))
    .map(({ name }) => name);
}

function sortByIntl(names: readonly string[], locale: SortLocale): string[] {
  return [...names].sort(new Intl.Collator(locale).compare);
}

/** Names one per `|` or line, in no particular order, so a sort cannot pass by doing nothing. */
function names(text: string): string[] {
  return text
    .split(/[|\n]/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

const POLISH_NAMES = names(`
  Łukasiewicz | Lewandowski | Ślusarczyk | Kowalski | Kowalska | Nowak | Nowakowski | Wiśniewski | Wójcik
  Kamiński | Zieliński | Szymański | Woźniak | Dąbrowski | Dabrowski | Kozłowski | Jankowski | Mazur
  Kwiatkowski | Krawczyk | Pawłowski | Zając | Żak | Żurawski | Źrebiec | Ćwikła | Czarnecki | Łącki | Lis
  Sikora | Śliwa | Stępień | Ostrowski | Ołdak | Ćmielów S.A. | Budimex SA | Agora S.A. | Ąbek | CD Projekt
  Żabka Polska sp. z o.o. | Łańcut Sp. z o.o. | Zakłady Azotowe "Puławy" | Szabó
`);

const HUNGARIAN_NAMES = names(`
  Szabó | Csizmadia | Cserép | Nagy | Ördög | Őze | Kovács | Kiss | Kis | Zsigmond | Horváth | Tóth | Varga
  Molnár | Németh | Farkas | Balogh | Takács | Juhász | Mészáros | Oláh | Ónody | Rácz | Szilágyi | Sipos
  Simon | Török | Fehér | Szűcs | Kocsis | Cukor | Csaba | Dávid | Dzsudzsák | Dobos | Ungvári | Üveges
  Győri | Gyurcsány | Gulyás | Lengyel | Lukács | Nyitrai | Tyukodi | Zala Volán | Zsolnay | OTP Bank
  MOL Nyrt. | Hosszú | Łukasiewicz
`);

const ENGLISH_NAMES = names(`
  Smith | Johnson | Williams | O'Brien | OBrien | Brown | García | Garcia | Miller | Müller | Mueller
  Hernández | Hernandez | Wilson | Anderson | Taylor | Moore | Jackson | Lee | Lée | Thompson | White
  Harris | Clark | Lewis | Robinson | Walker | Young | Allen | King | de Gaulle | De Gaulle | Zoë Ltd
  Zoe Ltd | 3M | AT&T | Acme Inc. | Acme, Inc. | acme inc | Łukasiewicz | Lewandowski | Ślusarczyk
  Ærø Shipping | Straße AG | Strasse AG | Ørsted | Nagy
`);

describe('collationKey: Polish', () => {
  it('sorts each diacritic letter right after its base', () => {
    expect(compareForLocale('Łódź', 'Lublin', 'pl')).toBe(1);
    expect(compareForLocale('Ćma', 'Czarny', 'pl')).toBe(1);
    expect(compareForLocale('Żuraw', 'Zebra', 'pl')).toBe(1);
    expect(compareForLocale('Źródło', 'Żaba', 'pl')).toBe(-1);
    expect(compareForLocale('Ósemka', 'Ozon', 'pl')).toBe(1);
    expect(compareForLocale('Ąb', 'Az', 'pl')).toBe(1);
  });

  it('agrees with Intl.Collator on realistic names', () => {
    expect(sortByKey(POLISH_NAMES, 'pl')).toEqual(sortByIntl(POLISH_NAMES, 'pl'));
  });
});

describe('collationKey: Hungarian', () => {
  it('treats digraphs as letters and ö/ő, ü/ű as letters after o, u', () => {
    const expected = [
      'Cukor',
      'Csaba',
      'Dávid',
      'Ózd',
      'Ödön',
      'Őr',
      'Pécs',
      'Sopron',
      'Sziget',
      'Zala',
      'Zsolt',
    ];
    expect(sortByKey([...expected].reverse(), 'hu')).toEqual(expected);
    expect(compareForLocale('Sziget', 'Szeged', 'hu')).toBe(1);
    expect(compareForLocale('Dzsudzsák', 'Dzurák', 'hu')).toBe(1);
    expect(compareForLocale('Üveges', 'Uzsoki', 'hu')).toBe(1);
  });

  it('ranks á, é, í, ó, ú and ő, ű only at the accent level', () => {
    expect(compareForLocale('Ár', 'Ara', 'hu')).toBe(-1);
    expect(compareForLocale('Ár', 'Ar', 'hu')).toBe(1);
    expect(compareForLocale('Ős', 'Ösz', 'hu')).toBe(-1);
  });

  it('reads a doubled digraph as the digraph twice (Hosszú = h o sz sz ú)', () => {
    expect(compareForLocale('Hosszú', 'Hoszpodár', 'hu')).toBe(1);
    expect(compareForLocale('Hosszú', 'Hosszu', 'hu')).toBe(1);
  });

  it('agrees with Intl.Collator on realistic names', () => {
    expect(sortByKey(HUNGARIAN_NAMES, 'hu')).toEqual(sortByIntl(HUNGARIAN_NAMES, 'hu'));
  });
});

describe('collationKey: English', () => {
  it('ignores accents at the primary level and breaks ties with them', () => {
    expect(compareForLocale('Łukasiewicz', 'Lukas', 'en')).toBe(1);
    expect(compareForLocale('Łódź', 'Lublin', 'en')).toBe(-1);
    expect(compareForLocale('Garcia', 'García', 'en')).toBe(-1);
    expect(compareForLocale('García', 'Garcias', 'en')).toBe(-1);
  });

  it('agrees with Intl.Collator on realistic names', () => {
    expect(sortByKey(ENGLISH_NAMES, 'en')).toEqual(sortByIntl(ENGLISH_NAMES, 'en'));
  });
});

describe('collationKey: all locales', () => {
  it.each(LOCALES)('%s: sorts space and punctuation < digits < letters < other scripts', (locale) => {
    const expected = ['', ' ', '-', '.', '1', '9', 'a', 'A', 'á', 'b', 'z', 'Ω', '東'];
    expect(sortByKey([...expected].reverse(), locale)).toEqual(expected);
  });

  it.each(LOCALES)('%s: is case-insensitive first, then lowercase before uppercase', (locale) => {
    expect(sortByKey(['b', 'B', 'A', 'a', 'ab', 'Ab', 'aB'], locale)).toEqual([
      'a',
      'A',
      'ab',
      'aB',
      'Ab',
      'b',
      'B',
    ]);
  });

  it.each(LOCALES)('%s: sorts decomposed text like precomposed, without equal keys', (locale) => {
    const composed = 'Łódź Győr';
    const decomposed = composed.normalize('NFD');
    expect(compareForLocale(decomposed, 'Łódź Győs', locale)).toBe(-1);
    expect(compareForLocale(decomposed, 'Łódź Győq', locale)).toBe(1);
    expect(collationKey(decomposed, locale)).not.toBe(collationKey(composed, locale));
  });

  it.each(LOCALES)('%s: builds keys of U+0001–U+D7FF only (valid UTF-16, same order as UTF-8)', (locale) => {
    const inputs = [
      '',
      'a\u0000b',
      '\u0001',
      '\ud800',
      'x\udc00y',
      '😀',
      '\uffff',
      '\u00ad',
      'ﬁ',
      'Ω\u0301',
      '東京',
    ];
    for (const input of [...inputs, ...POLISH_NAMES, ...HUNGARIAN_NAMES]) {
      const units = [...collationKey(input, locale)].map((character) => character.charCodeAt(0));
      expect(units.filter((unit) => unit < 0x0001 || unit > 0xd7ff)).toEqual([]);
    }
  });

  it.each(LOCALES)('%s: keeps keys of plain names short', (locale) => {
    for (const name of [...POLISH_NAMES, ...HUNGARIAN_NAMES, ...ENGLISH_NAMES]) {
      expect(collationKey(name, locale).length).toBeLessThanOrEqual(2 * name.length + 3);
    }
  });

  it('handles long input', () => {
    const long = 'Łukasiewicz '.repeat(2000);
    expect(compareForLocale(long, `${long}a`, 'pl')).toBe(-1);
  });
});

/** Polish and Hungarian letters in both cases, ASCII letters, digits and space. */
const TEST_ALPHABET = [
  ...'aąábcćdeęéfghiíjklłmnńoóöőpqrsśtuúüűvwxyzźż',
  ...'AĄÁBCĆDEĘÉFGHIÍJKLŁMNŃOÓÖŐPQRSŚTUÚÜŰVWXYZŹŻ',
  ...'0123456789 ',
];
/** Letters that make Hungarian digraphs (cs, dzs, ccs, ssz…) likely in short random strings. */
const DIGRAPH_ALPHABET = [...'cdgylnstzCDGYLNSTZśŚaáöő '];

const randomText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...TEST_ALPHABET), maxLength: 8 }),
  fc.string({ unit: fc.constantFrom(...DIGRAPH_ALPHABET), maxLength: 8 }),
);

describe('collationKey properties', () => {
  it.each(LOCALES)('%s: orders like Intl.Collator at base sensitivity', (locale) => {
    const collator = new Intl.Collator(locale, { sensitivity: 'base' });
    fc.assert(
      fc.property(randomText, randomText, (left, right) => {
        const intlOrder = Math.sign(collator.compare(left, right));
        if (intlOrder !== 0) expect(compareForLocale(left, right, locale)).toBe(intlOrder);
      }),
      { numRuns: 3000 },
    );
  });

  // Keys are compared as strings, so their order is total as soon as different strings
  // never share a key.
  it.each(LOCALES)('%s: gives different strings different keys', (locale) => {
    // Characters that weigh alike (ß/ss, ĳ/ij, composed/decomposed, ignorables) on purpose.
    const tricky = [
      ...'ßsSæaeĳijIJcsCS ',
      '\u0301',
      '\u00ad',
      '\u00a0',
      'ó',
      'ö',
      'ő',
      'ŉ',
      'ʼ',
      'n',
      '\u0000',
    ];
    const trickyText = fc.string({ unit: fc.constantFrom(...tricky), maxLength: 6 });
    fc.assert(
      fc.property(trickyText, trickyText, (left, right) => {
        expect(collationKey(left, locale) === collationKey(right, locale)).toBe(left === right);
      }),
      { numRuns: 3000 },
    );
  });
});
