// What the row generators need from a country: names, addresses, phones, company names and
// tax ids. Cities are passed around by index so that each locale keeps its own city shape.
import type { IndustryCode } from '../../modules/dictionaries/standard-values.ts';
import type { Rng } from './prng.ts';
import type { Country } from './rows.ts';

export type Gender = 'male' | 'female';
export type Language = 'pl' | 'hu' | 'en';

export interface CompanyName {
  /** The registered name, legal form included. */
  name: string;
  /** What people call the company; also the basis of its internet domain. */
  brand: string;
  /** The industry the name implies ("… Logistics Ltd"), or null when the name says nothing. */
  industry: IndustryCode | null;
  legalForm: string;
}

export interface EmployeeRole {
  department: string;
  positions: readonly string[];
}

export interface Locale {
  readonly country: Country;
  readonly language: Language;
  /** Domain suffix without the dot: "pl", "hu", "co.uk". */
  readonly topLevelDomain: string;
  readonly cityCount: number;
  readonly surnameCount: number;
  readonly companyEmailPrefixes: readonly string[];
  readonly companyNotes: readonly string[];
  readonly personNotes: readonly string[];
  readonly employeeRoles: readonly EmployeeRole[];

  pickCity(rng: Rng): number;
  cityName(city: number): string;
  cityRegion(city: number): string;
  postalCode(rng: Rng, city: number): string;
  street(rng: Rng): string;
  landline(rng: Rng, city: number): string;
  mobile(rng: Rng): string;
  firstName(rng: Rng, gender: Gender): string;
  lastName(rng: Rng, gender: Gender): string;
  /** The surname at a fixed list position, so employees can be given distinct surnames. */
  lastNameAt(position: number, gender: Gender): string;
  companyName(rng: Rng, city: number): CompanyName;
  taxId(rng: Rng, city: number, legalForm: string): string;
}

/** Throws instead of returning undefined: an out-of-range index here is a bug in the generator. */
export function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`Index ${index} outside a list of ${items.length}`);
  return item;
}

/**
 * Half the companies go to the first `hubCount` cities (the lists start with the biggest), the
 * rest anywhere: capitals get crowded, yet every town in the list shows up.
 */
export function pickCityIndex(rng: Rng, cityCount: number, hubCount: number): number {
  return rng.chance(0.5) ? rng.int(0, Math.min(hubCount, cityCount) - 1) : rng.int(0, cityCount - 1);
}

/** An arbitrary digit that is not zero, for the start of a subscriber number. */
export function leadingDigit(rng: Rng): string {
  return String(rng.int(2, 9));
}

/**
 * A brand built from a stem and an ending, fused ("Pol" + "bud" → "Polbud") or hyphenated
 * ("Pol-Bud"); both styles fill the Polish and Hungarian registers. Endings that carry their own
 * hyphen ("-Invest") keep it. A stem never meets its own ending ("Bud" + "bud").
 */
export function brandName(
  rng: Rng,
  stems: readonly string[],
  endings: readonly string[],
  hyphenChance: number,
): string {
  const stem = rng.pick(stems);
  let ending = rng.pick(endings);
  while (stem.toLowerCase().endsWith(ending.replace('-', '').toLowerCase())) ending = rng.pick(endings);
  if (ending.startsWith('-')) return stem + ending;
  return rng.chance(hyphenChance)
    ? `${stem}-${ending.charAt(0).toUpperCase()}${ending.slice(1)}`
    : stem + ending;
}

/** The year a firm puts in its name ("Polbud 1995", "(1998) Ltd"): from the 1989 transition on. */
export function foundingYear(rng: Rng): number {
  return rng.int(1989, 2024);
}
