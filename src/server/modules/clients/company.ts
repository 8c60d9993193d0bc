import { companyNameKey } from '../../../shared/text/name-key.ts';
import { defineObject, field, labels as L } from '../../metadata/define-object.ts';
import { companyAddressToMain } from './main-address.ts';

export const company = defineObject({
  key: 'company',
  labels: { one: L('Company', 'Firma', 'Cég'), many: L('Companies', 'Firmy', 'Cégek') },
  icon: 'building',
  owner: 'account_manager',
  comments: { followers: ['account_manager'] },
  // Its changes belong in its own file (the client timeline).
  subject: 'self',
  sortIndex: ['name'],
  // Lists sorted by these alone walk an index (migration 2026_12_01_0001).
  listIndexes: ['employee_count', 'next_action_date', 'created_at', 'city'],
  // `contains` filters on these find rows by trigrams (migration 2026_12_01_0002).
  containsIndexes: ['name', 'email'],
  // company_owner_sort_<locale> (migration 2026_11_27_0003): a salesperson's clients by name.
  ownerSortIndex: true,
  // "Inactive for more than 90 days" filters on when the status last changed.
  changeStamps: { status_changed_at: 'status' },
  // Address values typed on the card go to the main address record (`main-address.ts`).
  effects: [companyAddressToMain],
  // Duplicate look-ups find a company by its name without accents, case and legal form.
  derivedColumns: { name_key: { from: ['name'], compute: ({ name }) => companyNameKey(name) } },
  actions: ['merge'],
  titleFields: ['name'],
  grammaticalGender: { pl: 'feminine' },
  searchFields: ['name', 'short_name', 'tax_id', 'city', 'email', 'phone'],
  subtitleFields: ['city', 'tax_id'],
  // What a salesperson looks for first: how it stands, whose client it is, how to reach them.
  headerFacts: [
    'status',
    'account_manager',
    'tax_id',
    'phone',
    'email',
    { key: 'address', labels: L('Address', 'Adres', 'Cím'), fields: ['street', 'postal_code', 'city'] },
  ],
  // The card reads at a glance: who they are, how to reach them, then what their status makes
  // matter — a prospect's marketing data, an active client's terms and latest business, an
  // inactive one's last events and turnover.
  sections: [
    {
      key: 'identity',
      labels: L('Client', 'Klient', 'Ügyfél'),
      fields: ['name', 'short_name', 'status', 'customer_type', 'category', 'industry', 'account_manager'],
    },
    {
      key: 'registry',
      labels: L('Registry numbers', 'Dane rejestrowe', 'Nyilvántartási adatok'),
      fields: ['tax_id', 'regon', 'krs', 'eu_vat'],
    },
    {
      key: 'contact',
      labels: L('Contact', 'Kontakt', 'Elérhetőség'),
      fields: ['phone', 'email', 'website', 'street', 'postal_code', 'city', 'country'],
    },
    {
      key: 'profile',
      labels: L('Profile', 'Profil', 'Profil'),
      fields: ['profile', 'employee_count', 'satisfaction', 'groups', 'next_action_date', 'notes'],
    },
    {
      key: 'marketing',
      labels: L('Marketing', 'Marketing', 'Marketing'),
      fields: ['source', 'campaign', 'interest'],
      when: { field: 'status', codes: ['prospect'] },
    },
    {
      key: 'terms',
      labels: L('Contract and terms', 'Warunki współpracy', 'Szerződési feltételek'),
      fields: ['payment_terms_days', 'payment_limit', 'credit_limit', 'delivery_terms', 'logistic_limits'],
      when: { field: 'status', codes: ['active'] },
    },
    {
      key: 'business',
      labels: L(
        'Latest documents and orders',
        'Ostatnie dokumenty i zamówienia',
        'Legutóbbi dokumentumok és rendelések',
      ),
      fields: [],
      when: { field: 'status', codes: ['active'] },
      placeholder: L(
        'Offers, orders and documents will show here once the sales and documents modules are in use.',
        'Tu pojawią się oferty, zamówienia i dokumenty, gdy zaczniesz korzystać z modułów sprzedaży i dokumentów.',
        'Itt jelennek meg az ajánlatok, rendelések és dokumentumok, amint az értékesítési és dokumentummodul használatban van.',
      ),
    },
    {
      key: 'history',
      labels: L('Last events and turnover', 'Ostatnie zdarzenia i obroty', 'Utolsó események és forgalom'),
      fields: ['status_changed_at'],
      when: { field: 'status', codes: ['inactive'] },
      placeholder: L(
        'The last activities and the last period’s turnover will show here once activities and orders are recorded.',
        'Tu pojawią się ostatnie działania i obroty z ostatniego okresu, gdy będą rejestrowane działania i zamówienia.',
        'Itt jelennek meg az utolsó tevékenységek és az előző időszak forgalma, amint tevékenységeket és rendeléseket rögzítenek.',
      ),
    },
  ],
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
    campaign: field.select(L('Campaign', 'Kampania', 'Kampány'), 'campaign'),
    interest: field.longText(L('Interested in', 'Zainteresowanie', 'Érdeklődés'), { maxLength: 2000 }),
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
    next_action_date: field.date(L('Next action', 'Następna akcja', 'Következő teendő'), { due: true }),
    notes: field.longText(L('Notes', 'Uwagi', 'Megjegyzések')),
    groups: field.multiRelation(L('Groups', 'Grupy', 'Csoportok'), 'company_group', {
      table: 'company_group_member',
      sourceColumn: 'company_id',
      targetColumn: 'group_id',
    }),
  },
});
