import { defineObject, field, labels as L } from '../../metadata/define-object.ts';

export const company = defineObject({
  key: 'company',
  labels: { one: L('Company', 'Firma', 'Cég'), many: L('Companies', 'Firmy', 'Cégek') },
  icon: 'building',
  owner: 'account_manager',
  sortIndex: ['name'],
  // company_owner_sort_<locale> (migration 2026_11_27_0003): a salesperson's clients by name.
  ownerSortIndex: true,
  titleFields: ['name'],
  searchFields: ['name', 'short_name', 'tax_id', 'city', 'email', 'phone'],
  subtitleFields: ['city', 'tax_id'],
  fields: {
    name: field.text(L('Name', 'Nazwa', 'Név'), { required: true }),
    short_name: field.text(L('Short name', 'Nazwa skrócona', 'Rövid név'), { maxLength: 100 }),
    tax_id: field.text(L('Tax ID', 'NIP', 'Adószám'), { maxLength: 40 }),
    email: field.email(L('E-mail', 'E-mail', 'E-mail')),
    phone: field.phone(L('Phone', 'Telefon', 'Telefon')),
    website: field.url(L('Website', 'Strona WWW', 'Weboldal')),
    street: field.text(L('Street', 'Ulica', 'Utca')),
    postal_code: field.text(L('Postal code', 'Kod pocztowy', 'Irányítószám'), { maxLength: 20 }),
    city: field.text(L('City', 'Miejscowość', 'Település'), { maxLength: 100 }),
    country: field.text(L('Country', 'Kraj', 'Ország'), { maxLength: 2 }),
    industry: field.select(L('Industry', 'Branża', 'Iparág'), 'industry'),
    status: field.select(L('Status', 'Status', 'Státusz'), 'company_status'),
    category: field.select(L('Category', 'Kategoria', 'Kategória'), 'category'),
    customer_type: field.select(L('Customer type', 'Typ klienta', 'Ügyféltípus'), 'customer_type'),
    account_manager: field.relation(L('Account manager', 'Opiekun', 'Kapcsolattartó munkatárs'), 'employee'),
    employee_count: field.integer(L('Employees', 'Liczba pracowników', 'Létszám'), {
      min: 0,
      max: 10_000_000,
    }),
    next_action_date: field.date(L('Next action', 'Następna akcja', 'Következő teendő')),
    notes: field.longText(L('Notes', 'Uwagi', 'Megjegyzések')),
    groups: field.multiRelation(L('Groups', 'Grupy', 'Csoportok'), 'company_group', {
      table: 'company_group_member',
      sourceColumn: 'company_id',
      targetColumn: 'group_id',
    }),
  },
});
