import { at, brandName, foundingYear, type Locale, leadingDigit, pickCityIndex } from './locale.ts';
import {
  HU_ACTIVITIES,
  HU_BRAND_ENDINGS,
  HU_BRAND_STEMS,
  HU_CITIES,
  HU_COMPANY_EMAIL_PREFIXES,
  HU_COMPANY_NOTES,
  HU_EMPLOYEE_ROLES,
  HU_FEMALE_FIRST_NAMES,
  HU_LARGE_TAXPAYER_COUNTY_CODE,
  HU_LEGAL_FORMS,
  HU_MALE_FIRST_NAMES,
  HU_MOBILE_PREFIXES,
  HU_NAME_QUALIFIERS,
  HU_PERSON_NOTES,
  HU_STREETS,
  HU_SURNAMES,
  HU_TAX_COUNTY_CODES,
} from './names-hu.ts';
import type { Rng } from './prng.ts';

/** "Plusz", "Hungária", or a founding year written "2004" or "'94". */
function qualifier(rng: Rng): string {
  if (rng.chance(0.75)) return rng.pick(HU_NAME_QUALIFIERS);
  const year = foundingYear(rng);
  return rng.chance(0.5) ? String(year) : `'${String(year % 100).padStart(2, '0')}`;
}

import { generateHungarianTaxNumber } from './tax-ids.ts';

function qualified(rng: Rng, base: string, p: number): string {
  return rng.chance(p) ? `${base} ${qualifier(rng)}` : base;
}

export const HUNGARIAN_LOCALE: Locale = {
  country: 'HU',
  language: 'hu',
  topLevelDomain: 'hu',
  cityCount: HU_CITIES.length,
  surnameCount: HU_SURNAMES.length,
  companyEmailPrefixes: HU_COMPANY_EMAIL_PREFIXES,
  companyNotes: HU_COMPANY_NOTES,
  personNotes: HU_PERSON_NOTES,
  employeeRoles: HU_EMPLOYEE_ROLES,

  // Budapest alone is the hub: it hosts a far larger share of companies than any Polish city.
  pickCity: (rng) => pickCityIndex(rng, HU_CITIES.length, 1),
  cityName: (city) => at(HU_CITIES, city).name,
  cityRegion: (city) => at(HU_CITIES, city).county,

  postalCode(rng, city) {
    const [from, to] = at(HU_CITIES, city).postal;
    const code = rng.int(from, to);
    // Budapest codes are 1 + district (01–23) + a digit; a trailing 0 is rare, so avoid it.
    return String(code % 10 === 0 && from !== to ? code + 1 : code);
  },

  street(rng) {
    const building = `${rng.pick(HU_STREETS)} ${rng.int(1, 150)}.`;
    // Flats are written "2. em. 5." (floor, door) after the house number.
    return rng.chance(0.2) ? `${building} ${rng.int(1, 8)}. em. ${rng.int(1, 30)}.` : building;
  },

  landline(rng, city) {
    const area = at(HU_CITIES, city).area;
    // Budapest numbers have seven digits after the area code, the rest of the country six.
    return area === '1'
      ? `+36 1 ${leadingDigit(rng)}${rng.digits(2)} ${rng.digits(4)}`
      : `+36 ${area} ${leadingDigit(rng)}${rng.digits(2)} ${rng.digits(3)}`;
  },
  mobile: (rng) =>
    `+36 ${rng.pick(HU_MOBILE_PREFIXES)} ${leadingDigit(rng)}${rng.digits(2)} ${rng.digits(4)}`,

  firstName: (rng, gender) => rng.pick(gender === 'male' ? HU_MALE_FIRST_NAMES : HU_FEMALE_FIRST_NAMES),
  lastName: (rng) => rng.pick(HU_SURNAMES),
  lastNameAt: (position) => at(HU_SURNAMES, position % HU_SURNAMES.length),

  companyName(rng, city) {
    const legalForm = rng.weighted(HU_LEGAL_FORMS);
    const adjective = at(HU_CITIES, city).adjective;
    // Limited partnerships (Bt.) are small family firms, named after the owners.
    if (legalForm === 'Bt.') {
      const owner = rng.pick(HU_SURNAMES);
      const [activity, industry] = rng.pick(HU_ACTIVITIES);
      if (rng.chance(0.1)) {
        const firstName = rng.pick(rng.chance(0.5) ? HU_MALE_FIRST_NAMES : HU_FEMALE_FIRST_NAMES);
        const trade = rng.chance(0.5) ? ` ${activity}` : '';
        const name = `${owner} ${firstName} és Társa${trade} Bt.`;
        return { name, brand: owner, industry: trade ? industry : null, legalForm };
      }
      const owners = `${owner}-${rng.pick(HU_SURNAMES)}`;
      return { name: `${qualified(rng, owners, 0.3)} ${activity} Bt.`, brand: owners, industry, legalForm };
    }

    const roll = rng.float();
    if (roll < 0.45) {
      const brand = brandName(rng, HU_BRAND_STEMS, HU_BRAND_ENDINGS, 0.3);
      const [activity, industry] = rng.pick(HU_ACTIVITIES);
      const local = rng.chance(0.3) ? `${adjective} ` : '';
      return {
        name: `${local}${qualified(rng, brand, 0.5)} ${activity} ${legalForm}`,
        brand,
        industry,
        legalForm,
      };
    }
    if (roll < 0.55) {
      const brand = brandName(rng, HU_BRAND_STEMS, HU_BRAND_ENDINGS, 0.3);
      const local = rng.chance(0.5) ? `${adjective} ` : '';
      return { name: `${local}${brand} ${qualifier(rng)} ${legalForm}`, brand, industry: null, legalForm };
    }
    const [activity, industry] = rng.pick(HU_ACTIVITIES);
    if (roll < 0.7) {
      // "Győri Rába Építőipari Kft.": the town's adjective in front of the trade. Half the
      // companies sit in Budapest, so these need the qualifier more often to stay distinct.
      const brand = `${adjective} ${rng.chance(0.5) ? rng.pick(HU_BRAND_STEMS) : rng.pick(HU_SURNAMES)}`;
      return { name: `${qualified(rng, brand, 0.7)} ${activity} ${legalForm}`, brand, industry, legalForm };
    }
    const brand = `${rng.pick(HU_BRAND_STEMS)}-${rng.pick(HU_SURNAMES)}`;
    return { name: `${qualified(rng, brand, 0.3)} ${activity} ${legalForm}`, brand, industry, legalForm };
  },

  taxId(rng, city, legalForm) {
    const isLarge = (legalForm === 'Zrt.' || legalForm === 'Nyrt.') && rng.chance(0.3);
    const countyCodes = HU_TAX_COUNTY_CODES[at(HU_CITIES, city).county] ?? ['41'];
    return generateHungarianTaxNumber(rng, isLarge ? HU_LARGE_TAXPAYER_COUNTY_CODE : rng.pick(countyCodes));
  },
};
