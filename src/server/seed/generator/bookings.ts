// The firm's bookable resources (three meeting rooms, the company car, a projector) and their
// bookings over the working days around the reference date: first the client meetings and
// presentations held in a room and the visits the car is taken to, then the firm's own
// (team meetings, interviews, trips to the bank). Two bookings of one resource never overlap,
// as the database demands; each is placed only where its resource is still free.
import { context, type DatasetSize, type GenerateOptions, STREAM } from './context.ts';
import { employees } from './employees.ts';
import { planOrganisation } from './organisation.ts';
import { PLANNING_TEXTS, RESOURCE_KEYS, type ResourceKey } from './planning-texts.ts';
import { forIndex } from './prng.ts';
import { languageOf } from './task-registers.ts';
import { instantAt, type Weights } from './work-context.ts';

export type ResourceKind = 'room' | 'car' | 'projector';

/** Distinct colours, so the calendar tells the resources apart. */
const RESOURCE_SPECS: Readonly<
  Record<ResourceKey, { kind: ResourceKind; capacity: number | null; colour: string }>
> = {
  large_room: { kind: 'room', capacity: 12, colour: '#1971c2' },
  small_room: { kind: 'room', capacity: 6, colour: '#2f9e44' },
  quiet_room: { kind: 'room', capacity: 2, colour: '#f08c00' },
  car: { kind: 'car', capacity: 5, colour: '#495057' },
  projector: { kind: 'projector', capacity: null, colour: '#9c36b5' },
};

/** How the firm's own bookings spread over the resources (by RESOURCE_KEYS number). */
const RESOURCE_SHARE: Weights<number> = [
  [0, 30],
  [1, 30],
  [2, 15],
  [3, 15],
  [4, 10],
];

/** Minutes a booking of each resource takes. */
const DURATIONS: Readonly<Record<ResourceKey, readonly number[]>> = {
  large_room: [60, 60, 90, 120],
  small_room: [30, 60, 60, 90],
  quiet_room: [30, 45, 60],
  car: [60, 120, 180, 240],
  projector: [60, 90, 120],
};

/** Working days from a week before the reference date to two weeks after it. */
const WINDOW = { before: 7, after: 14 } as const;
/** Bookings lie within 07:00–16:00 UTC: 08:00/09:00 to 17:00/18:00 in Warsaw and Budapest. */
const DAY_START = 7 * 60;
const DAY_END = 16 * 60;
/** The car is taken half an hour before a visit and brought back half an hour after it. */
const TRAVEL_MS = 30 * 60_000;

export interface ResourceRow {
  key: ResourceKey;
  name: string;
  kind: ResourceKind;
  capacity: number | null;
  colour: string;
  description: string;
  location: string;
  created_at: string;
}

/** A client's activity a booking may be for: found by the loader among those already loaded. */
export interface BookableActivity {
  /** The loader's key for it (its id). */
  key: number;
  type: 'meeting' | 'presentation' | 'visit';
  title: string;
  starts_at: string;
  ends_at: string;
}

export interface BookingRow {
  /** Into `resources`, in RESOURCE_KEYS order. */
  resource_number: number;
  title: string;
  starts_at: string;
  ends_at: string;
  /** The activity's key, or null for the firm's own booking. */
  activity_key: number | null;
  /** Null for an activity's booking: its organiser booked it (the loader knows who). */
  booked_by_index: number | null;
  note: string | null;
  created_at: string;
}

/** The bookings' window, [from, to) in day numbers, and its working days. */
export function bookingWindow(referenceDay: number): { from: number; to: number; days: number[] } {
  const days: number[] = [];
  for (let day = referenceDay - WINDOW.before; day <= referenceDay + WINDOW.after; day++) {
    // Day 0 (1970-01-01) was a Thursday: 0 is Sunday, 6 Saturday.
    const weekday = (((day + 4) % 7) + 7) % 7;
    if (weekday !== 0 && weekday !== 6) days.push(day);
  }
  return { from: referenceDay - WINDOW.before, to: referenceDay + WINDOW.after + 1, days };
}

/** The resources (none when the size has no bookings), named in the language of the firm's head. */
export function resources(seed: number, size: DatasetSize, options: GenerateOptions = {}): ResourceRow[] {
  if ((size.bookings ?? 0) <= 0) return [];
  const base = context(seed, size, options);
  const head = planOrganisation([...employees(seed, size)]).departments[0]?.head ?? null;
  const texts = PLANNING_TEXTS[languageOf(head)].resources;
  return RESOURCE_KEYS.map((key, index) => ({
    key,
    ...RESOURCE_SPECS[key],
    ...texts[key],
    created_at: instantAt(base.referenceDay - 500, 8 * 60 + index * 3),
  }));
}

