import { describe, expect, it } from 'vitest';
import { BENCH_SIZE, people } from './generate.ts';
import { EN_FEMALE_FIRST_NAMES, EN_MALE_FIRST_NAMES, EN_SURNAMES, UK_CITIES } from './names-en.ts';
import {
  HU_CITIES,
  HU_FEMALE_FIRST_NAMES,
  HU_MALE_FIRST_NAMES,
  HU_SURNAMES,
  HU_TAX_COUNTY_CODES,
} from './names-hu.ts';
import {
  feminizePolishSurname,
  PL_CITIES,
  PL_FEMALE_FIRST_NAMES,
  PL_MALE_FIRST_NAMES,
  PL_SURNAMES,
} from './names-pl.ts';
import { HUNGARIAN_TAX_COUNTY_CODES } from './tax-ids.ts';

const ADJECTIVAL = /(ski|cki|dzki)$/;

describe('Polish surnames', () => {
  it('take the feminine ending where Polish grammar requires it', () => {
    expect(feminizePolishSurname('Kowalski')).toBe('Kowalska');
    expect(feminizePolishSurname('Nowicki')).toBe('Nowicka');
    expect(feminizePolishSurname('Zawadzki')).toBe('Zawadzka');
    expect(feminizePolishSurname('Konieczny')).toBe('Konieczna');
    expect(feminizePolishSurname('Nowak')).toBe('Nowak');
    expect(feminizePolishSurname('Wójcik')).toBe('Wójcik');
    for (const male of PL_SURNAMES.filter((s) => ADJECTIVAL.test(s))) {
      const female = feminizePolishSurname(male);
      const ending = male.match(ADJECTIVAL)?.[1] ?? '';
      expect(female).toBe(`${male.slice(0, -ending.length)}${ending.slice(0, -1)}a`);
    }
  });

  it('agree with the first name of every generated Polish person', () => {
    const male = new Set<string>(PL_MALE_FIRST_NAMES);
    const female = new Set<string>(PL_FEMALE_FIRST_NAMES);
    let feminine = 0;
    const mismatched: string[] = [];
    for (const person of people(5, BENCH_SIZE, 0, 20_000)) {
      const name = `${person.first_name} ${person.last_name}`;
      if (male.has(person.first_name) && /(ska|cka|dzka)$/.test(person.last_name)) mismatched.push(name);
      if (female.has(person.first_name)) {
        if (/(ski|cki|dzki)$/.test(person.last_name)) mismatched.push(name);
        if (/(ska|cka|dzka)$/.test(person.last_name)) feminine++;
      }
    }
    expect(mismatched).toEqual([]);
    expect(feminine).toBeGreaterThan(500);
  });
});

describe('word lists', () => {
  it('have no duplicates', () => {
    for (const list of [
      PL_MALE_FIRST_NAMES,
      PL_FEMALE_FIRST_NAMES,
      PL_SURNAMES,
      HU_MALE_FIRST_NAMES,
      HU_FEMALE_FIRST_NAMES,
      HU_SURNAMES,
      EN_MALE_FIRST_NAMES,
      EN_FEMALE_FIRST_NAMES,
      EN_SURNAMES,
    ]) {
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it('are full of the diacritics search and sorting are tested on', () => {
    const text = [PL_SURNAMES, PL_FEMALE_FIRST_NAMES, HU_SURNAMES, HU_FEMALE_FIRST_NAMES, HU_MALE_FIRST_NAMES]
      .flat()
      .join(' ')
      .toLowerCase();
    for (const letter of [
      'ł',
      'ż',
      'ś',
      'ą',
      'ę',
      'ń',
      'ó',
      'ź',
      'ć',
      'ő',
      'ű',
      'ö',
      'ü',
      'á',
      'é',
      'í',
      'ú',
    ]) {
      expect(text, letter).toContain(letter);
    }
  });

  it('give cities well-formed postal codes, area codes and tax county codes', () => {
    for (const city of PL_CITIES) {
      expect(city.postal[0]).toBeLessThanOrEqual(city.postal[1]);
      expect(city.postal[1]).toBeLessThan(100_000);
      expect(city.area).toMatch(/^\d{2}$/);
    }
    for (const city of HU_CITIES) {
      expect(city.postal[0]).toBeGreaterThanOrEqual(1000);
      expect(city.postal[1]).toBeLessThan(10_000);
      for (const code of HU_TAX_COUNTY_CODES[city.county] ?? [])
        expect(HUNGARIAN_TAX_COUNTY_CODES).toContain(code);
      expect(HU_TAX_COUNTY_CODES[city.county], city.county).toBeDefined();
    }
    for (const city of UK_CITIES) {
      for (const outward of city.outward) expect(outward).toMatch(/^[A-Z]{1,2}\d[A-Z\d]?$/);
    }
  });
});
