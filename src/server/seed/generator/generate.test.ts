import { describe, expect, it } from 'vitest';
import { checkTaxId } from '../../../shared/identifiers/tax-id.ts';
import {
  ACTIVITY_TYPE_CODES,
  CATEGORY_CODES,
  COMPANY_STATUS_CODES,
  CUSTOMER_TYPE_CODES,
  DICTIONARY_SEEDS,
  INDUSTRY_CODES,
} from '../../modules/dictionaries/standard-values.ts';
import {
  BENCH_SIZE,
  companies,
  companyAt,
  companyGroupAt,
  companyGroupMemberships,
  companyGroups,
  type DatasetSize,
  DEMO_SIZE,
  employeeAt,
  employeeIsActive,
  employees,
  people,
  personAt,
  personGroupMemberships,
  personGroups,
} from './generate.ts';
import { EN_FEMALE_FIRST_NAMES, EN_MALE_FIRST_NAMES } from './names-en.ts';
import { HU_FEMALE_FIRST_NAMES, HU_MALE_FIRST_NAMES } from './names-hu.ts';
import { PL_FEMALE_FIRST_NAMES, PL_MALE_FIRST_NAMES } from './names-pl.ts';
import type { CompanyRow, PersonRow } from './rows.ts';
import { dayNumber } from './text.ts';

const REFERENCE = { referenceDate: '2026-11-23' };
const SIZE: DatasetSize = {
  companies: 20_000,
  people: 40_000,
  employees: 50,
  companyGroups: 30,
  personGroups: 20,
};
const EMAIL =
  /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;

const sampleCompanies: CompanyRow[] = [...companies(7, SIZE, 0, SIZE.companies, REFERENCE)];
const samplePeople: PersonRow[] = [...people(7, SIZE, 0, SIZE.people, REFERENCE)];

// Checks collect offending values and assert once: an expect() per row would make these
// tests take many seconds over tens of thousands of rows.
function isGoodEmail(email: string | null): boolean {
  return email === null || (EMAIL.test(email) && !email.includes('..') && email.length <= 254);
}

function tooLong(values: readonly (string | null)[], limit: number): string[] {
  return values.filter((value): value is string => value !== null && value.length > limit);
}

describe('determinism', () => {
  it('gives identical rows for the same seed', () => {
    expect([...companies(7, SIZE, 0, 500, REFERENCE)]).toEqual(sampleCompanies.slice(0, 500));
    expect([...people(7, SIZE, 0, 500, REFERENCE)]).toEqual(samplePeople.slice(0, 500));
    expect([...employees(7, SIZE)]).toEqual([...employees(7, SIZE)]);
    expect([...companyGroups(7, SIZE)]).toEqual([...companyGroups(7, SIZE)]);
    expect([...personGroupMemberships(7, SIZE, 0, 1_000)]).toEqual([
      ...personGroupMemberships(7, SIZE, 0, 1_000),
    ]);
  });

  it('gives different rows for a different seed', () => {
    const other = [...companies(8, SIZE, 0, 500, REFERENCE)];
    const sameName = other.filter((row, i) => row.name === sampleCompanies[i]?.name).length;
    expect(sameName).toBeLessThan(10);
    expect(employeeAt(8, 0, SIZE)).not.toEqual(employeeAt(7, 0, SIZE));
  });

  it('produces any record directly, equal to the streamed one', () => {
    for (const index of [0, 1, 4_321, 19_999]) {
      expect(companyAt(7, index, SIZE, REFERENCE)).toEqual(sampleCompanies[index]);
    }
    expect(personAt(7, 31_337, SIZE)).toEqual(samplePeople[31_337]);
    const slices = [...companies(7, SIZE, 100, 150, REFERENCE), ...companies(7, SIZE, 150, 200, REFERENCE)];
    expect(slices).toEqual(sampleCompanies.slice(100, 200));
    // Company #500000 of the benchmark without generating the ones before it.
    expect(companyAt(7, 500_000, BENCH_SIZE, REFERENCE).name.length).toBeGreaterThan(0);
  });

  it('rejects indexes, ranges, seeds and dates it cannot honour', () => {
    expect(() => companyAt(7, SIZE.companies, SIZE, REFERENCE)).toThrow(RangeError);
    expect(() => personAt(7, -1, SIZE)).toThrow(RangeError);
    expect(() => [...companies(7, SIZE, 10, 5, REFERENCE)]).toThrow(RangeError);
    expect(() => companyAt(1.5, 0, SIZE, REFERENCE)).toThrow(RangeError);
    expect(() => companyAt(7, 0, SIZE, { referenceDate: '2026-02-30' })).toThrow(RangeError);
  });
});

