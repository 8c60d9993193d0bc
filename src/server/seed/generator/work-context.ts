// What the generators of a client's work (cases, activities, notes) share: the client as they
// see it, the reference day, the staff who can take work on, and a few small helpers.
import type { CompanyStatusCode } from '../../modules/dictionaries/standard-values.ts';
import type { Language } from './locale.ts';
import type { Rng } from './prng.ts';
import type { Country } from './rows.ts';
import { isoDate, pad } from './text.ts';

export type Weights<T> = readonly (readonly [T, number])[];

/** One company as the work generators need it. */
export interface ClientView {
  index: number;
  status: CompanyStatusCode;
  country: Country;
  language: Language;
  /** Employee index; null for the one in ten companies nobody looks after. */
  accountManager: number | null;
  /** Person indexes of the company's people, ascending. */
  people: readonly number[];
}

export interface WorkContext {
  seed: number;
  /** Day number of the reference date ("today"). */
  referenceDay: number;
  /** Indexes of the employees still working here: only they get new work. */
  active: readonly number[];
  /** The year after the reference date's, for "framework agreement for 2027". */
  nextYear: number;
}

/** An instant in UTC: day number and minutes after midnight. */
export function instantAt(day: number, minutes: number): string {
  return `${isoDate(day)}T${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}:00.000Z`;
}

/**
 * When something was written down: never on or after the reference day (it is "today" when the
 * demo loads, so its later hours have not happened yet); later ones move to the day before.
 */
export function writtenAt(ctx: WorkContext, day: number, minutes: number): string {
  return day < ctx.referenceDay ? instantAt(day, minutes) : instantAt(ctx.referenceDay - 1, minutes);
}

/** The later of two ISO instants (they compare as text). */
export function later(a: string, b: string): string {
  return a > b ? a : b;
}

/** A working-hours time of day in UTC (08:00–17:00 in Warsaw and Budapest), in 5-minute steps. */
export function workingMinutes(rng: Rng, from = 7 * 60, to = 15 * 60): number {
  return rng.int(from / 5, to / 5) * 5;
}

/** An active employee, or null when nobody is. */
export function anyActive(rng: Rng, ctx: WorkContext): number | null {
  return ctx.active.length === 0 ? null : rng.pick(ctx.active);
}

/** Up to `count` distinct values of `from` other than `except`, ascending. */
export function pickSome(
  rng: Rng,
  from: readonly number[],
  count: number,
  except: number | null = null,
): number[] {
  const picked = new Set<number>();
  const available = from.filter((value) => value !== except).length;
  const wanted = Math.min(count, available);
  // A handful of candidates at most: drawing until enough distinct ones turned up is quickest.
  while (picked.size < wanted) {
    const value = rng.pick(from);
    if (value !== except) picked.add(value);
  }
  return [...picked].sort((a, b) => a - b);
}

/** A text of `texts` not in `used` when one is left (a client's notes do not repeat), noted as used. */
export function freshText(rng: Rng, texts: readonly string[], used: Set<string>): string {
  let text = rng.pick(texts);
  for (let attempt = 0; attempt < 6 && used.has(text); attempt++) text = rng.pick(texts);
  used.add(text);
  return text;
}
