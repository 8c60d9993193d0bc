// The staff's reminders: repeating ones for the chores of a month or a week (the sales plan on
// Mondays, the report on the last working day), one-off ones about a client or a personal
// errand, most to come in the next weeks and some that have already reminded. Reminder #n is a
// pure function of (seed, n, size, reference date), from a stream of its own; when it comes
// next (and when it last came) depends on the moment the demo loads: see `reminderSchedule`.
import { DEFAULT_TIME_ZONE } from '../../access/actor.ts';
import { instantText } from '../../metadata/field-types/from-text.ts';
import { nextOccurrence, occurrencesBetween } from '../../modules/reminders/recurrence.ts';
import { workClients } from './client-work.ts';
import { context, type DatasetSize, type GenerateOptions, STREAM } from './context.ts';
import { employeeCountry, employees } from './employees.ts';
import { companyAt } from './generate.ts';
import { PLANNING_TEXTS, REPEATING_REMINDER_KEYS, type RepeatingReminderKey } from './planning-texts.ts';
import { forIndex, type Rng } from './prng.ts';
import { languageOf } from './task-registers.ts';
import { isoDate, pad } from './text.ts';
import type { Weights } from './work-context.ts';

/** How each repeating reminder repeats, and at what time of day where its reader works. */
const REPEATING: Readonly<Record<RepeatingReminderKey, { rule: string; minutes: number }>> = {
  weekly_plan: { rule: 'FREQ=WEEKLY;BYDAY=MO', minutes: 9 * 60 },
  // The last working day of the month.
  month_report: { rule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', minutes: 14 * 60 },
  timesheet: { rule: 'FREQ=WEEKLY;BYDAY=FR', minutes: 13 * 60 },
  invoices: { rule: 'FREQ=MONTHLY;BYMONTHDAY=10', minutes: 10 * 60 },
  complaints_inbox: { rule: 'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR', minutes: 8 * 60 + 30 },
  // Yearly from a date still to come: a reminder that has never reminded yet.
  car_insurance: { rule: 'FREQ=YEARLY', minutes: 10 * 60 },
};

type Kind = 'repeating' | 'client' | 'personal';

const KIND_MIX: Weights<Kind> = [
  ['repeating', 35],
  ['client', 40],
  ['personal', 25],
];

export interface ReminderRow {
  title: string;
  note: string | null;
  for_index: number;
  set_by_index: number;
  /** The first (or only) time it reminds. */
  at: string;
  /** An RRULE (`FREQ=…`), or null for once. */
  repeat: string | null;
  time_zone: string;
  email: boolean;
  /** A company it is about (by generator index), or null. */
  company_index: number | null;
  created_at: string;
}

/**
 * The zone its reader's 9:00 is in: Budapest for the Hungarian staff, the firm's (Warsaw, what
 * every account starts with) for the others, the British staff included.
 */
export function staffTimeZone(employee: number): string {
  return employeeCountry(employee) === 'HU' ? 'Europe/Budapest' : DEFAULT_TIME_ZONE;
}

/** `minutes` after midnight on `day` on the wall clock of `timeZone`, as an ISO instant. */
function localInstant(day: number, minutes: number, timeZone: string): string {
  const checked = instantText(
    `${isoDate(day)} ${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}`,
    timeZone,
  );
  if (typeof checked.value !== 'string') throw new Error(`no instant for day ${day} in ${timeZone}`);
  return checked.value;
}

interface ReminderSetup {
  seed: number;
  size: DatasetSize;
  options: GenerateOptions;
  reference: number;
  active: readonly number[];
  /** Reminders about a client are about one of the first companies, those with client work. */
  clients: number;
}

function setup(seed: number, size: DatasetSize, options: GenerateOptions): ReminderSetup {
  const base = context(seed, size, options);
  const staff = [...employees(seed, size)];
  return {
    seed,
    size,
    options,
    reference: base.referenceDay,
    active: staff.flatMap((employee, e) => (employee.active ? [e] : [])),
    clients: workClients(size) > 0 ? workClients(size) : size.companies,
  };
}

/** A client, preferably one the reader looks after (a few tries). */
function clientFor(rng: Rng, work: ReminderSetup, employee: number) {
  let index = rng.int(0, work.clients - 1);
  let company = companyAt(work.seed, index, work.size, work.options);
  for (let attempt = 1; attempt < 6 && company.account_manager_index !== employee; attempt++) {
    index = rng.int(0, work.clients - 1);
    company = companyAt(work.seed, index, work.size, work.options);
  }
  return { index, name: company.short_name ?? company.name };
}

function buildReminder(work: ReminderSetup, number: number): ReminderRow {
  const rng = forIndex(work.seed, STREAM.reminders, number);
  const reader = rng.pick(work.active);
  // Mostly for oneself; now and then a colleague (a manager, a teammate) sets it for them.
  const setBy =
    rng.chance(0.8) || work.active.length < 2 ? reader : rng.pick(work.active.filter((e) => e !== reader));
  const texts = PLANNING_TEXTS[languageOf(setBy)];
  const timeZone = staffTimeZone(reader);
  const kind = rng.weighted(KIND_MIX.map(([k, w]) => [k, k === 'client' && work.clients === 0 ? 0 : w]));
  const email = rng.chance(0.3);
  if (kind === 'repeating') {
    const key = rng.pick(REPEATING_REMINDER_KEYS);
    const spec = REPEATING[key];
    // Set up weeks or months ago; the insurance from its renewal date, still to come.
    const startDay =
      key === 'car_insurance' ? work.reference + rng.int(10, 200) : work.reference - rng.int(14, 180);
    const createdDay = Math.min(startDay, work.reference) - rng.int(1, 5);
    return {
      title: texts.repeating[key].title,
      note: texts.repeating[key].note,
      for_index: reader,
      set_by_index: setBy,
      at: localInstant(startDay, spec.minutes, timeZone),
      repeat: spec.rule,
      time_zone: timeZone,
      email,
      company_index: null,
      created_at: localInstant(createdDay, rng.int(8 * 4, 16 * 4) * 15, timeZone),
    };
  }
  // Most are still to come (some today); a quarter reminded already.
  const day = rng.chance(0.75) ? work.reference + rng.int(0, 21) : work.reference - rng.int(1, 20);
  const client = kind === 'client' ? clientFor(rng, work, reader) : null;
  const title = client
    ? rng.pick(texts.aboutClient).replace('{client}', client.name)
    : rng.pick(texts.personal);
  const createdDay = Math.min(day, work.reference) - rng.int(1, 10);
  return {
    title,
    note: rng.chance(0.3) ? rng.pick(texts.notes) : null,
    for_index: reader,
    set_by_index: setBy,
    at: localInstant(day, rng.int(8 * 4, 16 * 4) * 15, timeZone),
    repeat: null,
    time_zone: timeZone,
    email,
    company_index: client?.index ?? null,
    created_at: localInstant(createdDay, rng.int(8 * 4, 16 * 4) * 15, timeZone),
  };
}

/** The data set's `size.reminders` reminders, in order (none when nobody is active). */
export function reminders(seed: number, size: DatasetSize, options: GenerateOptions = {}): ReminderRow[] {
  const count = Math.max(0, size.reminders ?? 0);
  if (count === 0) return [];
  const work = setup(seed, size, options);
  if (work.active.length === 0) return [];
  return Array.from({ length: count }, (_, n) => buildReminder(work, n));
}

const DAY_MS = 86_400_000;

/**
 * Where a reminder stands at `from` (the load), as the engine would have left it had it run
 * all along: when it comes next (the first occurrence at or after `from`; a single one only
 * while its time is ahead) and when it last reminded (the latest occurrence before `from`, a
 * few weeks back at most).
 */
export function reminderSchedule(
  row: Pick<ReminderRow, 'at' | 'repeat' | 'time_zone'>,
  from: Date,
): { next_at: string | null; fired_at: string | null } {
  const recurrence = { start: new Date(row.at), rule: row.repeat, timeZone: row.time_zone };
  const next = nextOccurrence(recurrence, from);
  const before = occurrencesBetween(recurrence, new Date(from.getTime() - 40 * DAY_MS), from);
  const last = before[before.length - 1];
  return { next_at: next?.toISOString() ?? null, fired_at: last?.toISOString() ?? null };
}
