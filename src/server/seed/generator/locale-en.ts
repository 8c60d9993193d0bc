import { at, foundingYear, type Locale, leadingDigit, pickCityIndex } from './locale.ts';
import {
  EN_FEMALE_FIRST_NAMES,
  EN_MALE_FIRST_NAMES,
  EN_SURNAMES,
  UK_ACTIVITIES,
  UK_BRAND_STEMS,
  UK_BRAND_SUFFIXES,
  UK_BUSINESS_PARKS,
  UK_CITIES,
  UK_COMPANY_EMAIL_PREFIXES,
  UK_COMPANY_NOTES,
  UK_EMPLOYEE_ROLES,
  UK_INWARD_LETTERS,
  UK_LEGAL_FORMS,
  UK_NAME_QUALIFIERS,
  UK_PERSON_NOTES,
  UK_STREETS,
} from './names-en.ts';
import type { Rng } from './prng.ts';
import { generateUkVat } from './tax-ids.ts';

/** "Pennine" or "Pennine Valley". */
function ukBrand(rng: Rng): string {
  const stem = rng.pick(UK_BRAND_STEMS);
  return rng.chance(0.7) ? `${stem} ${rng.pick(UK_BRAND_SUFFIXES)}` : stem;
}

function inwardLetter(rng: Rng): string {
  return UK_INWARD_LETTERS.charAt(rng.int(0, UK_INWARD_LETTERS.length - 1));
}

const UK_LOCAL_FIRST_DIGIT: Readonly<Record<string, string>> = { '23': '8', '24': '7', '28': '9', '29': '2' };

export const ENGLISH_LOCALE: Locale = {
  country: 'GB',
  language: 'en',
  topLevelDomain: 'co.uk',
  cityCount: UK_CITIES.length,
  surnameCount: EN_SURNAMES.length,
  companyEmailPrefixes: UK_COMPANY_EMAIL_PREFIXES,
  companyNotes: UK_COMPANY_NOTES,
  personNotes: UK_PERSON_NOTES,
  employeeRoles: UK_EMPLOYEE_ROLES,

  pickCity: (rng) => pickCityIndex(rng, UK_CITIES.length, 4),
  cityName: (city) => at(UK_CITIES, city).name,
  cityRegion: (city) => at(UK_CITIES, city).region,

  // Outward code of a real district + inward code "9AA" (digit, two letters): "EC1A 1BB".
  postalCode: (rng, city) =>
    `${rng.pick(at(UK_CITIES, city).outward)} ${rng.int(0, 9)}${inwardLetter(rng)}${inwardLetter(rng)}`,

  street(rng) {
    const roll = rng.float();
    if (roll < 0.7) return `${rng.int(1, 240)} ${rng.pick(UK_STREETS)}`;
    if (roll < 0.9) return `Unit ${rng.int(1, 30)}, ${rng.pick(UK_BUSINESS_PARKS)}`;
    return `Suite ${rng.int(1, 12)}, ${rng.int(1, 240)} ${rng.pick(UK_STREETS)}`;
  },

  // Where Ofcom reserves numbers for drama (020 7946 0xxx, 01x1 496 0xxx, 07700 900xxx) we use
  // them, so a demo cannot ring a real line; elsewhere the digits are random.
  landline(rng, city) {
    const area = at(UK_CITIES, city).area;
    if (area === '20') return `+44 20 7946 0${rng.digits(3)}`;
    if (area.length === 3) return `+44 ${area} 496 0${rng.digits(3)}`;
    // The two-digit areas (023 Southampton, 024 Coventry, 028 Belfast, 029 Cardiff) give their
    // local numbers a fixed first digit; others are not numbers and the engine refuses them.
    if (area.length === 2)
      return `+44 ${area} ${UK_LOCAL_FIRST_DIGIT[area] ?? '2'}${rng.digits(3)} ${rng.digits(4)}`;
    return `+44 ${area} ${leadingDigit(rng)}${rng.digits(5)}`;
  },
  mobile: (rng) => `+44 7700 900${rng.digits(3)}`,

  firstName: (rng, gender) => rng.pick(gender === 'male' ? EN_MALE_FIRST_NAMES : EN_FEMALE_FIRST_NAMES),
  lastName: (rng) => rng.pick(EN_SURNAMES),
  lastNameAt: (position) => at(EN_SURNAMES, position % EN_SURNAMES.length),

  companyName(rng, city) {
    const legalForm = rng.weighted(UK_LEGAL_FORMS);
    const first = rng.pick(EN_SURNAMES);
    const second = rng.pick(EN_SURNAMES);
    // LLPs are law and accountancy firms, named after their partners.
    if (legalForm === 'LLP') {
      const roll = rng.float();
      const partners =
        roll < 0.45
          ? `${first}, ${second} & ${rng.pick(EN_SURNAMES)}`
          : roll < 0.65
            ? `${first} ${second}`
            : roll < 0.85
              ? `${first} & ${second}`
              : `${first} ${second} & Partners`;
      const industry = rng.chance(0.75) ? 'professional_services' : 'finance';
      return { name: `${partners} LLP`, brand: `${first} ${second}`, industry, legalForm };
    }

    const [activity, industry] = rng.pick(UK_ACTIVITIES);
    const brand = ukBrand(rng);
    if (legalForm === 'PLC') {
      const tail = rng.pick(['Group', 'Holdings', 'International']);
      return { name: `${brand} ${activity} ${tail} PLC`, brand, industry, legalForm };
    }
    // Registered names often carry the town or the founding year in brackets: "… (Leeds) Ltd".
    const year = rng.chance(0.3) ? ` (${foundingYear(rng)})` : '';
    const roll = rng.float();
    if (roll < 0.45) {
      const qualifier = rng.chance(0.5) ? ` ${rng.pick(UK_NAME_QUALIFIERS)}` : '';
      const place = rng.chance(0.3) ? ` (${at(UK_CITIES, city).name})` : '';
      const name = `${brand} ${activity}${qualifier}${place}${year} ${legalForm}`;
      return { name, brand: `${brand} ${activity}`, industry, legalForm };
    }
    if (roll < 0.65) {
      const initial = rng.pick(rng.chance(0.5) ? EN_MALE_FIRST_NAMES : EN_FEMALE_FIRST_NAMES).charAt(0);
      const family = rng.pick([' & Sons', ' & Daughters', ' Brothers', ' & Co']);
      return {
        name: `${initial}. ${first}${family} (${activity})${year} ${legalForm}`,
        brand: first,
        industry,
        legalForm,
      };
    }
    if (roll < 0.8) {
      const cityName = at(UK_CITIES, city).name;
      return {
        name: `${cityName} ${brand} ${activity} ${legalForm}`,
        brand: `${cityName} ${brand}`,
        industry,
        legalForm,
      };
    }
    const qualifier = rng.chance(0.3) ? ` ${rng.pick(UK_NAME_QUALIFIERS)}` : '';
    return {
      name: `${first} ${second} ${activity}${qualifier} ${legalForm}`,
      brand: `${first} ${second}`,
      industry,
      legalForm,
    };
  },

  taxId: (rng) => generateUkVat(rng),
};
