import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIELD_TYPES, operatorsFor } from '../../../shared/field-types/index.ts';
import type { FieldMeta, FieldType, Locale } from '../../../shared/metadata/types.ts';
import { makeFormatters } from '../../ui/formatters.ts';
import { viewerCountry } from './base.ts';
import { decimalOperand } from './decimal.ts';
import { FIELD_TYPE_FACTS, fieldText } from './facts.ts';
import type { TextContext } from './module-facts.ts';
import { majorText, minorUnits } from './money.ts';

/*
 * The React-free half of the web field types. The views (`<type>.tsx`) cannot be imported here:
 * this file is type-checked with the server's tsconfig, which has no JSX; their registry is a
 * `Record<FieldType, WebFieldType>`, so the web type check fails on a missing one.
 */

const HERE = import.meta.dirname;
const ROOT = path.resolve(HERE, '../../../..');
const i18n = i18next.createInstance();
const t: Record<Locale, TFunction> = {} as Record<Locale, TFunction>;

beforeAll(async () => {
  const read = (locale: Locale, namespace: string) =>
    JSON.parse(readFileSync(path.join(ROOT, 'locales', locale, `${namespace}.json`), 'utf8')) as object;
  const resources = Object.fromEntries(
    (['en', 'pl', 'hu'] as const).map((locale) => [
      locale,
      { common: read(locale, 'common'), records: read(locale, 'records') },
    ]),
  );
  await i18n.init({ resources, lng: 'en', interpolation: { escapeValue: false } });
  for (const locale of ['en', 'pl', 'hu'] as const) t[locale] = i18n.getFixedT(locale);
});

function field(type: FieldType, extra: Partial<FieldMeta> = {}): FieldMeta {
  const labels = { en: type, pl: type, hu: type };
  return {
    key: type,
    type,
    labels,
    required: false,
    readOnly: false,
    system: false,
    sortable: true,
    filterable: true,
    ...extra,
  };
}

function context(locale: Locale, extra: Partial<TextContext> = {}): TextContext {
  return { locale, t: t[locale], format: makeFormatters(locale, 'Europe/Warsaw'), ...extra };
}

