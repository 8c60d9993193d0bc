import { defineObject, field, labels as L } from '../../metadata/define-object.ts';
import { mirrorMainAddress } from './main-address.ts';

/**
 * A client's address: registered office, correspondence, delivery, branch. One is the main
 * address; its street, postal code, city and country are kept on the company too
 * (`main-address.ts`), so the client list filters and sorts by city and country on the
 * company's own indexed columns, as fast as before addresses had their own records.
 */
export const address = defineObject({
  key: 'address',
  labels: { one: L('Address', 'Adres', 'Cím'), many: L('Addresses', 'Adresy', 'Címek') },
  icon: 'map-pin',
  owner: 'company.account_manager',
  subject: 'company',
  titleFields: ['street', 'building', 'city'],
  grammaticalGender: { pl: 'masculine' },
  subtitleFields: ['company', 'kind'],
  defaultSort: [
    { field: 'is_main', direction: 'desc' },
    { field: 'city', direction: 'asc' },
  ],
  effects: [mirrorMainAddress],
  fields: {
    company: field.relation(L('Company', 'Firma', 'Cég'), 'company', { required: true }),
    kind: field.select(L('Kind', 'Rodzaj', 'Típus'), 'address_kind'),
    street: field.text(L('Street', 'Ulica', 'Utca'), { maxLength: 150 }),
    building: field.text(L('Building / unit', 'Nr domu / lokalu', 'Házszám / ajtó'), { maxLength: 30 }),
    postal_code: field.postalCode(L('Postal code', 'Kod pocztowy', 'Irányítószám'), {
      countryField: 'country',
    }),
    city: field.text(L('City', 'Miejscowość', 'Település'), { required: true, maxLength: 100 }),
    region: field.text(L('Region', 'Województwo / region', 'Megye / régió'), { maxLength: 100 }),
    country: field.country(L('Country', 'Kraj', 'Ország'), { required: true }),
    is_main: field.boolean(L('Main address', 'Adres główny', 'Fő cím')),
    notes: field.longText(L('Notes', 'Uwagi', 'Megjegyzések'), { maxLength: 2000 }),
  },
});
