import { defineObject, field, labels as L } from '../../metadata/define-object.ts';

/** A client's results for one year (from its filed accounts): how big and how healthy it is. */
export const financialYear = defineObject({
  key: 'financial_year',
  labels: {
    one: L('Financial year', 'Rok obrotowy', 'Üzleti év'),
    many: L('Financial years', 'Dane finansowe', 'Pénzügyi adatok'),
  },
  icon: 'chart-bar',
  owner: 'company.account_manager',
  subject: 'company',
  titleFields: ['year'],
  subtitleFields: ['company'],
  defaultSort: [{ field: 'year', direction: 'desc' }],
  fields: {
    company: field.relation(L('Company', 'Firma', 'Cég'), 'company', { required: true }),
    year: field.integer(L('Year', 'Rok', 'Év'), { required: true, min: 1900, max: 2200 }),
    revenue: field.money(L('Revenue', 'Przychody', 'Árbevétel')),
    profit: field.money(L('Net profit', 'Zysk netto', 'Adózott eredmény')),
    assets: field.money(L('Total assets', 'Suma bilansowa', 'Mérlegfőösszeg')),
    employees: field.integer(L('Employees', 'Zatrudnienie', 'Létszám'), { min: 0, max: 10_000_000 }),
    note: field.text(L('Note', 'Uwaga', 'Megjegyzés'), { maxLength: 200 }),
  },
});

/** A client's bank account, for payments and checking who pays. */
export const bankAccount = defineObject({
  key: 'bank_account',
  labels: {
    one: L('Bank account', 'Rachunek bankowy', 'Bankszámla'),
    many: L('Bank accounts', 'Rachunki bankowe', 'Bankszámlák'),
  },
  icon: 'building-bank',
  owner: 'company.account_manager',
  subject: 'company',
  titleFields: ['iban'],
  subtitleFields: ['company', 'bank'],
  defaultSort: [{ field: 'is_main', direction: 'desc' }],
  fields: {
    company: field.relation(L('Company', 'Firma', 'Cég'), 'company', { required: true }),
    iban: field.iban(L('IBAN', 'IBAN', 'IBAN'), { required: true }),
    bank: field.text(L('Bank', 'Bank', 'Bank'), { maxLength: 100 }),
    currency: field.currency(L('Currency', 'Waluta', 'Pénznem')),
    is_main: field.boolean(L('Main account', 'Rachunek główny', 'Fő számla')),
    note: field.text(L('Note', 'Uwaga', 'Megjegyzés'), { maxLength: 200 }),
  },
});