describe('companies', () => {
  it('use only dictionary codes', () => {
    const codes = (list: readonly string[]) => new Set(list);
    const distinct = (pick: (row: CompanyRow) => string) => new Set(sampleCompanies.map(pick));
    expect(distinct((row) => row.industry_code)).toEqual(codes(INDUSTRY_CODES));
    expect(distinct((row) => row.status_code)).toEqual(codes(COMPANY_STATUS_CODES));
    expect(distinct((row) => row.category_code)).toEqual(codes(CATEGORY_CODES));
    expect(distinct((row) => row.customer_type_code)).toEqual(codes(CUSTOMER_TYPE_CODES));
  });

  it('mix Polish, Hungarian and British companies about 50/35/15', () => {
    const share = (country: string) =>
      sampleCompanies.filter((row) => row.country === country).length / sampleCompanies.length;
    expect(share('PL')).toBeCloseTo(0.5, 1);
    expect(share('HU')).toBeCloseTo(0.35, 1);
    expect(share('GB')).toBeCloseTo(0.15, 1);
  });

  it('carry valid tax ids in each country’s format', () => {
    const kinds = { PL: 'nip', HU: 'huTaxNumber', GB: 'euVat' } as const;
    const withTaxId = sampleCompanies.filter((row) => row.tax_id !== null);
    expect(withTaxId.length).toBeGreaterThan(sampleCompanies.length * 0.85);
    expect(withTaxId.filter((row) => !checkTaxId(kinds[row.country], row.tax_id ?? '').ok)).toEqual([]);
  });

  it('keep every field within its length limit', () => {
    expect(
      tooLong(
        sampleCompanies.map((row) => row.name),
        200,
      ),
    ).toEqual([]);
    expect(
      tooLong(
        sampleCompanies.map((row) => row.notes),
        2000,
      ),
    ).toEqual([]);
    expect(sampleCompanies.filter((row) => !isGoodEmail(row.email))).toEqual([]);
    const shortFields = sampleCompanies.flatMap((row) => [
      row.short_name,
      row.tax_id,
      row.phone,
      row.website,
      row.street,
      row.postal_code,
      row.city,
    ]);
    expect(tooLong(shortFields, 100)).toEqual([]);
    // Some notes are deliberately long, to exercise the UI.
    expect(sampleCompanies.some((row) => (row.notes?.length ?? 0) > 800)).toBe(true);
  });

  it('have postal codes in each country’s format', () => {
    const formats = { PL: /^\d{2}-\d{3}$/, HU: /^[1-9]\d{3}$/, GB: /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/ };
    const malformed = sampleCompanies.filter(
      (row) => row.postal_code !== null && !formats[row.country].test(row.postal_code),
    );
    expect(malformed).toEqual([]);
  });

  it('have mostly distinct names', () => {
    expect(new Set(sampleCompanies.map((row) => row.name)).size).toBeGreaterThan(
      sampleCompanies.length * 0.99,
    );
  });

  it('spread next actions around the reference date', () => {
    const reference = dayNumber(REFERENCE.referenceDate);
    const offsets = sampleCompanies.flatMap((row) =>
      row.next_action_date === null ? [] : [dayNumber(row.next_action_date) - reference],
    );
    expect(offsets.some((d) => d < 0)).toBe(true);
    expect(offsets.some((d) => d > 0)).toBe(true);
    expect(offsets.length).toBeLessThan(sampleCompanies.length * 0.8);
    expect(Math.min(...offsets)).toBeGreaterThanOrEqual(-60);
    expect(Math.max(...offsets)).toBeLessThanOrEqual(90);
  });

  it('are assigned only to active employees', () => {
    const managers = new Set(sampleCompanies.map((row) => row.account_manager_index));
    expect(managers.has(null)).toBe(true);
    for (const index of managers) {
      if (index === null) continue;
      expect(index).toBeLessThan(SIZE.employees);
      expect(employeeIsActive(7, index)).toBe(true);
    }
  });
});

