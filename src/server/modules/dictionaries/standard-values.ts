import {
  CASE_PRIORITY_CODES,
  CASE_PRIORITY_LABELS,
  CASE_STAGE_KIND_CODES,
  CASE_STAGE_KIND_LABELS,
  CASE_STATUS_CODES,
  CASE_STATUS_LABELS,
  CASE_TYPE_CODES,
  CASE_TYPE_LABELS,
  NEXT_ACTION_TYPE_CODES,
  NEXT_ACTION_TYPE_LABELS,
} from '../cases/dictionaries.ts';
import {
  PRODUCT_CATEGORY_CODES,
  PRODUCT_CATEGORY_LABELS,
  UNIT_CODES,
  UNIT_LABELS,
} from '../pricing/dictionaries.ts';
import {
  TASK_PRIORITY_CODES,
  TASK_PRIORITY_LABELS,
  TASK_STATUS_CODES,
  TASK_STATUS_LABELS,
} from '../tasks/dictionaries.ts';

// The standard dictionary values every installation starts with (statuses drive the client
// card, kinds label addresses and contacts); administrators rename, reorder and extend them.

export interface DictionaryLabels {
  en: string;
  pl: string;
  hu: string;
}

export type DictionaryName =
  | 'industry'
  | 'company_status'
  | 'category'
  | 'customer_type'
  | 'activity_type'
  | 'person_position'
  | 'lead_source'
  | 'campaign'
  | 'address_kind'
  | 'contact_kind'
  | 'consent_channel'
  | 'contact_channel'
  | 'language'
  | 'case_status'
  | 'case_type'
  | 'case_priority'
  | 'case_stage_kind'
  | 'task_status'
  | 'task_priority'
  | 'next_action_type'
  | 'unit'
  | 'product_category';

export interface DictionarySeed {
  dictionary: DictionaryName;
  code: string;
  labels: DictionaryLabels;
  sortOrder: number;
}

export const INDUSTRY_CODES = [
  'software',
  'construction',
  'manufacturing',
  'wholesale',
  'retail',
  'logistics',
  'healthcare',
  'finance',
  'agriculture',
  'energy',
  'hospitality',
  'professional_services',
] as const;
export type IndustryCode = (typeof INDUSTRY_CODES)[number];

export const COMPANY_STATUS_CODES = ['prospect', 'active', 'inactive'] as const;
export type CompanyStatusCode = (typeof COMPANY_STATUS_CODES)[number];

export const CATEGORY_CODES = ['A', 'B', 'C'] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

export const CUSTOMER_TYPE_CODES = ['end_customer', 'dealer', 'partner', 'supplier', 'competitor'] as const;
export type CustomerTypeCode = (typeof CUSTOMER_TYPE_CODES)[number];

// New codes go at the end: an installation that has the older ones keeps their order.
export const ACTIVITY_TYPE_CODES = [
  'call',
  'meeting',
  'email',
  'presentation',
  'offer',
  'visit',
  'note',
  'other',
] as const;
export type ActivityTypeCode = (typeof ACTIVITY_TYPE_CODES)[number];

export const PERSON_POSITION_CODES = [
  'owner',
  'ceo',
  'managing_director',
  'sales_manager',
  'purchasing_manager',
  'chief_accountant',
  'office_manager',
  'it_manager',
  'project_manager',
  'hr_manager',
  'marketing_specialist',
  'logistics_specialist',
  'engineer',
  'executive_assistant',
] as const;
export type PersonPositionCode = (typeof PERSON_POSITION_CODES)[number];

// Records keyed by code make the compiler reject a code without labels (or a stray label).
const INDUSTRY_LABELS: Record<IndustryCode, DictionaryLabels> = {
  software: { en: 'Software and IT', pl: 'Oprogramowanie i IT', hu: 'Szoftver és informatika' },
  construction: { en: 'Construction', pl: 'Budownictwo', hu: 'Építőipar' },
  manufacturing: { en: 'Manufacturing', pl: 'Produkcja przemysłowa', hu: 'Feldolgozóipar' },
  wholesale: { en: 'Wholesale', pl: 'Handel hurtowy', hu: 'Nagykereskedelem' },
  retail: { en: 'Retail', pl: 'Handel detaliczny', hu: 'Kiskereskedelem' },
  logistics: { en: 'Transport and logistics', pl: 'Transport i logistyka', hu: 'Szállítás és logisztika' },
  healthcare: { en: 'Healthcare', pl: 'Ochrona zdrowia', hu: 'Egészségügy' },
  finance: { en: 'Finance and insurance', pl: 'Finanse i ubezpieczenia', hu: 'Pénzügy és biztosítás' },
  agriculture: {
    en: 'Agriculture and food',
    pl: 'Rolnictwo i żywność',
    hu: 'Mezőgazdaság és élelmiszeripar',
  },
  energy: { en: 'Energy', pl: 'Energetyka', hu: 'Energetika' },
  hospitality: {
    en: 'Hotels and restaurants',
    pl: 'Hotelarstwo i gastronomia',
    hu: 'Szálláshely és vendéglátás',
  },
  professional_services: {
    en: 'Professional services',
    pl: 'Usługi profesjonalne',
    hu: 'Szakmai szolgáltatások',
  },
};

