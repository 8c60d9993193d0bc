import { defineObject, field, labels as L } from '../../metadata/define-object.ts';

/**
 * One currency's rate on one day from one source: `units` of `currency` cost `rate` of `base`
 * (NBP: 1 EUR = 4.2512 PLN, 100 HUF = 1.0871 PLN; MNB: 1 EUR = 391.12 HUF). Imported from a
 * bank's published table file or typed in; an offer keeps the rate it used as a snapshot, so a
 * later correction here changes no document. The company's, like the tax rates.
 */
export const exchangeRate = defineObject({
  key: 'exchange_rate',
  labels: {
    one: L('Exchange rate', 'Kurs waluty', 'Árfolyam'),
    many: L('Exchange rates', 'Kursy walut', 'Árfolyamok'),
  },
  icon: 'arrows-exchange',
  titleFields: ['currency', 'day'],
  grammaticalGender: { pl: 'masculine' },
  subtitleFields: ['rate', 'base', 'source'],
  administratorsOnly: true,
  defaultSort: [
    { field: 'day', direction: 'desc' },
    { field: 'currency', direction: 'asc' },
  ],
  headerFacts: ['currency', 'base', 'units', 'rate', 'day', 'source', 'table_number'],
  sections: [
    {
      key: 'rate',
      labels: L('Rate', 'Kurs', 'Árfolyam'),
      fields: ['currency', 'units', 'rate', 'base', 'day', 'source', 'table_number'],
    },
  ],
  fields: {
    currency: field.currency(L('Currency', 'Waluta', 'Pénznem'), { required: true }),
    base: field.currency(L('In currency', 'W walucie', 'Ebben a pénznemben'), { required: true }),
    // NBP quotes HUF, JPY and a few others per 100 units.
    units: field.integer(L('Units', 'Jednostek', 'Egység'), {
      required: true,
      min: 1,
      max: 10_000,
      defaultValue: 1,
    }),
    rate: field.decimal(L('Rate', 'Kurs', 'Árfolyam'), 6, { required: true, min: 0.000001, max: 1_000_000 }),
    day: field.date(L('Day', 'Dzień', 'Nap'), { required: true }),
    source: field.choice(
      L('Source', 'Źródło', 'Forrás'),
      [
        { value: 'nbp', labels: L('NBP', 'NBP', 'NBP') },
        { value: 'mnb', labels: L('MNB', 'MNB', 'MNB') },
        { value: 'ecb', labels: L('ECB', 'EBC', 'EKB') },
        { value: 'manual', labels: L('Typed in', 'Wpisany ręcznie', 'Kézi') },
      ],
      { required: true, defaultValue: 'manual' },
    ),
    // The bank's table ("233/A/NBP/2026"): printed on a document converted at this rate.
    table_number: field.text(L('Table', 'Tabela', 'Táblázat'), { maxLength: 40 }),
  },
});
