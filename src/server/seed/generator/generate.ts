// Deterministic demo and benchmark data. Every record is a pure function of (seed, index, size,
// reference date): record #500000 is produced without producing #0..#499999, the iterators hold
// one row at a time, and the same inputs give byte-identical rows on every run and machine.
//
// This module is the public entry point; employees and groups live in their own files.

import {
  CATEGORY_CODES,
  COMPANY_STATUS_CODES,
  CUSTOMER_TYPE_CODES,
  INDUSTRY_CODES,
  PERSON_POSITION_CODES,
  positionLabel,
} from '../../modules/dictionaries/standard-values.ts';
import {
  COUNTRY_MIX,
  type Context,
  checkIndex,
  checkRange,
  context,
  type DatasetSize,
  type GenerateOptions,
  LOCALES,
  STREAM,
} from './context.ts';
import { employeeIsActive } from './employees.ts';
import type { CompanyName, Gender, Locale } from './locale.ts';
import { drawPersonCompany } from './person-company.ts';
import { forIndex, type Rng } from './prng.ts';
import type { CompanyRow, PersonRow } from './rows.ts';
import { generateRegon } from './tax-ids.ts';
import { dayNumber, emailWord, isoDate, slugify } from './text.ts';

export { BENCH_SIZE, type DatasetSize, DEMO_SIZE, type GenerateOptions } from './context.ts';
export { employeeAt, employeeIsActive, employees } from './employees.ts';
export {
  companyGroupAt,
  companyGroupMemberships,
  companyGroups,
  personGroupAt,
  personGroupMemberships,
  personGroups,
} from './groups.ts';

const STATUS_MIX = weights(COMPANY_STATUS_CODES, [25, 60, 15]);
const CATEGORY_MIX = weights(CATEGORY_CODES, [15, 35, 50]);
const CUSTOMER_TYPE_MIX = weights(CUSTOMER_TYPE_CODES, [62, 12, 9, 11, 6]);
const LARGE_LEGAL_FORMS = new Set(['S.A.', 'Zrt.', 'Nyrt.', 'PLC']);
const MAX_NOTES_LENGTH = 2000;

// RFC 2606 reserves these, so private addresses can never reach a real mailbox.
const PRIVATE_EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;

const BIRTH_DAY_FROM = dayNumber('1955-01-01');
const BIRTH_DAY_TO = dayNumber('2003-12-31');

function weights<T>(values: readonly T[], shares: readonly number[]): readonly (readonly [T, number])[] {
  return values.map((value, i) => [value, shares[i] ?? 0] as const);
}

// ----------------------------------------------------------------------------- companies

/** The part of a company that its people need too (language, town, e-mail domain). */
interface CompanyIdentity {
  locale: Locale;
  city: number;
  name: CompanyName;
  domain: string;
}

// These must stay the first draws from a company's stream: personAt replays them to learn the
// company's country and domain without building the whole row.
function companyIdentity(rng: Rng): CompanyIdentity {
  const locale = LOCALES[rng.weighted(COUNTRY_MIX)];
  const city = locale.pickCity(rng);
  const name = locale.companyName(rng, city);
  const citySuffix = rng.chance(0.3) ? `-${slugify(locale.cityName(city))}` : '';
  return { locale, city, name, domain: `${slugify(name.brand)}${citySuffix}.${locale.topLevelDomain}` };
}

function companyIdentityAt(seed: number, index: number): CompanyIdentity {
  return companyIdentity(forIndex(seed, STREAM.company, index));
}

function employeeCount(rng: Rng, legalForm: string): number | null {
  if (rng.chance(0.15)) return null;
  if (LARGE_LEGAL_FORMS.has(legalForm)) return rng.int(50, 5000);
  // Micro and small firms dominate every one of the three economies.
  const [min, max] = rng.weighted([
    [[1, 9], 55],
    [[10, 49], 30],
    [[50, 249], 12],
    [[250, 2000], 3],
  ] as const);
  return rng.int(min, max);
}

function nextActionDate(rng: Rng, referenceDay: number, status: string): string | null {
  if (status === 'inactive' ? rng.chance(0.9) : rng.chance(0.3)) return null;
  // Roughly a third overdue, so "what is late" lists have something in them.
  return rng.chance(0.36) ? isoDate(referenceDay - rng.int(1, 60)) : isoDate(referenceDay + rng.int(0, 90));
}

/** Sentences appended up to the column limit; a few companies get very long notes on purpose. */
function notes(rng: Rng, sentences: readonly string[], prefix: string | null): string | null {
  const count = rng.chance(0.03) ? rng.int(20, 60) : rng.int(1, 3);
  let text = prefix ?? '';
  for (let i = 0; i < count; i++) {
    const sentence = rng.pick(sentences);
    const joined = text === '' ? sentence : `${text} ${sentence}`;
    if (joined.length > MAX_NOTES_LENGTH) break;
    text = joined;
  }
  return text === '' ? null : text;
}