/**
 * About `size.bookings` bookings (fewer when the window is full), ordered by resource and then
 * by time. `activities` are the client meetings, presentations and visits within the window,
 * in the order they are offered (by start): a pure function of them and (seed, size, reference
 * date).
 */
export function bookings(
  seed: number,
  size: DatasetSize,
  options: GenerateOptions = {},
  activities: readonly BookableActivity[] = [],
): BookingRow[] {
  const target = Math.max(0, size.bookings ?? 0);
  if (target === 0) return [];
  const base = context(seed, size, options);
  const staff = [...employees(seed, size)];
  const active = staff.flatMap((employee, e) => (employee.active ? [e] : []));
  const { days } = bookingWindow(base.referenceDay);
  const taken: Array<Array<[start: number, end: number]>> = RESOURCE_KEYS.map(() => []);
  const rows: BookingRow[] = [];
  // Half-open [start, end): one ending at 10:00 and the next starting then do not clash.
  const free = (resource: number, start: number, end: number) =>
    (taken[resource] ?? []).every(([s, e]) => end <= s || start >= e);
  const book = (row: BookingRow) => {
    taken[row.resource_number]?.push([Date.parse(row.starts_at), Date.parse(row.ends_at)]);
    rows.push(row);
  };
  const writtenBefore = (start: number, daysBefore: number) =>
    new Date(start - daysBefore * 86_400_000).toISOString();
  const rooms = RESOURCE_KEYS.flatMap((key, r) => (RESOURCE_SPECS[key].kind === 'room' ? [r] : []));
  const car = RESOURCE_KEYS.indexOf('car');
  const projector = RESOURCE_KEYS.indexOf('projector');
  // The note under a visit's car is the firm's, like the resources' names.
  const firmLanguage = languageOf(planOrganisation(staff).departments[0]?.head ?? null);

  activities.forEach((activity, k) => {
    if (rows.length >= target) return;
    const rng = forIndex(seed, STREAM.activityBookings, k);
    const start = Date.parse(activity.starts_at);
    const end = Date.parse(activity.ends_at);
    const of = (resource: number, from: number, to: number, note: string | null = null): BookingRow => ({
      resource_number: resource,
      title: activity.title,
      starts_at: new Date(from).toISOString(),
      ends_at: new Date(to).toISOString(),
      activity_key: activity.key,
      booked_by_index: null,
      note,
      created_at: writtenBefore(start, rng.int(1, 7)),
    });
    if (activity.type === 'visit') {
      // Only some visits are by the company car; the others by train or the visitor's own.
      if (!rng.chance(0.5) || !free(car, start - TRAVEL_MS, end + TRAVEL_MS)) return;
      book(of(car, start - TRAVEL_MS, end + TRAVEL_MS, PLANNING_TEXTS[firmLanguage].travelNote));
      return;
    }
    // Many meetings are at the client's: some six in ten are here, in the first free room.
    if (!rng.chance(0.6)) return;
    const room = rooms.slice(0, 2).find((r) => free(r, start, end));
    if (room === undefined) return;
    book(of(room, start, end));
    if (activity.type === 'presentation' && rows.length < target && free(projector, start, end))
      book(of(projector, start, end));
  });

  for (let n = 0; rows.length < target && n < target * 20 && days.length > 0 && active.length > 0; n++) {
    const rng = forIndex(seed, STREAM.bookings, n);
    const resource = rng.weighted(RESOURCE_SHARE);
    const key = RESOURCE_KEYS[resource] ?? 'large_room';
    const duration = rng.pick(DURATIONS[key]);
    const day = rng.pick(days);
    const minutes = rng.int(DAY_START / 15, (DAY_END - duration) / 15) * 15;
    const start = Date.parse(instantAt(day, minutes));
    const end = start + duration * 60_000;
    const booker = rng.pick(active);
    const texts = PLANNING_TEXTS[languageOf(booker)].bookings[RESOURCE_SPECS[key].kind];
    const title = rng.pick(texts);
    const createdDaysBefore = rng.int(1, 14);
    if (!free(resource, start, end)) continue;
    book({
      resource_number: resource,
      title,
      starts_at: new Date(start).toISOString(),
      ends_at: new Date(end).toISOString(),
      activity_key: null,
      booked_by_index: booker,
      note: null,
      created_at: writtenBefore(start, createdDaysBefore),
    });
  }
  return rows.sort((a, b) => a.resource_number - b.resource_number || a.starts_at.localeCompare(b.starts_at));
}
