import { defineObject, field, labels as L } from '../../metadata/define-object.ts';

export const company = defineObject({
  key: 'company',
  labels: { one: L('Company', 'Firma', 'Cég'), many: L('Companies', 'Firmy', 'Cégek') },
  icon: 'building',
  owner: 'account_manager',
  sortIndex: ['name'],
  // company_owner_sort_<locale> (migration 2026_11_27_0003): a salesperson's clients by name.
  ownerSortIndex: true,
  // "Inactive for more than 90 days" filters on when the status last changed.
  changeStamps: { status_changed_at: 'status' },
  titleFields: ['name'],
  searchFields: ['name', 'short_name', 'tax_id', 'city', 'email', 'phone'],
  subtitleFields: ['city', 'tax_id'],
  fields: {
    name: field.text(L('Name', 'Nazwa', 'Név'), { required: true }),
    short_name: field.text(L('Short name', 'Nazwa skrócona', 'Rövid név'), { maxLength: 100 }),
    // The national number the country uses (NIP in Poland, adószám in Hungary), checked by it.
    tax_id: field.taxId(L('Tax ID', 'NIP', 'Adószám'), 'national', { countryField: 'country' }),
    regon: field.taxId(L('REGON', 'REGON', 'REGON'), 'regon'),
    krs: field.taxId(L('KRS', 'KRS', 'KRS'), 'krs'),
    eu_vat: field.taxId(L('EU VAT number', 'NIP UE', 'Közösségi adószám'), 'euVat'),
    email: field.email(L('E-mail', 'E-mail', 'E-mail')),
    phone: field.phone(L('Phone', 'Telefon', 'Telefon'), { countryField: 'country' }),
    website: field.url(L('Website', 'Strona WWW', 'Weboldal')),
    street: field.text(L('Street', 'Ulica', 'Utca')),
    postal_code: field.postalCode(L('Postal code', 'Kod pocztowy', 'Irányítószám'), {
      countryField: 'country',
    }),
    city: field.text(L('City', 'Miejscowość', 'Település'), { maxLength: 100 }),
    country: field.country(L('Country', 'Kraj', 'Ország')),
    industry: field.select(L('Industry', 'Branża', 'Iparág'), 'industry'),
    status: field.select(L('Status', 'Status', 'Státusz'), 'company_status'),
    category: field.select(L('Category', 'Kategoria', 'Kategória'), 'category'),
    customer_type: field.select(L('Customer type', 'Typ klienta', 'Ügyféltípus'), 'customer_type'),
    account_manager: field.relation(L('Account manager', 'Opiekun', 'Kapcsolattartó munkatárs'), 'employee'),
    employee_count: field.integer(L('Employees', 'Liczba pracowników', 'Létszám'), {
      min: 0,
      max: 10_000_000,
    }),
    profile: field.longText(L('Profile', 'Profil działalności', 'Tevékenységi profil'), { maxLength: 4000 }),
    source: field.select(L('Source', 'Źródło pozyskania', 'Forrás'), 'lead_source'),
    satisfaction: field.rating(L('Satisfaction', 'Zadowolenie', 'Elégedettség')),
    payment_terms_days: field.integer(
      L('Payment terms (days)', 'Termin płatności (dni)', 'Fizetési határidő (nap)'),
      {
        min: 0,
        max: 365,
      },
    ),
    payment_limit: field.money(L('Payment limit', 'Limit płatności', 'Fizetési limit'), { min: 0 }),
    credit_limit: field.money(L('Credit limit', 'Limit kredytowy', 'Hitelkeret'), { min: 0 }),
    delivery_terms: field.longText(L('Delivery terms', 'Warunki dostawy', 'Szállítási feltételek'), {
      maxLength: 2000,
    }),
    logistic_limits: field.longText(
      L('Logistic limits', 'Ograniczenia logistyczne', 'Logisztikai korlátok'),
      {
        maxLength: 2000,
      },
    ),
    status_changed_at: field.dateTime(L('Status since', 'Status od', 'Státusz óta'), { readOnly: true }),
    next_action_date: field.date(L('Next action', 'Następna akcja', 'Következő teendő')),
    notes: field.longText(L('Notes', 'Uwagi', 'Megjegyzések')),
    groups: field.multiRelation(L('Groups', 'Grupy', 'Csoportok'), 'company_group', {
      table: 'company_group_member',
      sourceColumn: 'company_id',
      targetColumn: 'group_id',
    }),
  },
});