const COMPANY_STATUS_LABELS: Record<CompanyStatusCode, DictionaryLabels> = {
  prospect: { en: 'Prospect', pl: 'Potencjalny klient', hu: 'Potenciális ügyfél' },
  active: { en: 'Active', pl: 'Aktywny', hu: 'Aktív' },
  inactive: { en: 'Inactive', pl: 'Nieaktywny', hu: 'Inaktív' },
};

const CATEGORY_LABELS: Record<CategoryCode, DictionaryLabels> = {
  A: { en: 'A – key account', pl: 'A – kluczowy klient', hu: 'A – kiemelt ügyfél' },
  B: { en: 'B – regular customer', pl: 'B – stały klient', hu: 'B – rendszeres ügyfél' },
  C: { en: 'C – occasional customer', pl: 'C – klient okazjonalny', hu: 'C – alkalmi ügyfél' },
};

const CUSTOMER_TYPE_LABELS: Record<CustomerTypeCode, DictionaryLabels> = {
  end_customer: { en: 'End customer', pl: 'Klient końcowy', hu: 'Végfelhasználó' },
  dealer: { en: 'Dealer', pl: 'Dealer', hu: 'Viszonteladó' },
  partner: { en: 'Partner', pl: 'Partner', hu: 'Partner' },
  supplier: { en: 'Supplier', pl: 'Dostawca', hu: 'Beszállító' },
  competitor: { en: 'Competitor', pl: 'Konkurent', hu: 'Versenytárs' },
};

const ACTIVITY_TYPE_LABELS: Record<ActivityTypeCode, DictionaryLabels> = {
  call: { en: 'Phone call', pl: 'Rozmowa telefoniczna', hu: 'Telefonhívás' },
  meeting: { en: 'Meeting', pl: 'Spotkanie', hu: 'Megbeszélés' },
  email: { en: 'E-mail', pl: 'E-mail', hu: 'E-mail' },
  presentation: { en: 'Presentation', pl: 'Prezentacja', hu: 'Bemutató' },
  offer: { en: 'Offer', pl: 'Oferta', hu: 'Árajánlat' },
  visit: { en: 'Visit', pl: 'Wizyta', hu: 'Látogatás' },
  note: { en: 'Note', pl: 'Notatka', hu: 'Feljegyzés' },
  other: { en: 'Other', pl: 'Inne', hu: 'Egyéb' },
};

const PERSON_POSITION_LABELS: Record<PersonPositionCode, DictionaryLabels> = {
  owner: { en: 'Owner', pl: 'Właściciel', hu: 'Tulajdonos' },
  ceo: { en: 'Chief Executive Officer', pl: 'Prezes zarządu', hu: 'Vezérigazgató' },
  managing_director: { en: 'Managing Director', pl: 'Dyrektor zarządzający', hu: 'Ügyvezető igazgató' },
  sales_manager: { en: 'Sales Manager', pl: 'Kierownik sprzedaży', hu: 'Értékesítési vezető' },
  purchasing_manager: { en: 'Purchasing Manager', pl: 'Kierownik działu zakupów', hu: 'Beszerzési vezető' },
  chief_accountant: { en: 'Chief Accountant', pl: 'Główny księgowy', hu: 'Főkönyvelő' },
  office_manager: { en: 'Office Manager', pl: 'Kierownik biura', hu: 'Irodavezető' },
  it_manager: { en: 'IT Manager', pl: 'Kierownik działu IT', hu: 'Informatikai vezető' },
  project_manager: { en: 'Project Manager', pl: 'Kierownik projektu', hu: 'Projektvezető' },
  hr_manager: { en: 'HR Manager', pl: 'Kierownik działu kadr', hu: 'HR-vezető' },
  marketing_specialist: {
    en: 'Marketing Specialist',
    pl: 'Specjalista ds. marketingu',
    hu: 'Marketingszakértő',
  },
  logistics_specialist: {
    en: 'Logistics Specialist',
    pl: 'Specjalista ds. logistyki',
    hu: 'Logisztikai ügyintéző',
  },
  engineer: { en: 'Engineer', pl: 'Inżynier', hu: 'Mérnök' },
  executive_assistant: { en: 'Executive Assistant', pl: 'Asystent zarządu', hu: 'Vezetői asszisztens' },
};

