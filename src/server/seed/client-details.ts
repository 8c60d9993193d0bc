import { bulkInsert } from '../db/bulk-insert.ts';
import type { Dialect } from '../db/dialects/dialect.ts';
import { demoBankAccount } from './generator/bank-accounts.ts';
import { forIndex } from './generator/prng.ts';

/** How many companies (the first ones) get a full card: every demo company, a slice of the benchmark's. */
export const DETAILED_COMPANIES = 10_000;

const CURRENCY: Record<string, string> = { PL: 'PLN', HU: 'HUF', GB: 'GBP' };

type Row = Record<string, unknown>;

/** A dictionary's values by code. */
export async function codes(dialect: Dialect, dictionary: string): Promise<Map<string, number>> {
  const rows = await dialect.db
    .selectFrom('dictionary_value')
    .select(['id', 'code'])
    .where('dictionary', '=', dictionary)
    .execute();
  return new Map(rows.map((row) => [String(row.code), Number(row.id)]));
}

/**
 * The rest of the client card for the demo: each company's main address (its own address
 * columns, as the engine keeps them in step), some delivery addresses, bank accounts, three
 * financial years; each person's current employment and some consents. Deterministic per seed.
 */
export async function loadClientDetails(
  dialect: Dialect,
  seed: number,
  at: string,
  year: number,
): Promise<void> {
  const audit = { created_at: at, updated_at: at, version: 1 };
  const yes = dialect.encodeBoolean(true);
  const no = dialect.encodeBoolean(false);
  const kinds = await codes(dialect, 'address_kind');
  const channels = await codes(dialect, 'consent_channel');
  const companies = await dialect.db
    .selectFrom('company')
    .select(['id', 'street', 'postal_code', 'city', 'country', 'employee_count'])
    .orderBy('id')
    .limit(DETAILED_COMPANIES)
    .execute();
  const addresses: Row[] = [];
  const banks: Row[] = [];
  const years: Row[] = [];
  for (const [index, company] of companies.entries()) {
    const rng = forIndex(seed, 'company-details', index);
    const id = Number(company.id);
    const country = String(company.country ?? 'PL');
    if (company.city) {
      const base = {
        company_id: id,
        postal_code: company.postal_code,
        city: company.city,
        country,
        ...audit,
      };
      addresses.push({ ...base, kind_id: kinds.get('registered'), street: company.street, is_main: yes });
      if (rng.chance(0.15))
        addresses.push({
          ...base,
          kind_id: kinds.get('delivery'),
          street: company.street,
          building: `Hala ${rng.int(1, 4)}`,
          is_main: no,
        });
    }
    const bank = rng.chance(0.6) ? demoBankAccount(country, rng) : null;
    if (bank)
      banks.push({
        company_id: id,
        iban: bank.iban,
        bank: bank.bank,
        currency: CURRENCY[country],
        is_main: yes,
        ...audit,
      });
    if (rng.chance(0.4)) {
      const scale = Math.max(1, Number(company.employee_count ?? 10));
      let revenue = scale * rng.int(150_000, 400_000) * 100;
      for (let back = 3; back >= 1; back--) {
        revenue = Math.round(revenue * (0.9 + rng.float() * 0.3));
        const currency = CURRENCY[country] ?? 'PLN';
        years.push({
          company_id: id,
          year: year - back,
          revenue_amount: revenue,
          revenue_currency: currency,
          profit_amount: Math.round(revenue * (rng.float() * 0.15 - 0.03)),
          profit_currency: currency,
          ...audit,
        });
      }
    }
  }
  await bulkInsert(dialect.db, dialect.name, 'address', addresses);
  await bulkInsert(dialect.db, dialect.name, 'bank_account', banks);
  await bulkInsert(dialect.db, dialect.name, 'financial_year', years);

  const people = await dialect.db
    .selectFrom('person')
    .select(['id', 'company_id', 'position'])
    .where('company_id', 'in', companies.length > 0 ? companies.map((c) => Number(c.id)) : [0])
    .orderBy('id')
    .execute();
  const jobs: Row[] = [];
  const consents: Row[] = [];
  for (const [index, person] of people.entries()) {
    const rng = forIndex(seed, 'person-details', index);
    // One in six came from another client: their job there is in their employment history.
    const previous = companies[rng.int(0, companies.length - 1)];
    if (rng.chance(1 / 6) && previous && Number(previous.id) !== Number(person.company_id)) {
      const left = year - rng.int(1, 5);
      jobs.push({
        person_id: person.id,
        company_id: previous.id,
        position: person.position,
        started_on: `${left - rng.int(1, 8)}-${String(rng.int(1, 12)).padStart(2, '0')}-01`,
        ended_on: `${left}-${String(rng.int(1, 12)).padStart(2, '0')}-01`,
        ...audit,
      });
    }
    for (const channel of ['email', 'phone'] as const) {
      if (!rng.chance(channel === 'email' ? 0.5 : 0.2)) continue;
      consents.push({
        person_id: person.id,
        channel_id: channels.get(channel),
        given: rng.chance(0.9) ? yes : no,
        recorded_at: `${year - 1}-${String(rng.int(1, 12)).padStart(2, '0')}-15T10:00:00.000Z`,
        source: rng.pick(['Web form', 'Trade fair', 'Signed paper form', 'Phone call']),
        text_version: 'v2',
        ...audit,
      });
    }
  }
  await bulkInsert(dialect.db, dialect.name, 'person_employment', jobs);
  await bulkInsert(dialect.db, dialect.name, 'consent', consents);
}

/** How a near-duplicate spells a legal form: what people type when they do not look first. */
const LEGAL_FORM_SPELLINGS: Array<[RegExp, string]> = [
  [/\bsp\. z o\.o\.$/i, 'SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ'],
  [/\bKft\.$/, 'KFT'],
  [/\bZrt\.$/, 'zrt'],
  [/\bLtd$/, 'Limited'],
  [/\bS\.A\.$/, 'SA'],
];

/**
 * A few companies entered twice, as happens in every CRM (another spelling of the legal form,
 * upper case, sometimes the same tax id), so the duplicates list and a merge can be tried on
 * the demo. Only for the demo's size: one in forty of the first companies.
 */
export function nearDuplicateRows(companies: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  for (const [index, company] of companies.entries()) {
    if (index % 40 !== 7) continue;
    const name = String(company.name);
    const rule = LEGAL_FORM_SPELLINGS.find(([pattern]) => pattern.test(name));
    const twin = rule ? name.replace(rule[0], rule[1]) : name.toUpperCase();
    const { id: _id, version: _version, name_key: _key, ...rest } = company;
    rows.push({ ...rest, name: twin, tax_id: index % 80 === 7 ? company.tax_id : null, notes: null });
  }
  return rows;
}
