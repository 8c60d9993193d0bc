import { RRuleTemporal } from 'rrule-temporal';

/**
 * Repetition by an RFC 5545 RRULE (`FREQ=WEEKLY;BYDAY=MO`, `FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1`
 * for the last working day), expanded in a time zone by rrule-temporal (Temporal-based, so 9:00
 * stays 9:00 across daylight saving changes). Every expansion is bounded by a range and a count:
 * a rule without an end never runs away.
 */

/** Frequencies that would flood a person with reminders. */
const TOO_FREQUENT = new Set(['SECONDLY', 'MINUTELY']);
/** No range expands into more occurrences than this. */
export const MAX_OCCURRENCES = 1000;

export class RecurrenceError extends Error {}

/** `FREQ=…` from what a user or client sent (with or without the `RRULE:` prefix), or an error. */
export function normaliseRule(text: string): string {
  const rule = text
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase();
  if (rule === '' || /[\r\n]/.test(rule) || /(^|;)DTSTART/.test(rule))
    throw new RecurrenceError('must be one RRULE line such as FREQ=WEEKLY;BYDAY=MO');
  const freq = /(?:^|;)FREQ=([A-Z]+)/.exec(rule)?.[1];
  if (!freq) throw new RecurrenceError('must name a frequency (FREQ=DAILY, WEEKLY, MONTHLY…)');
  if (TOO_FREQUENT.has(freq)) throw new RecurrenceError('may repeat at most hourly');
  parse(rule, new Date('2026-01-01T09:00:00Z'), 'UTC');
  return rule;
}

/** Formats by time zone: making one costs far more than using it. */
const stampFormats = new Map<string, Intl.DateTimeFormat>();

/** The ICS form of a local time: `YYYYMMDDTHHMMSS` of `at` as seen in `timeZone`. */
function localStamp(at: Date, timeZone: string): string {
  let format = stampFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    stampFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('year')}${part('month')}${part('day')}T${part('hour')}${part('minute')}${part('second')}`;
}

/**
 * Parsed rules by their text: parsing builds Temporal objects and costs more than expanding a
 * month, and a calendar asks for the same reminders again and again. Bounded, oldest out.
 */
const parsed = new Map<string, RRuleTemporal>();
const PARSED_KEPT = 2000;

/** Keeps at most `kept` entries in `cache`, the oldest going first. */
function remember<V>(cache: Map<string, V>, key: string, value: V, kept: number): V {
  if (cache.size >= kept) cache.delete(cache.keys().next().value ?? '');
  cache.set(key, value);
  return value;
}

function parse(rule: string, start: Date, timeZone: string): RRuleTemporal {
  // Keyed by the instant, not its local form: formatting it costs more than the look-up.
  const key = `${rule}|${start.getTime()}|${timeZone}`;
  const known = parsed.get(key);
  if (known) return known;
  // rrule-temporal starts an expansion near the range itself (aligned by whole periods).
  const text = `DTSTART;TZID=${timeZone}:${localStamp(start, timeZone)}\nRRULE:${rule}`;
  let made: RRuleTemporal;
  try {
    made = new RRuleTemporal({ rruleString: text, maxIterations: 100_000 });
  } catch (error) {
    throw new RecurrenceError(
      `is not a valid RRULE (${error instanceof Error ? error.message : 'unreadable'})`,
    );
  }
  return remember(parsed, key, made, PARSED_KEPT);
}

/** Whether a time zone name is one the runtime knows (IANA). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export interface Recurrence {
  /** The first occurrence: the rule's DTSTART. */
  start: Date;
  /** `FREQ=…`, or null for a single occurrence. */
  rule: string | null;
  timeZone: string;
}

/**
 * Expansions by rule, start, zone and range: a calendar asks for the same weeks of the same
 * repeating reminders again and again, and expanding through Temporal costs far more than
 * reading the reminders. Everything the result depends on is in the key, so nothing goes stale.
 * Only ranges a calendar shows are kept (a feed's year from this very millisecond is never
 * asked again), the least recently used going first.
 */
const expansions = new Map<string, readonly number[]>();
const EXPANSIONS_KEPT = 2000;
const CACHED_RANGE_MS = 62 * 86_400_000;

/** Occurrences in [from, to), at most `MAX_OCCURRENCES`. */
export function occurrencesBetween(recurrence: Recurrence, from: Date, to: Date): Date[] {
  if (recurrence.rule === null)
    return recurrence.start >= from && recurrence.start < to ? [recurrence.start] : [];
  const key = `${recurrence.rule}|${recurrence.start.getTime()}|${recurrence.timeZone}|${from.getTime()}|${to.getTime()}`;
  const cacheable = to.getTime() - from.getTime() <= CACHED_RANGE_MS;
  let times = cacheable ? expansions.get(key) : undefined;
  if (times) {
    // Used again: to the back of the queue.
    expansions.delete(key);
    expansions.set(key, times);
  } else {
    const rule = parse(recurrence.rule, recurrence.start, recurrence.timeZone);
    const found: number[] = [];
    for (const at of rule.between(from, to, true)) {
      if (at.epochMilliseconds >= to.getTime()) continue;
      found.push(at.epochMilliseconds);
      if (found.length >= MAX_OCCURRENCES) break;
    }
    times = cacheable ? remember(expansions, key, found, EXPANSIONS_KEPT) : found;
  }
  // New dates each time: the caller may keep or change them.
  return times.map((time) => new Date(time));
}

/** The first occurrence at or after `from`, or null when the rule has ended. */
export function nextOccurrence(recurrence: Recurrence, from: Date): Date | null {
  if (recurrence.rule === null) return recurrence.start >= from ? recurrence.start : null;
  // Only times the rule names: "monthly on the last working day" set up on a Sunday does not
  // remind on that Sunday (RFC 5545 leaves a DTSTART off the rule undefined; rrule-temporal
  // leaves it out unless asked, as the calendar's expansion does too).
  const after = recurrence.start > from ? recurrence.start : from;
  const next = parse(recurrence.rule, recurrence.start, recurrence.timeZone).next(after, true);
  return next ? new Date(next.epochMilliseconds) : null;
}
