// The shared inputs of every record generator: dataset size, seed, reference date, and the
// named random streams each kind of record draws from.

import type { Locale } from './locale.ts';
import { ENGLISH_LOCALE } from './locale-en.ts';
import { HUNGARIAN_LOCALE } from './locale-hu.ts';
import { POLISH_LOCALE } from './locale-pl.ts';
import type { Country } from './rows.ts';
import { dayNumber, todayIso } from './text.ts';

export interface DatasetSize {
  companies: number;
  people: number;
  employees: number;
  companyGroups: number;
  personGroups: number;
  /**
   * How many of the first companies get cases (with stages and watchers), activities (with
   * participants and follow-up chains) and notes; whether a company gets any, and how many,
   * depends on its status. Unset means none, so a size written before these existed (the
   * benchmark's) loads without them.
   */
  caseClients?: number;
  activityClients?: number;
  noteClients?: number;
  /**
   * About how many tasks (subtasks included) the data set has, in a few registers: single
   * tasks and trees of subtasks, some about the first clients. The last tree goes in whole, so
   * a few more. Unset means none (no registers either).
   */
  tasks?: number;
  /**
   * Chain templates (of the two the generator knows: a new client's onboarding, a complaint),
   * in the task registers, so only with tasks; reminders, some repeating, for the active staff;
   * bookings of a few rooms, the car and the projector around the reference date (the resources
   * come with the first booking). Unset means none: the benchmark has none of them.
   */
  taskChains?: number;
  reminders?: number;
  bookings?: number;
}

export const DEMO_SIZE: DatasetSize = {
  companies: 200,
  people: 600,
  employees: 15,
  companyGroups: 8,
  personGroups: 6,
  caseClients: 200,
  activityClients: 200,
  noteClients: 200,
  tasks: 300,
  taskChains: 2,
  reminders: 40,
  bookings: 120,
};

export const BENCH_SIZE: DatasetSize = {
  companies: 1_000_000,
  people: 2_000_000,
  employees: 50,
  companyGroups: 30,
  personGroups: 20,
  caseClients: 0,
  activityClients: 0,
  noteClients: 0,
};

export interface GenerateOptions {
  /** YYYY-MM-DD that relative dates (next actions, ages, hire dates) count from; default today (UTC). */
  referenceDate?: string;
}

// Stream names: changing one reshuffles that kind of record for every seed, so treat them as frozen.
export const STREAM = {
  company: 'company',
  person: 'person',
  employee: 'employee',
  employeeStatus: 'employee-status',
  employeeSurnames: 'employee-surnames',
  groupOrder: 'group-order',
  companyMembership: 'company-membership',
  personMembership: 'person-membership',
  clientCases: 'client-cases',
  clientActivities: 'client-activities',
  clientNotes: 'client-notes',
  taskRegisters: 'task-registers',
  tasks: 'tasks',
  taskChains: 'task-chains',
  reminders: 'reminders',
  bookings: 'bookings',
  activityBookings: 'activity-bookings',
} as const;

export const LOCALES: Record<Country, Locale> = {
  PL: POLISH_LOCALE,
  HU: HUNGARIAN_LOCALE,
  GB: ENGLISH_LOCALE,
};

export const COUNTRY_MIX: readonly (readonly [Country, number])[] = [
  ['PL', 50],
  ['HU', 35],
  ['GB', 15],
];

export interface Context {
  seed: number;
  size: DatasetSize;
  referenceDay: number;
}

export function context(seed: number, size: DatasetSize, options: GenerateOptions): Context {
  if (!Number.isInteger(seed)) throw new RangeError(`The seed must be an integer, got ${seed}`);
  return { seed, size, referenceDay: dayNumber(options.referenceDate ?? todayIso()) };
}

export function checkIndex(index: number, count: number, kind: string): void {
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new RangeError(`${kind} index ${index} is outside 0..${count - 1}`);
  }
}

export function checkRange(from: number, to: number, count: number, kind: string): void {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > count || from > to) {
    throw new RangeError(`${kind} range ${from}..${to} is outside 0..${count}`);
  }
}