describe('people', () => {
  it('mostly belong to a company, and speak its language', () => {
    const withoutCompany = samplePeople.filter((p) => p.company_index === null).length / samplePeople.length;
    expect(withoutCompany).toBeGreaterThan(0.03);
    expect(withoutCompany).toBeLessThan(0.07);
    const polish = new Set<string>([...PL_MALE_FIRST_NAMES, ...PL_FEMALE_FIRST_NAMES]);
    const hungarian = new Set<string>([...HU_MALE_FIRST_NAMES, ...HU_FEMALE_FIRST_NAMES]);
    const english = new Set<string>([...EN_MALE_FIRST_NAMES, ...EN_FEMALE_FIRST_NAMES]);
    const mismatched = samplePeople.filter((person) => {
      if (person.company_index === null) return false;
      const country = sampleCompanies[person.company_index]?.country;
      if (country === undefined) return true;
      if (country === 'PL') return !polish.has(person.first_name);
      if (country === 'HU') return !hungarian.has(person.first_name);
      return !english.has(person.first_name);
    });
    expect(mismatched).toEqual([]);
  });

  it('have ASCII e-mails at their company’s domain', () => {
    expect(samplePeople.filter((person) => !isGoodEmail(person.email))).toEqual([]);
    let checked = 0;
    const elsewhere = samplePeople.filter((person) => {
      if (person.email === null || person.company_index === null) return false;
      const website = sampleCompanies[person.company_index]?.website;
      if (!website) return false;
      checked++;
      return !person.email.endsWith(`@${website.replace('https://www.', '')}`);
    });
    expect(elsewhere).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });

  it('keep every field within its length limit', () => {
    const shortFields = samplePeople.flatMap((p) => [
      p.first_name,
      p.last_name,
      p.position,
      p.phone,
      p.mobile,
    ]);
    expect(tooLong(shortFields, 100)).toEqual([]);
    expect(
      tooLong(
        samplePeople.map((p) => p.notes),
        2000,
      ),
    ).toEqual([]);
    expect(
      samplePeople.filter((p) => p.birth_date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(p.birth_date)),
    ).toEqual([]);
  });
});

describe('employees and groups', () => {
  it('give employees unique e-mails and sensible dates', () => {
    const many: DatasetSize = { ...SIZE, employees: 1_000 };
    const staff = [...employees(7, many)];
    expect(new Set(staff.map((e) => e.email)).size).toBe(staff.length);
    expect(staff.filter((e) => !isGoodEmail(e.email))).toEqual([]);
    expect(staff.filter((e) => e.hired_on <= e.birth_date || e.hired_on >= REFERENCE.referenceDate)).toEqual(
      [],
    );
    expect(staff[0]?.active).toBe(true);
    expect(staff.some((e) => !e.active)).toBe(true);
  });

  it('name groups uniquely even past the end of the templates', () => {
    const many: DatasetSize = { ...SIZE, companyGroups: 100, personGroups: 100 };
    const companyNames = [...companyGroups(7, many)].map((g) => g.name);
    const personNames = [...personGroups(7, many)].map((g) => g.name);
    expect(new Set(companyNames).size).toBe(100);
    expect(new Set(personNames).size).toBe(100);
    expect(companyGroupAt(7, 3, DEMO_SIZE)).toEqual([...companyGroups(7, DEMO_SIZE)][3]);
  });

  it('yield memberships within range and without repeats', () => {
    const pairs = [...companyGroupMemberships(7, SIZE)];
    expect(pairs.length).toBeGreaterThan(SIZE.companies * 0.4);
    const keys = new Set(pairs.map(([group, member]) => `${group}:${member}`));
    expect(keys.size).toBe(pairs.length);
    const outOfRange = pairs.filter(
      ([group, member]) => group < 0 || group >= SIZE.companyGroups || member < 0 || member >= SIZE.companies,
    );
    expect(outOfRange).toEqual([]);
    const slice = [...personGroupMemberships(7, SIZE, 1_000, 2_000)];
    expect(slice.every(([, member]) => member >= 1_000 && member < 2_000)).toBe(true);
    expect([...companyGroupMemberships(7, { ...SIZE, companyGroups: 0 })]).toEqual([]);
  });
});

describe('dictionaries', () => {
  it('seed every code once, with labels in three languages', () => {
    const keys = DICTIONARY_SEEDS.map((d) => `${d.dictionary}:${d.code}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const seed of DICTIONARY_SEEDS) {
      for (const label of [seed.labels.en, seed.labels.pl, seed.labels.hu]) expect(label.trim()).not.toBe('');
    }
    const count = (name: string) => DICTIONARY_SEEDS.filter((d) => d.dictionary === name).length;
    expect(count('industry')).toBe(INDUSTRY_CODES.length);
    expect(count('activity_type')).toBe(ACTIVITY_TYPE_CODES.length);
    expect(count('person_position')).toBeGreaterThan(5);
  });
});