/** Intl separates groups and currency with no-break spaces; the tests read them as spaces. */
function text(type: FieldType, value: unknown, ctx: TextContext, extra: Partial<FieldMeta> = {}): string {
  return fieldText(field(type, extra), value, ctx).replace(/[\u00a0\u202f]/g, ' ');
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

describe('the registry', () => {
  it('has every field type, each with its React-free half and its module', () => {
    expect(Object.keys(FIELD_TYPE_FACTS).sort()).toEqual([...FIELD_TYPES].sort());
    const registry = readFileSync(path.join(HERE, 'registry.ts'), 'utf8');
    for (const type of FIELD_TYPES) {
      expect(existsSync(path.join(HERE, `${kebab(type)}.ts`)), type).toBe(true);
      expect(existsSync(path.join(HERE, `${kebab(type)}.tsx`)), type).toBe(true);
      expect(registry, type).toContain(`import { ${type} } from './${kebab(type)}.tsx';`);
    }
  });

  it('starts a filter with an operator the type offers', () => {
    for (const type of FIELD_TYPES) {
      expect(operatorsFor(type), type).toContain(FIELD_TYPE_FACTS[type].defaultOperator);
    }
  });
});

describe('money', () => {
  const big = { amount: 900_719_925_474_099, currency: 'PLN' };

  it('shows big amounts exactly, in each language', () => {
    expect(text('money', big, context('en'))).toBe('PLN 9,007,199,254,740.99');
    expect(text('money', big, context('pl'))).toBe('9 007 199 254 740,99 zł');
    expect(text('money', big, context('hu'))).toBe('9 007 199 254 740,99 PLN');
    expect(text('money', { amount: -5, currency: 'EUR' }, context('pl'))).toBe('-0,05 €');
    expect(text('money', { amount: 1234, currency: 'JPY' }, context('en'))).toBe('¥1,234');
  });

  it('converts typed amounts to minor units and back without a float', () => {
    expect(minorUnits('9007199254740.99', 'PLN')).toBe(900_719_925_474_099);
    expect(majorText(900_719_925_474_099, 'PLN')).toBe('9007199254740.99');
    expect(minorUnits('0.1', 'PLN')).toBe(10);
    expect(minorUnits('12.345', 'PLN')).toBeNull();
    expect(minorUnits('90071992547409.92', 'PLN')).toBeNull();
    expect(majorText(-5, 'PLN')).toBe('-0.05');
    expect(majorText(1234, 'JPY')).toBe('1234');
    expect(minorUnits('1234', 'JPY')).toBe(1234);
  });

  it('words bounds and currencies for people', () => {
    const money = field('money', { min: 100 });
    expect(FIELD_TYPE_FACTS.money.issueMessage?.('too_small', money, t.en)).toBe('At least 1.00 PLN.');
    expect(FIELD_TYPE_FACTS.money.issueMessage?.('currency', money, t.pl)).toBe('Wybierz walutę z listy.');
  });
});

describe('the other new types', () => {
  it('percent', () => {
    expect(text('percent', 12.5, context('en'))).toBe('12.5%');
    expect(text('percent', 12.5, context('pl'))).toBe('12,5%');
    expect(text('percent', 0.05, context('hu'))).toBe('0,05%');
  });

  it("decimal: every stored decimal shown in the reader's separators, more refused", () => {
    expect(text('decimal', 4.251234, context('pl'), { scale: 6 })).toBe('4,251234');
    expect(text('decimal', 1234.5, context('en'), { scale: 3 })).toBe('1,234.5');
    expect(decimalOperand('2,125', { scale: 3 })).toBe(2.125);
    expect(decimalOperand('2.1255', { scale: 3 })).toBeNull();
    expect(decimalOperand('abc', { scale: 3 })).toBeNull();
    const quantity = field('decimal', { scale: 3 });
    expect(FIELD_TYPE_FACTS.decimal.issueMessage?.('type', quantity, t.hu)).toBe(
      'Adjon meg egy számot legfeljebb 3 tizedesjeggyel.',
    );
  });

  it('tax ids: NIP, adószám, and the national number by the record’s country', () => {
    expect(text('taxId', '1234563218', context('en'), { variant: 'nip' })).toBe('123-456-32-18');
    expect(text('taxId', '1234563218', context('en'), { variant: 'krs' })).toBe('1234563218');
    const national = { variant: 'national', countryField: 'country' };
    expect(text('taxId', '12345676123', context('hu', { record: { country: 'HU' } }), national)).toBe(
      '12345676-1-23',
    );
    expect(text('taxId', '1234563218', context('pl', { record: { country: 'PL' } }), national)).toBe(
      '123-456-32-18',
    );
    expect(text('taxId', '1234563218', context('pl', { record: { country: 'DE' } }), national)).toBe(
      '1234563218',
    );
    // A history entry has no record: the digits tell.
    expect(text('taxId', '1234563218', context('pl'), national)).toBe('123-456-32-18');
    expect(FIELD_TYPE_FACTS.taxId.issueMessage?.('format', field('taxId', { variant: 'nip' }), t.pl)).toBe(
      'Podaj prawidłowy NIP: 10 cyfr, np. 123-456-32-18.',
    );
  });

  it('iban in groups of four', () => {
    expect(text('iban', 'PL61109010140000071219812874', context('en'))).toBe(
      'PL61 1090 1014 0000 0712 1981 2874',
    );
  });

  it('country by its name in the UI language', () => {
    expect(text('country', 'HU', context('pl'))).toBe('Węgry');
    expect(text('country', 'PL', context('hu'))).toBe('Lengyelország');
    expect(text('country', 'DE', context('en'))).toBe('Germany');
  });

  it('rating, postal code and phone', () => {
    expect(text('rating', 4, context('pl'), { max: 5 })).toBe('4 z 5');
    expect(text('postalCode', '00-950', context('pl'))).toBe('00-950');
    expect(text('phone', '+48601234567', context('pl', { country: 'PL' }))).toBe('601 234 567');
    expect(text('phone', '+48601234567', context('hu', { country: 'HU' }))).toBe('+48 601 234 567');
  });
  it('colour as its hex, its format issue worded in each language', () => {
    expect(text('colour', '#3f51b5', context('en'))).toBe('#3f51b5');
    const colour = field('colour');
    expect(FIELD_TYPE_FACTS.colour.issueMessage?.('format', colour, t.en)).toBe(
      'Enter a colour as #rrggbb or #rgb, e.g. #3f51b5.',
    );
    expect(FIELD_TYPE_FACTS.colour.issueMessage?.('format', colour, t.pl)).toMatch(/^Podaj kolor/);
    expect(FIELD_TYPE_FACTS.colour.issueMessage?.('format', colour, t.hu)).toMatch(/^Adjon meg egy színt/);
  });

  it('rich text as its words: blocks on their own lines, entities decoded, old plain notes as they are', () => {
    const html =
      '<h3>Plan</h3><p>Call <strong>Anna</strong> &amp; <a href="https://x.example">Ben</a></p><ul><li>one</li><li>two</li></ul>';
    expect(text('richText', html, context('en'))).toBe('Plan\nCall Anna & Ben\none\ntwo');
    expect(text('richText', 'a < b &amp; c', context('en'))).toBe('a < b &amp; c');
  });
});

describe('the old types read as before', () => {
  it('words, numbers, dates and references', () => {
    expect(text('boolean', true, context('hu'))).toBe('Igen');
    expect(text('boolean', false, context('pl'))).toBe('Nie');
    expect(text('integer', 1234567, context('en'))).toBe('1,234,567');
    expect(text('date', '2026-03-01', context('en'))).toBe('Mar 1, 2026');
    expect(text('text', '', context('en'))).toBe('');
    const titles = context('en', { title: (id) => (id === 1 ? 'Acme' : undefined) });
    expect(text('multiRelation', [1, 2], titles)).toBe('Acme, #2');
  });

  it('knows the reader’s country from their language tag', () => {
    expect(viewerCountry('en-GB')).toBe('GB');
    expect(viewerCountry('pl')).toBe('PL');
    expect(viewerCountry('en')).toBeUndefined();
  });
});