/** Where a client came from (the prospect section of the card shows it). */
export const LEAD_SOURCE_CODES = [
  'website',
  'referral',
  'trade_fair',
  'cold_call',
  'campaign',
  'partner',
] as const;
export type LeadSourceCode = (typeof LEAD_SOURCE_CODES)[number];

const LEAD_SOURCE_LABELS: Record<LeadSourceCode, DictionaryLabels> = {
  website: { en: 'Website', pl: 'Strona WWW', hu: 'Weboldal' },
  referral: { en: 'Referral', pl: 'Polecenie', hu: 'Ajánlás' },
  trade_fair: { en: 'Trade fair', pl: 'Targi', hu: 'Szakkiállítás' },
  cold_call: { en: 'Cold call', pl: 'Zimny telefon', hu: 'Hideghívás' },
  campaign: { en: 'Campaign', pl: 'Kampania', hu: 'Kampány' },
  partner: { en: 'Partner', pl: 'Partner', hu: 'Partner' },
};

/** What an address of a client is for: the registered one is usually the main one. */
export const ADDRESS_KIND_CODES = ['registered', 'correspondence', 'delivery', 'branch'] as const;
const ADDRESS_KIND_LABELS: Record<(typeof ADDRESS_KIND_CODES)[number], DictionaryLabels> = {
  registered: { en: 'Registered office', pl: 'Siedziba', hu: 'Székhely' },
  correspondence: { en: 'Correspondence', pl: 'Korespondencyjny', hu: 'Levelezési cím' },
  delivery: { en: 'Delivery', pl: 'Dostawy', hu: 'Szállítási cím' },
  branch: { en: 'Branch', pl: 'Oddział', hu: 'Telephely' },
};

/** The kind of an additional phone or e-mail of a client or a person. */
export const CONTACT_KIND_CODES = ['work', 'mobile', 'home', 'fax', 'billing', 'support', 'other'] as const;
const CONTACT_KIND_LABELS: Record<(typeof CONTACT_KIND_CODES)[number], DictionaryLabels> = {
  work: { en: 'Work', pl: 'Służbowy', hu: 'Munkahelyi' },
  mobile: { en: 'Mobile', pl: 'Komórkowy', hu: 'Mobil' },
  home: { en: 'Home', pl: 'Domowy', hu: 'Otthoni' },
  fax: { en: 'Fax', pl: 'Faks', hu: 'Fax' },
  billing: { en: 'Billing', pl: 'Faktury', hu: 'Számlázás' },
  support: { en: 'Support', pl: 'Serwis', hu: 'Ügyfélszolgálat' },
  other: { en: 'Other', pl: 'Inny', hu: 'Egyéb' },
};

/** Channels a person consents to be contacted through (marketing consents, GDPR). */
export const CONSENT_CHANNEL_CODES = ['email', 'sms', 'phone', 'post'] as const;
const CONSENT_CHANNEL_LABELS: Record<(typeof CONSENT_CHANNEL_CODES)[number], DictionaryLabels> = {
  email: { en: 'E-mail', pl: 'E-mail', hu: 'E-mail' },
  sms: { en: 'SMS', pl: 'SMS', hu: 'SMS' },
  phone: { en: 'Phone', pl: 'Telefon', hu: 'Telefon' },
  post: { en: 'Post', pl: 'Poczta', hu: 'Posta' },
};

