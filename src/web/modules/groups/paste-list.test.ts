import { describe, expect, it } from 'vitest';
import { identifierKey, lookupKeys, matchPasted, parsePastedList } from './paste-list.ts';

const texts = (text: string, kind: 'taxId' | 'email') => parsePastedList(text, kind).map((item) => item.text);
const keys = (text: string, kind: 'taxId' | 'email') => parsePastedList(text, kind).map((item) => item.key);

describe('parsePastedList: tax ids', () => {
  it('splits on lines, commas, semicolons, tabs and spaces', () => {
    expect(keys('5260250250\n7792299210, 1234563218;9512345678\t1111111111 2222222222', 'taxId')).toEqual([
      '5260250250',
      '7792299210',
      '1234563218',
      '9512345678',
      '1111111111',
      '2222222222',
    ]);
  });

  it('drops separators inside a number, so a NIP written with dashes finds the stored digits', () => {
    expect(parsePastedList('526-025-02-50\r\n12345678-1-12', 'taxId')).toEqual([
      { text: '526-025-02-50', key: '5260250250' },
      { text: '12345678-1-12', key: '12345678112' },
    ]);
  });

  it('keeps a number written in groups with spaces as one, and two whole numbers apart', () => {
    expect(keys('526 025 02 50', 'taxId')).toEqual(['5260250250']);
    expect(keys('526 02 50 250 779 229 92 10', 'taxId')).toEqual(['5260250250', '7792299210']);
    expect(keys('5260250250 7792299210', 'taxId')).toEqual(['5260250250', '7792299210']);
  });

  it('joins a country prefix to its number and drops words without digits', () => {
    expect(keys('NIP: 526-025-02-50; VAT PL 7792299210; hu12345678', 'taxId')).toEqual([
      '5260250250',
      'PL7792299210',
      'HU12345678',
    ]);
  });

  it('strips quotes and brackets a spreadsheet or a mail adds, and lists each number once', () => {
    expect(texts('"5260250250"\n(526-025-02-50)\n5260250250\n\n  ,;', 'taxId')).toEqual(['5260250250']);
  });
});

describe('parsePastedList: e-mails', () => {
  it('splits on any separator and compares case aside', () => {
    expect(
      keys('Anna@Example.com, jan@example.com; ANNA@example.com\npiotr@example.pl kasia@example.hu', 'email'),
    ).toEqual(['anna@example.com', 'jan@example.com', 'piotr@example.pl', 'kasia@example.hu']);
  });

  it('keeps only the address of a "Name <address>" line, and reports lines without one as they are', () => {
    expect(
      texts('Jan Kowalski <jan@example.com>; "Anna Nowak" <anna@example.com>\nnot-an-address', 'email'),
    ).toEqual(['jan@example.com', 'anna@example.com', 'not-an-address']);
  });

  it('reads nothing from an empty paste', () => {
    expect(parsePastedList('  \n\t ', 'email')).toEqual([]);
  });
});

describe('identifier keys', () => {
  it('looks a VAT number up also without its prefix, a plain number only as it is', () => {
    expect(lookupKeys('taxId', 'PL5260250250')).toEqual(['PL5260250250', '5260250250']);
    expect(lookupKeys('taxId', '5260250250')).toEqual(['5260250250']);
    expect(lookupKeys('email', 'pl12345678@example.com')).toEqual(['pl12345678@example.com']);
    expect(identifierKey('taxId', '12345678-1-12')).toBe('12345678112');
  });
});

describe('matchPasted', () => {
  const companies = [
    { id: 1, tax_id: '5260250250' },
    { id: 2, tax_id: '7792299210' },
    // Two branches registered under one number.
    { id: 3, tax_id: '1234563218' },
    { id: 4, tax_id: '123-456-32-18' },
    { id: 5, tax_id: null },
  ];

  it('finds each record once, in the order pasted, and says what was not found', () => {
    const pasted = parsePastedList('7792299210\nPL5260250250\n000-000-00-00\n779-229-92-10', 'taxId');
    const result = matchPasted('taxId', pasted, companies, (company) => company.tax_id);
    expect(result.found.map((company) => company.id)).toEqual([2, 1]);
    expect(result.notFound).toEqual(['000-000-00-00']);
    expect(result.ambiguous).toEqual([]);
  });

  it('adds every record that shares a number, and names that number', () => {
    const result = matchPasted('taxId', parsePastedList('1234563218', 'taxId'), companies, (c) => c.tax_id);
    expect(result.found.map((company) => company.id)).toEqual([3, 4]);
    expect(result.ambiguous).toEqual(['1234563218']);
  });

  it('matches e-mails case aside', () => {
    const people = [
      { id: 7, email: 'Jan.Kowalski@Example.com' },
      { id: 8, email: 'anna@example.com' },
    ];
    const result = matchPasted(
      'email',
      parsePastedList('jan.kowalski@example.com, nobody@example.com', 'email'),
      people,
      (person) => person.email,
    );
    expect(result.found.map((person) => person.id)).toEqual([7]);
    expect(result.notFound).toEqual(['nobody@example.com']);
  });
});