/** Only ever active employees: nobody would assign a customer to someone who has left. */
function accountManager(rng: Rng, seed: number, employees: number): number | null {
  if (employees === 0 || rng.chance(0.1)) return null;
  for (let attempt = 0; attempt < 8; attempt++) {
    const candidate = rng.int(0, employees - 1);
    if (employeeIsActive(seed, candidate)) return candidate;
  }
  return 0;
}

function buildCompany(ctx: Context, index: number): CompanyRow {
  checkIndex(index, ctx.size.companies, 'Company');
  const rng = forIndex(ctx.seed, STREAM.company, index);
  const { locale, city, name, domain } = companyIdentity(rng);
  const status = rng.weighted(STATUS_MIX);
  const hasAddress = rng.chance(0.95);
  const regon = locale.country === 'PL' && rng.chance(0.4) ? `REGON: ${generateRegon(rng)}.` : null;
  return {
    name: name.name,
    short_name: rng.chance(0.7) ? name.brand : null,
    tax_id: rng.chance(0.93) ? locale.taxId(rng, city, name.legalForm) : null,
    email: rng.chance(0.85) ? `${rng.pick(locale.companyEmailPrefixes)}@${domain}` : null,
    phone: rng.chance(0.85) ? locale.landline(rng, city) : null,
    website: rng.chance(0.7) ? `https://www.${domain}` : null,
    street: hasAddress ? locale.street(rng) : null,
    postal_code: hasAddress ? locale.postalCode(rng, city) : null,
    city: hasAddress || rng.chance(0.5) ? locale.cityName(city) : null,
    country: locale.country,
    industry_code: name.industry ?? rng.pick(INDUSTRY_CODES),
    status_code: status,
    category_code: rng.weighted(CATEGORY_MIX),
    customer_type_code: rng.weighted(CUSTOMER_TYPE_MIX),
    employee_count: employeeCount(rng, name.legalForm),
    next_action_date: nextActionDate(rng, ctx.referenceDay, status),
    notes: regon !== null || rng.chance(0.3) ? notes(rng, locale.companyNotes, regon) : null,
    account_manager_index: accountManager(rng, ctx.seed, ctx.size.employees),
  };
}

export function companyAt(
  seed: number,
  index: number,
  size: DatasetSize,
  options: GenerateOptions = {},
): CompanyRow {
  return buildCompany(context(seed, size, options), index);
}

export function* companies(
  seed: number,
  size: DatasetSize,
  from = 0,
  to = size.companies,
  options: GenerateOptions = {},
): Generator<CompanyRow, void, undefined> {
  checkRange(from, to, size.companies, 'Company');
  const ctx = context(seed, size, options);
  for (let index = from; index < to; index++) yield buildCompany(ctx, index);
}

// -------------------------------------------------------------------------------- people

function personalEmail(rng: Rng, firstName: string, lastName: string, domain: string): string {
  const first = emailWord(firstName);
  const last = emailWord(lastName);
  const roll = rng.float();
  const local =
    roll < 0.6 ? `${first}.${last}` : roll < 0.85 ? `${first.charAt(0)}.${last}` : `${first}${last}`;
  return `${local}@${domain}`;
}

function buildPerson(ctx: Context, index: number): PersonRow {
  checkIndex(index, ctx.size.people, 'Person');
  const rng = forIndex(ctx.seed, STREAM.person, index);
  const companyIndex = drawPersonCompany(rng, ctx.size.companies);
  const company = companyIndex === null ? null : companyIdentityAt(ctx.seed, companyIndex);
  // People speak their company's language; freelancers follow the overall country mix.
  const locale = company?.locale ?? LOCALES[rng.weighted(COUNTRY_MIX)];
  const gender: Gender = rng.chance(0.5) ? 'male' : 'female';
  const firstName = locale.firstName(rng, gender);
  const lastName = locale.lastName(rng, gender);
  const domain = company?.domain ?? rng.pick(PRIVATE_EMAIL_DOMAINS);
  return {
    company_index: companyIndex,
    first_name: firstName,
    last_name: lastName,
    position:
      company && rng.chance(0.85) ? positionLabel(rng.pick(PERSON_POSITION_CODES), locale.language) : null,
    email: rng.chance(company ? 0.85 : 0.6) ? personalEmail(rng, firstName, lastName, domain) : null,
    phone: company && rng.chance(0.5) ? locale.landline(rng, company.city) : null,
    mobile: rng.chance(0.7) ? locale.mobile(rng) : null,
    birth_date: rng.chance(0.35) ? isoDate(rng.int(BIRTH_DAY_FROM, BIRTH_DAY_TO)) : null,
    notes: rng.chance(0.1) ? rng.pick(locale.personNotes) : null,
  };
}

export function personAt(
  seed: number,
  index: number,
  size: DatasetSize,
  options: GenerateOptions = {},
): PersonRow {
  return buildPerson(context(seed, size, options), index);
}

export function* people(
  seed: number,
  size: DatasetSize,
  from = 0,
  to = size.people,
  options: GenerateOptions = {},
): Generator<PersonRow, void, undefined> {
  checkRange(from, to, size.people, 'Person');
  const ctx = context(seed, size, options);
  for (let index = from; index < to; index++) yield buildPerson(ctx, index);
}
