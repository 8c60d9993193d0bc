import { foldText } from '../text/fold.ts';
import { HU_NAME_DAYS } from './hu.ts';
import { PL_NAME_DAYS } from './pl.ts';

/** The bundled calendars: Polish imieniny and Hungarian névnapok. */
export type NameDayCalendar = 'pl' | 'hu';

/** A day of the year; `month` 1–12, `day` 1–31. */
export interface MonthDay {
  month: number;
  day: number;
}

export interface GuessedNameDay extends MonthDay {
  calendar: NameDayCalendar;
}

const CALENDAR_DATA: Readonly<Record<NameDayCalendar, Readonly<Record<string, string>>>> = {
  pl: PL_NAME_DAYS,
  hu: HU_NAME_DAYS,
};

/** Marks the main day of a name with several days (see pl.ts and hu.ts). */
const MAIN_DAY_MARK = '*';
/** Separates a Hungarian day's main names from its secondary names. */
const SECONDARY_SEPARATOR = '|';
/** What ends the first word of a compound first name ("Anna Maria", "Anna-Maria"). */
const WORD_SEPARATORS = /[\s\-\u2010\u2011\u2013]+/u;

interface Occurrence {
  key: string;
  starred: boolean;
  mainName: boolean;
}

interface CalendarIndex {
  /** Lowercased name → its days, main day first. */
  byName: ReadonlyMap<string, readonly MonthDay[]>;
  /** Accent-folded name → the lowercased names that fold to it (usually one). */
  byFoldedName: ReadonlyMap<string, readonly string[]>;
}

const indexes = new Map<NameDayCalendar, CalendarIndex>();

function toMonthDay(key: string): MonthDay {
  return { month: Number(key.slice(0, 2)), day: Number(key.slice(3, 5)) };
}

/**
 * A name's days in the order callers get them: the starred day, then days it is a
 * main name on (every Polish name is), then the rest; calendar order within each.
 */
function compareOccurrences(left: Occurrence, right: Occurrence): number {
  if (left.starred !== right.starred) return left.starred ? -1 : 1;
  if (left.mainName !== right.mainName) return left.mainName ? -1 : 1;
  return left.key < right.key ? -1 : left.key > right.key ? 1 : 0;
}

function buildIndex(calendar: NameDayCalendar): CalendarIndex {
  const occurrences = new Map<string, Occurrence[]>();
  for (const [key, entry] of Object.entries(CALENDAR_DATA[calendar])) {
    const [mainPart = '', secondaryPart = ''] = entry.split(SECONDARY_SEPARATOR);
    const groups: Array<[string, boolean]> = [
      [mainPart, true],
      [secondaryPart, false],
    ];
    for (const [part, mainName] of groups) {
      for (const raw of part.split(',')) {
        const trimmed = raw.trim();
        if (trimmed === '') continue;
        const starred = trimmed.endsWith(MAIN_DAY_MARK);
        const name = (starred ? trimmed.slice(0, -MAIN_DAY_MARK.length) : trimmed).normalize('NFC');
        const lowered = name.toLowerCase();
        const list = occurrences.get(lowered) ?? [];
        list.push({ key, starred, mainName });
        occurrences.set(lowered, list);
      }
    }
  }
  const byName = new Map<string, readonly MonthDay[]>();
  const byFoldedName = new Map<string, string[]>();
  for (const [lowered, list] of occurrences) {
    byName.set(
      lowered,
      [...list].sort(compareOccurrences).map((occurrence) => toMonthDay(occurrence.key)),
    );
    const folded = foldText(lowered);
    const sameFold = byFoldedName.get(folded) ?? [];
    sameFold.push(lowered);
    byFoldedName.set(folded, sameFold);
  }
  return { byName, byFoldedName };
}

/** The index of one calendar, built on first use: most page loads never need one. */
function indexFor(calendar: NameDayCalendar): CalendarIndex {
  let index = indexes.get(calendar);
  if (index === undefined) {
    index = buildIndex(calendar);
    indexes.set(calendar, index);
  }
  return index;
}

/** The first word of a first name, in composed form (input may arrive decomposed). */
function firstWord(firstName: string): string | null {
  const [word] = firstName.normalize('NFC').trim().split(WORD_SEPARATORS);
  return word === undefined || word === '' ? null : word;
}

function exactDays(calendar: NameDayCalendar, word: string): readonly MonthDay[] | undefined {
  return indexFor(calendar).byName.get(word.toLowerCase());
}

/**
 * Days by accent-folded spelling ("Malgorzata" → Małgorzata, "Jozsef" → József). Only
 * when exactly one calendar name folds to the input: where two do (Polish Lucja and
 * Łucja) the letters decide, and a guess between them could be the wrong person's day.
 */
function foldedDays(calendar: NameDayCalendar, word: string): readonly MonthDay[] | undefined {
  const index = indexFor(calendar);
  const candidates = index.byFoldedName.get(foldText(word));
  if (candidates === undefined || candidates.length !== 1) return undefined;
  const [candidate] = candidates;
  return candidate === undefined ? undefined : index.byName.get(candidate);
}

function copyDays(days: readonly MonthDay[]): MonthDay[] {
  return days.map(({ month, day }) => ({ month, day }));
}

/**
 * Every name day of `firstName` in one calendar, main day first, then the others in
 * calendar order; `[]` when the calendar does not know the name.
 *
 * Only the first word counts ("Anna Maria" → Anna). Case and surrounding spaces are
 * ignored; letters are matched exactly first and accent-folded only as a fallback, so
 * "Łucja" and "Lucja" keep their own days while "Lukasz" still finds Łukasz.
 *
 * Days are as the calendar prints them: Hungarian 02-24 to 02-28 move one day later in
 * leap years (see hu.ts), and Polish 02-29 names have no day in other years.
 */
export function nameDaysFor(firstName: string, locale: NameDayCalendar): MonthDay[] {
  const word = firstWord(firstName);
  if (word === null) return [];
  const days = exactDays(locale, word) ?? foldedDays(locale, word);
  return days === undefined ? [] : copyDays(days);
}

/** The main name day of `firstName` in one calendar, or null when it has none there. */
export function mainNameDay(firstName: string, language: NameDayCalendar): MonthDay | null {
  return nameDaysFor(firstName, language)[0] ?? null;
}

/**
 * The main name day of `firstName` in whichever calendar knows it, the preferred one
 * first (Polish first when there is no preference). An exact spelling in either
 * calendar beats an accent-folded match in the preferred one: "Maria" is the Polish
 * name even for a Hungarian-language user, whose Mária is spelt with the accent.
 */
export function guessNameDay(firstName: string, preferred: NameDayCalendar | null): GuessedNameDay | null {
  const word = firstWord(firstName);
  if (word === null) return null;
  const first: NameDayCalendar = preferred ?? 'pl';
  const order: readonly NameDayCalendar[] = [first, first === 'pl' ? 'hu' : 'pl'];
  for (const lookup of [exactDays, foldedDays]) {
    for (const calendar of order) {
      const [main] = lookup(calendar, word) ?? [];
      if (main !== undefined) return { month: main.month, day: main.day, calendar };
    }
  }
  return null;
}
