import { at, brandName, foundingYear, type Locale, leadingDigit, pickCityIndex } from './locale.ts';
import {
  feminizePolishSurname,
  PL_ACTIVITIES,
  PL_BRAND_ENDINGS,
  PL_BRAND_STEMS,
  PL_CITIES,
  PL_COMPANY_EMAIL_PREFIXES,
  PL_COMPANY_NOTES,
  PL_EMPLOYEE_ROLES,
  PL_ENTERPRISE_KINDS,
  PL_FEMALE_FIRST_NAMES,
  PL_LEGAL_FORMS,
  PL_MALE_FIRST_NAMES,
  PL_MOBILE_PREFIXES,
  PL_NAME_QUALIFIERS,
  PL_PARTNER_SUFFIXES,
  PL_PERSON_NOTES,
  PL_QUOTED_NAMES,
  PL_STREETS,
  PL_SURNAMES,
} from './names-pl.ts';
import type { Rng } from './prng.ts';
import { generateNip } from './tax-ids.ts';
import { pad } from './text.ts';

function formatPostalCode(code: number): string {
  const digits = pad(code, 5);
  return `${digits.slice(0, 2)}-${digits.slice(2)}`;
}

/** Appends the town with probability p: "Polbud Budownictwo Kraków". */
function withCity(rng: Rng, base: string, cityName: string, p: number): string {
  return rng.chance(p) ? `${base} ${cityName}` : base;
}

export const POLISH_LOCALE: Locale = {
  country: 'PL',
  language: 'pl',
  topLevelDomain: 'pl',
  cityCount: PL_CITIES.length,
  surnameCount: PL_SURNAMES.length,
  companyEmailPrefixes: PL_COMPANY_EMAIL_PREFIXES,
  companyNotes: PL_COMPANY_NOTES,
  personNotes: PL_PERSON_NOTES,
  employeeRoles: PL_EMPLOYEE_ROLES,

  pickCity: (rng) => pickCityIndex(rng, PL_CITIES.length, 8),
  cityName: (city) => at(PL_CITIES, city).name,
  cityRegion: (city) => at(PL_CITIES, city).region,

  postalCode(rng, city) {
    const [from, to] = at(PL_CITIES, city).postal;
    const code = rng.int(from, to);
    // xx-000 is not used for deliveries.
    return formatPostalCode(code % 1000 === 0 ? code + 1 : code);
  },

  street(rng) {
    let number = String(rng.int(1, 180));
    if (rng.chance(0.12)) number += rng.pick(['A', 'B', 'C']);
    if (rng.chance(0.35)) number += `/${rng.int(1, 40)}`;
    else if (rng.chance(0.08)) number += ` lok. ${rng.int(1, 20)}`;
    return `${rng.pick(PL_STREETS)} ${number}`;
  },

  // Polish numbers are nine digits after +48: a two-digit area code and seven digits.
  landline: (rng, city) =>
    `+48 ${at(PL_CITIES, city).area} ${leadingDigit(rng)}${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}`,
  mobile: (rng) => `+48 ${rng.pick(PL_MOBILE_PREFIXES)} ${rng.digits(3)} ${rng.digits(3)}`,

  firstName: (rng, gender) => rng.pick(gender === 'male' ? PL_MALE_FIRST_NAMES : PL_FEMALE_FIRST_NAMES),
  lastName(rng, gender) {
    const male = rng.pick(PL_SURNAMES);
    return gender === 'male' ? male : feminizePolishSurname(male);
  },
  lastNameAt(position, gender) {
    const male = at(PL_SURNAMES, position % PL_SURNAMES.length);
    return gender === 'male' ? male : feminizePolishSurname(male);
  },

  companyName(rng, city) {
    const legalForm = rng.weighted(PL_LEGAL_FORMS);
    const cityName = at(PL_CITIES, city).name;
    // A partnership's name must carry a partner's surname, so those get a surname-based name.
    if (legalForm === 'sp.j.' || legalForm === 'sp.k.') {
      const activity = rng.chance(0.8) ? rng.pick(PL_ACTIVITIES) : null;
      const prefix = activity ? activity[0] : rng.pick(PL_ENTERPRISE_KINDS);
      const partner = rng.pick(PL_SURNAMES);
      const roll = rng.float();
      const partners =
        roll < 0.12
          ? withCity(rng, `${partner} ${rng.pick(PL_PARTNER_SUFFIXES)}`, cityName, 0.7)
          : roll < 0.56
            ? `${partner}, ${rng.pick(PL_SURNAMES)}${rng.chance(0.3) ? ' i Wspólnicy' : ''}`
            : `${partner} i ${rng.pick(PL_SURNAMES)}`;
      return {
        name: `${prefix} ${partners} ${legalForm}`,
        brand: partner,
        industry: activity?.[1] ?? null,
        legalForm,
      };
    }

    const brand = brandName(rng, PL_BRAND_STEMS, PL_BRAND_ENDINGS, 0.4);
    const roll = rng.float();
    if (roll < 0.45) {
      const [activity, industry] = rng.pick(PL_ACTIVITIES);
      return {
        name: `${withCity(rng, `${brand} ${activity}`, cityName, 0.65)} ${legalForm}`,
        brand,
        industry,
        legalForm,
      };
    }
    if (roll < 0.55) {
      const quoted = rng.chance(0.3) ? rng.pick(PL_QUOTED_NAMES) : brand;
      // Polish quotation marks: opening „ low, closing ” high.
      const name = `${rng.pick(PL_ENTERPRISE_KINDS)} „${quoted}” ${cityName} ${legalForm}`;
      return { name, brand: quoted, industry: null, legalForm };
    }
    if (roll < 0.7) {
      const [activity, industry] = rng.pick(PL_ACTIVITIES);
      return {
        name: `${withCity(rng, `${activity} ${brand}`, cityName, 0.65)} ${legalForm}`,
        brand,
        industry,
        legalForm,
      };
    }
    const qualifier = rng.chance(0.25) ? String(foundingYear(rng)) : rng.pick(PL_NAME_QUALIFIERS);
    const base = rng.chance(0.75) ? `${brand} ${qualifier}` : brand;
    return { name: `${base} ${cityName} ${legalForm}`, brand, industry: null, legalForm };
  },

  taxId: (rng) => generateNip(rng),
};
