import { defineObject, field, labels as L } from '../../metadata/define-object.ts';

/**
 * A client's phones and e-mails beyond the main ones on the card (the company's `phone` and
 * `email`): switchboard, billing, support, a fax… each with its kind.
 */
export const companyPhone = defineObject({
  key: 'company_phone',
  labels: {
    one: L('Company phone', 'Telefon firmy', 'Céges telefonszám'),
    many: L('Company phones', 'Telefony firmy', 'Céges telefonszámok'),
  },
  icon: 'phone',
  owner: 'company.account_manager',
  subject: 'company',
  titleFields: ['phone'],
  subtitleFields: ['company', 'kind'],
  defaultSort: [{ field: 'phone', direction: 'asc' }],
  fields: {
    company: field.relation(L('Company', 'Firma', 'Cég'), 'company', { required: true }),
    kind: field.select(L('Kind', 'Rodzaj', 'Típus'), 'contact_kind'),
    phone: field.phone(L('Phone', 'Telefon', 'Telefon'), { required: true, countryField: 'company.country' }),
    note: field.text(L('Note', 'Uwaga', 'Megjegyzés'), { maxLength: 200 }),
  },
});

export const companyEmail = defineObject({
  key: 'company_email',
  labels: {
    one: L('Company e-mail', 'E-mail firmy', 'Céges e-mail-cím'),
    many: L('Company e-mails', 'E-maile firmy', 'Céges e-mail-címek'),
  },
  icon: 'mail',
  owner: 'company.account_manager',
  subject: 'company',
  titleFields: ['email'],
  subtitleFields: ['company', 'kind'],
  defaultSort: [{ field: 'email', direction: 'asc' }],
  fields: {
    company: field.relation(L('Company', 'Firma', 'Cég'), 'company', { required: true }),
    kind: field.select(L('Kind', 'Rodzaj', 'Típus'), 'contact_kind'),
    email: field.email(L('E-mail', 'E-mail', 'E-mail'), { required: true }),
    note: field.text(L('Note', 'Uwaga', 'Megjegyzés'), { maxLength: 200 }),
  },
});
