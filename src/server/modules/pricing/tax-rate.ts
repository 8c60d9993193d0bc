import { defineObject, field, labels as L } from '../../metadata/define-object.ts';
import { validToNotBeforeFrom } from './validity.ts';

/** What kind of rate a code is: the per-rate summary and the VAT register tell them apart. */
export const TAX_RATE_KINDS = [
  'standard',
  'reduced',
  'zero',
  'exempt',
  'not_subject',
  'reverse_charge',
] as const;

/**
 * A VAT rate of one country over a span of days: Polish 23 % since 2011, "zw" (exempt), "np"
 * (not subject), "oo" (reverse charge); Hungarian 27 %. A line takes its product's rate and keeps
 * it; an offer may only use a rate valid on its date. The company's, like a dictionary: every
 * role reads them all, administrators maintain them.
 */
export const taxRate = defineObject({
  key: 'tax_rate',
  labels: {
    one: L('Tax rate', 'Stawka VAT', 'Áfakulcs'),
    many: L('Tax rates', 'Stawki VAT', 'Áfakulcsok'),
  },
  icon: 'receipt-tax',
  titleFields: ['name'],
  grammaticalGender: { pl: 'feminine' },
  subtitleFields: ['country', 'valid_from'],
  administratorsOnly: true,
  defaultSort: [
    { field: 'country', direction: 'asc' },
    { field: 'rate', direction: 'desc' },
  ],
  invariants: [validToNotBeforeFrom('tax_rate')],
  headerFacts: ['country', 'code', 'rate', 'kind', 'valid_from', 'valid_to'],
  sections: [
    {
      key: 'rate',
      labels: L('Rate', 'Stawka', 'Kulcs'),
      fields: ['name', 'country', 'code', 'rate', 'kind', 'valid_from', 'valid_to'],
    },
  ],
  fields: {
    // As printed on a document: "23%", "zw.", "27%", "AAM".
    name: field.text(L('Name', 'Nazwa', 'Megnevezés'), { required: true, maxLength: 30 }),
    country: field.country(L('Country', 'Kraj', 'Ország'), { required: true }),
    // The code a line and the per-rate summary group by: "23", "zw", "np", "oo", "27".
    code: field.text(L('Code', 'Kod', 'Kód'), { required: true, maxLength: 10 }),
    rate: field.percent(L('Rate', 'Stawka', 'Kulcs'), { required: true, min: 0, max: 100 }),
    kind: field.choice(
      L('Kind', 'Rodzaj', 'Fajta'),
      [
        { value: 'standard', labels: L('Standard', 'Podstawowa', 'Általános') },
        { value: 'reduced', labels: L('Reduced', 'Obniżona', 'Kedvezményes') },
        { value: 'zero', labels: L('Zero', 'Zerowa', 'Nulla') },
        { value: 'exempt', labels: L('Exempt', 'Zwolniona', 'Mentes') },
        { value: 'not_subject', labels: L('Not subject to VAT', 'Niepodlegająca', 'Nem tárgyi hatályú') },
        {
          value: 'reverse_charge',
          labels: L('Reverse charge', 'Odwrotne obciążenie', 'Fordított adózás'),
        },
      ],
      { required: true, defaultValue: 'standard' },
    ),
    valid_from: field.date(L('Valid from', 'Obowiązuje od', 'Érvényes ettől'), { required: true }),
    valid_to: field.date(L('Valid to', 'Obowiązuje do', 'Érvényes eddig')),
  },
});
