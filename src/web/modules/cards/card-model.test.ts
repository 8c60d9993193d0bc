import { readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FieldMeta, FieldType, ObjectMeta } from '../../../shared/metadata/types.ts';
import type { RecordData } from '../../app/api-types.ts';
import type { TextContext } from '../../records/field-types/module-facts.ts';
import { makeFormatters } from '../../ui/formatters.ts';
import { type CompanyContacts, companyCard, personCard } from './card-model.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
let t: TFunction;

beforeAll(async () => {
  const read = (namespace: string) =>
    JSON.parse(readFileSync(path.join(ROOT, 'locales/pl', `${namespace}.json`), 'utf8')) as object;
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { pl: { cards: read('cards'), records: read('records'), common: read('common') } },
    lng: 'pl',
    interpolation: { escapeValue: false },
  });
  t = i18n.getFixedT('pl');
});

function field(key: string, type: FieldType, label: string, extra: Partial<FieldMeta> = {}): FieldMeta {
  return {
    key,
    type,
    labels: { en: label, pl: label, hu: label },
    required: false,
    readOnly: false,
    system: false,
    sortable: true,
    filterable: true,
    ...extra,
  };
}

function object(key: string, fields: FieldMeta[]): ObjectMeta {
  const labels = { en: key, pl: key, hu: key };
  return {
    key,
    labels: { one: labels, many: labels },
    icon: 'x',
    titleFields: [],
    searchable: false,
    defaultSort: [],
    fields,
  };
}

const company = object('company', [
  field('name', 'text', 'Nazwa'),
  field('short_name', 'text', 'Nazwa skrócona'),
  field('tax_id', 'taxId', 'NIP', { variant: 'national', countryField: 'country' }),
  field('regon', 'taxId', 'REGON', { variant: 'regon' }),
  field('street', 'text', 'Ulica'),
  field('postal_code', 'postalCode', 'Kod pocztowy', { countryField: 'country' }),
  field('city', 'text', 'Miejscowość'),
  field('country', 'country', 'Kraj'),
  field('phone', 'phone', 'Telefon', { countryField: 'country' }),
  field('email', 'email', 'E-mail'),
  field('website', 'url', 'Strona WWW'),
  field('account_manager', 'relation', 'Opiekun', { target: 'employee' }),
]);
const companyPhone = object('company_phone', [
  field('phone', 'phone', 'Telefon'),
  field('kind', 'select', 'Rodzaj', { target: 'dictionary_value' }),
]);
const person = object('person', [
  field('first_name', 'text', 'Imię'),
  field('last_name', 'text', 'Nazwisko'),
  field('company', 'relation', 'Firma', { target: 'company' }),
  field('position', 'text', 'Stanowisko'),
  field('phone', 'phone', 'Telefon'),
  field('mobile', 'phone', 'Komórka'),
  field('email', 'email', 'E-mail'),
]);

const context = (): TextContext => ({
  locale: 'pl',
  t,
  format: makeFormatters('pl-PL', 'Europe/Warsaw'),
  country: 'PL',
});
const SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>';

describe('business cards', () => {
  it('show a company with formatted tax ids, address, phones in national format, e-mail, web and owner', () => {
    const record: RecordData = {
      id: 7,
      version: 1,
      name: 'Kowalski i Wspólnicy Sp. z o.o.',
      short_name: 'Kowalski',
      tax_id: '1234563218',
      regon: '123456785',
      street: 'ul. Piotrkowska 12',
      postal_code: '90-001',
      city: 'Łódź',
      country: 'PL',
      phone: '+48221234567',
      email: 'biuro@kowalski.pl',
      website: 'https://kowalski.pl',
      account_manager: 3,
      _expanded: { account_manager: { id: 3, title: 'Anna Nowak' } },
    };
    const contacts: CompanyContacts = {
      phones: {
        meta: companyPhone,
        rows: [
          {
            id: 1,
            version: 1,
            phone: '+48601234567',
            kind: 9,
            _expanded: { kind: { id: 9, title: 'Księgowość' } },
          },
        ],
      },
      emails: null,
    };
    const card = companyCard(company, record, contacts, context());
    expect(card.title).toBe('Kowalski i Wspólnicy Sp. z o.o.');
    expect(card.subtitle).toBe('Kowalski');
    expect(
      card.lines.map((line) => [line.label, line.text.replace(/\u00a0/g, ' '), line.href ?? null]),
    ).toEqual([
      ['NIP', '123-456-32-18', null],
      ['REGON', '123456785', null],
      ['Adres', 'ul. Piotrkowska 12\n90-001 Łódź\nPolska', null],
      ['Telefon', '22 123 45 67', 'tel:+48221234567'],
      ['Księgowość', '601 234 567', 'tel:+48601234567'],
      ['E-mail', 'biuro@kowalski.pl', 'mailto:biuro@kowalski.pl'],
      ['Strona WWW', 'https://kowalski.pl', 'https://kowalski.pl'],
      ['Opiekun', 'Anna Nowak', null],
    ]);
  });

  it('keep markup and script as the text it is, and make no link of a javascript: address', () => {
    const card = companyCard(
      company,
      { id: 8, version: 1, name: SCRIPT, city: SCRIPT, website: 'javascript:alert(1)' },
      { phones: null, emails: null },
      context(),
    );
    expect(card.title).toBe(SCRIPT);
    expect(card.lines.find((line) => line.key === 'address')?.text).toBe(SCRIPT);
    const web = card.lines.find((line) => line.key === 'website');
    expect(web).toEqual({ key: 'website', label: 'Strona WWW', text: 'javascript:alert(1)' });
  });

  it('show a person with position, company, phones and e-mail', () => {
    const card = personCard(
      person,
      {
        id: 5,
        version: 1,
        first_name: 'Łucja',
        last_name: 'Źdźbło',
        position: 'Główna księgowa',
        company: 7,
        mobile: '+36301234567',
        email: 'lucja@example.pl',
        _expanded: { company: { id: 7, title: 'Győri Kft.' } },
      },
      context(),
    );
    expect(card.title).toBe('Łucja Źdźbło');
    expect(card.subtitle).toBe('Główna księgowa');
    expect(card.lines.map((line) => [line.label, line.text])).toEqual([
      ['Firma', 'Győri Kft.'],
      ['Komórka', '+36 30 123 4567'],
      ['E-mail', 'lucja@example.pl'],
    ]);
  });

  it('name a person family name first where the language reads it so (Hungarian)', () => {
    const meta = { ...person, titleOrder: { hu: ['last_name', 'first_name'] } };
    const record: RecordData = { id: 6, version: 1, first_name: 'Nikolett', last_name: 'Kozma' };
    expect(personCard(meta, record, { ...context(), locale: 'hu' }).title).toBe('Kozma Nikolett');
    expect(personCard(meta, record, context()).title).toBe('Nikolett Kozma');
  });
});
