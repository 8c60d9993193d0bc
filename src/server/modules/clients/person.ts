import { guessNameDay } from '../../../shared/name-days/index.ts';
import { personNameKey } from '../../../shared/text/name-key.ts';
import { defineObject, field, labels as L } from '../../metadata/define-object.ts';
import { followEmployment } from './employment.ts';

/** A company's representative (contact person); also listed globally. */
export const person = defineObject({
  key: 'person',
  labels: { one: L('Person', 'Osoba', 'Személy'), many: L('People', 'Osoby', 'Személyek') },
  icon: 'user',
  // A representative belongs to whoever looks after their company.
  owner: 'company.account_manager',
  subject: 'company',
  sortIndex: ['last_name', 'first_name'],
  // Lists sorted by these alone walk an index (migration 2026_12_01_0001).
  listIndexes: ['birth_date', 'created_at'],
  // `contains` filters on these find rows by trigrams (migration 2026_12_01_0002).
  containsIndexes: ['last_name', 'email'],
  titleFields: ['first_name', 'last_name'],
  // Hungarian puts the family name first, in titles, lists, search and mail alike.
  titleOrder: { hu: ['last_name', 'first_name'] },
  grammaticalGender: { pl: 'feminine' },
  givenNameField: 'first_name',
  searchFields: ['first_name', 'last_name', 'email', 'phone', 'mobile'],
  subtitleFields: ['company', 'position'],
  headerFacts: ['company', 'position', 'email', 'phone', 'mobile'],
  effects: [followEmployment],
  // Exporting everything stored about a person and anonymising them are rights of their own.
  actions: ['personal_data', 'anonymise', 'merge'],
  // Duplicate look-ups find a person by first and last name without accents and case.
  derivedColumns: {
    name_key: {
      from: ['first_name', 'last_name'],
      compute: ({ first_name, last_name }) => personNameKey(first_name, last_name),
    },
  },
  // The name day comes from the first name (Polish calendar first, then Hungarian); editable.
  createDefaults: (values) => {
    const day = typeof values.first_name === 'string' ? guessNameDay(values.first_name, null) : null;
    return day
      ? { name_day: `${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}` }
      : {};
  },
  defaultSort: [
    { field: 'last_name', direction: 'asc' },
    { field: 'first_name', direction: 'asc' },
  ],
  fields: {
    first_name: field.text(L('First name', 'Imię', 'Keresztnév'), { required: true, maxLength: 100 }),
    last_name: field.text(L('Last name', 'Nazwisko', 'Vezetéknév'), { required: true, maxLength: 100 }),
    company: field.relation(L('Company', 'Firma', 'Cég'), 'company'),
    position: field.text(L('Position', 'Stanowisko', 'Beosztás'), { maxLength: 100 }),
    email: field.email(L('E-mail', 'E-mail', 'E-mail')),
    // Typed without a country code, a number is read as one of the company's country.
    phone: field.phone(L('Phone', 'Telefon', 'Telefon'), { countryField: 'company.country' }),
    mobile: field.phone(L('Mobile', 'Komórka', 'Mobil'), { countryField: 'company.country' }),
    birth_date: field.date(L('Birth date', 'Data urodzenia', 'Születési dátum')),
    name_day: field.monthDay(L('Name day', 'Imieniny', 'Névnap')),
    preferred_language: field.select(
      L('Preferred language', 'Preferowany język', 'Preferált nyelv'),
      'language',
    ),
    preferred_channel: field.select(
      L('Preferred channel', 'Preferowany kanał kontaktu', 'Preferált csatorna'),
      'contact_channel',
    ),
    notes: field.longText(L('Notes', 'Uwagi', 'Megjegyzések')),
    groups: field.multiRelation(L('Groups', 'Grupy', 'Csoportok'), 'person_group', {
      table: 'person_group_member',
      sourceColumn: 'person_id',
      targetColumn: 'group_id',
    }),
  },
});
