// Row shapes the generator yields. Field names are the database column names, so a seeder can
// pass a row straight to an insert after swapping the *_code / *_index fields for real ids.

export type Country = 'PL' | 'HU' | 'GB';

export interface CompanyRow {
  name: string;
  short_name: string | null;
  tax_id: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  country: Country;
  /** Codes from INDUSTRY_CODES, COMPANY_STATUS_CODES, CATEGORY_CODES and CUSTOMER_TYPE_CODES. */
  industry_code: string;
  status_code: string;
  category_code: string;
  customer_type_code: string;
  employee_count: number | null;
  /** YYYY-MM-DD, relative to the reference date: some overdue, some ahead, some unset. */
  next_action_date: string | null;
  notes: string | null;
  /** 0-based index into the generated employees; always an active employee. */
  account_manager_index: number | null;
}

export interface PersonRow {
  /** 0-based index of the company; null for the ~5% of people without a company. */
  company_index: number | null;
  first_name: string;
  last_name: string;
  position: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  birth_date: string | null;
  notes: string | null;
}

export interface EmployeeRow {
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  position: string;
  department: string;
  birth_date: string;
  hired_on: string;
  active: boolean;
}

export interface GroupRow {
  name: string;
  description: string | null;
}

/** [groupIndex, memberIndex]: both 0-based into the generated groups and companies/people. */
export type Membership = [groupIndex: number, memberIndex: number];

export {
  ACTIVITY_TYPE_CODES,
  CATEGORY_CODES,
  COMPANY_STATUS_CODES,
  CUSTOMER_TYPE_CODES,
  DICTIONARY_SEEDS,
  type DictionaryLabels,
  type DictionaryName,
  type DictionarySeed,
  INDUSTRY_CODES,
  PERSON_POSITION_CODES,
} from '../../modules/dictionaries/standard-values.ts';