/** How a person prefers to be reached. */
export const CONTACT_CHANNEL_CODES = ['email', 'phone', 'sms', 'post', 'in_person'] as const;
const CONTACT_CHANNEL_LABELS: Record<(typeof CONTACT_CHANNEL_CODES)[number], DictionaryLabels> = {
  email: { en: 'E-mail', pl: 'E-mail', hu: 'E-mail' },
  phone: { en: 'Phone', pl: 'Telefon', hu: 'Telefon' },
  sms: { en: 'SMS', pl: 'SMS', hu: 'SMS' },
  post: { en: 'Post', pl: 'Poczta', hu: 'Posta' },
  in_person: { en: 'In person', pl: 'Osobiście', hu: 'Személyesen' },
};

/** Languages people are written to in. */
export const LANGUAGE_CODES = ['pl', 'hu', 'en', 'de', 'cs', 'sk', 'uk', 'ro'] as const;
const LANGUAGE_LABELS: Record<(typeof LANGUAGE_CODES)[number], DictionaryLabels> = {
  pl: { en: 'Polish', pl: 'polski', hu: 'lengyel' },
  hu: { en: 'Hungarian', pl: 'węgierski', hu: 'magyar' },
  en: { en: 'English', pl: 'angielski', hu: 'angol' },
  de: { en: 'German', pl: 'niemiecki', hu: 'német' },
  cs: { en: 'Czech', pl: 'czeski', hu: 'cseh' },
  sk: { en: 'Slovak', pl: 'słowacki', hu: 'szlovák' },
  uk: { en: 'Ukrainian', pl: 'ukraiński', hu: 'ukrán' },
  ro: { en: 'Romanian', pl: 'rumuński', hu: 'román' },
};

function seedsFor<C extends string>(
  dictionary: DictionaryName,
  codes: readonly C[],
  labels: Record<C, DictionaryLabels>,
): DictionarySeed[] {
  // Gaps of ten leave room for an administrator to slot values in between.
  return codes.map((code, position) => ({
    dictionary,
    code,
    labels: labels[code],
    sortOrder: (position + 1) * 10,
  }));
}

export const DICTIONARY_SEEDS: readonly DictionarySeed[] = [
  ...seedsFor('industry', INDUSTRY_CODES, INDUSTRY_LABELS),
  ...seedsFor('company_status', COMPANY_STATUS_CODES, COMPANY_STATUS_LABELS),
  ...seedsFor('category', CATEGORY_CODES, CATEGORY_LABELS),
  ...seedsFor('customer_type', CUSTOMER_TYPE_CODES, CUSTOMER_TYPE_LABELS),
  ...seedsFor('activity_type', ACTIVITY_TYPE_CODES, ACTIVITY_TYPE_LABELS),
  ...seedsFor('person_position', PERSON_POSITION_CODES, PERSON_POSITION_LABELS),
  ...seedsFor('lead_source', LEAD_SOURCE_CODES, LEAD_SOURCE_LABELS),
  ...seedsFor('address_kind', ADDRESS_KIND_CODES, ADDRESS_KIND_LABELS),
  ...seedsFor('contact_kind', CONTACT_KIND_CODES, CONTACT_KIND_LABELS),
  ...seedsFor('consent_channel', CONSENT_CHANNEL_CODES, CONSENT_CHANNEL_LABELS),
  ...seedsFor('contact_channel', CONTACT_CHANNEL_CODES, CONTACT_CHANNEL_LABELS),
  ...seedsFor('language', LANGUAGE_CODES, LANGUAGE_LABELS),
  ...seedsFor('case_status', CASE_STATUS_CODES, CASE_STATUS_LABELS),
  ...seedsFor('case_type', CASE_TYPE_CODES, CASE_TYPE_LABELS),
  ...seedsFor('case_priority', CASE_PRIORITY_CODES, CASE_PRIORITY_LABELS),
  ...seedsFor('case_stage_kind', CASE_STAGE_KIND_CODES, CASE_STAGE_KIND_LABELS),
  ...seedsFor('next_action_type', NEXT_ACTION_TYPE_CODES, NEXT_ACTION_TYPE_LABELS),
  ...seedsFor('task_status', TASK_STATUS_CODES, TASK_STATUS_LABELS),
  ...seedsFor('task_priority', TASK_PRIORITY_CODES, TASK_PRIORITY_LABELS),
  ...seedsFor('unit', UNIT_CODES, UNIT_LABELS),
  ...seedsFor('product_category', PRODUCT_CATEGORY_CODES, PRODUCT_CATEGORY_LABELS),
];

/** The label of a person position in one language; people's positions are stored as text. */
export function positionLabel(code: PersonPositionCode, language: keyof DictionaryLabels): string {
  return PERSON_POSITION_LABELS[code][language];
}
