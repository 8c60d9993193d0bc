import { describe, expect, it } from 'vitest';
import { HU_NAME_DAYS } from './hu.ts';
import { guessNameDay, mainNameDay, type NameDayCalendar, nameDaysFor } from './index.ts';
import { PL_NAME_DAYS } from './pl.ts';

const CALENDARS: ReadonlyArray<[NameDayCalendar, Readonly<Record<string, string>>]> = [
  ['pl', PL_NAME_DAYS],
  ['hu', HU_NAME_DAYS],
];

/** Days in each month of a leap year, so 02-29 counts as a real date. */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

interface Entry {
  name: string;
  starred: boolean;
  mainName: boolean;
}

/** An independent reading of the data format, so a parser bug in index.ts cannot hide a data bug. */
function entries(value: string): Entry[] {
  const parts = value.split('|');
  return parts.flatMap((part, position) =>
    part
      .split(',')
      .map((raw) => raw.trim())
      .map((raw) => ({
        name: raw.replace(/\*$/u, ''),
        starred: raw.endsWith('*'),
        mainName: position === 0,
      })),
  );
}

function date(month: number, day: number): { month: number; day: number } {
  return { month, day };
}

function mmdd(text: string): { month: number; day: number } {
  const [month = '', day = ''] = text.split('-');
  return date(Number(month), Number(day));
}

describe('calendar data', () => {
  it.each(CALENDARS)('%s: every key is a valid MM-DD date, in calendar order', (_calendar, data) => {
    const keys = Object.keys(data);
    for (const key of keys) {
      expect(key).toMatch(/^\d{2}-\d{2}$/u);
      const { month, day } = mmdd(key);
      expect(month).toBeGreaterThanOrEqual(1);
      expect(month).toBeLessThanOrEqual(12);
      expect(day).toBeGreaterThanOrEqual(1);
      expect(day).toBeLessThanOrEqual(DAYS_IN_MONTH[month - 1] ?? 0);
    }
    expect(keys).toEqual([...keys].sort());
  });

  it('the Polish calendar has all 366 days, 02-29 included', () => {
    expect(Object.keys(PL_NAME_DAYS)).toHaveLength(366);
    expect(PL_NAME_DAYS['02-29']).toBeDefined();
  });

  it('the Hungarian calendar has the 365 common-year days and no 02-29 (leap days shift, see hu.ts)', () => {
    expect(Object.keys(HU_NAME_DAYS)).toHaveLength(365);
    expect(HU_NAME_DAYS['02-29']).toBeUndefined();
  });

  it('every Hungarian day has a main name, every Polish day a name', () => {
    for (const value of Object.values(HU_NAME_DAYS)) {
      expect(value.split('|').length).toBeLessThanOrEqual(2);
      expect(entries(value).filter((entry) => entry.mainName).length).toBeGreaterThan(0);
    }
    for (const value of Object.values(PL_NAME_DAYS)) {
      expect(value).not.toContain('|');
      expect(entries(value).length).toBeGreaterThan(0);
    }
  });

  it.each(CALENDARS)('%s: names are single capitalised words, each once a day', (_calendar, data) => {
    for (const [key, value] of Object.entries(data)) {
      const names = entries(value).map((entry) => entry.name);
      for (const name of names) expect(name, key).toMatch(/^\p{Lu}\p{Ll}+$/u);
      expect(new Set(names).size, key).toBe(names.length);
    }
  });

  it.each(CALENDARS)(
    '%s: a main-day star marks at most one day, of a name with several',
    (_calendar, data) => {
      const days = new Map<string, { total: number; starred: number }>();
      for (const value of Object.values(data)) {
        for (const entry of entries(value)) {
          const counts = days.get(entry.name) ?? { total: 0, starred: 0 };
          counts.total += 1;
          if (entry.starred) counts.starred += 1;
          days.set(entry.name, counts);
        }
      }
      for (const [name, { total, starred }] of days) {
        expect(starred, name).toBeLessThanOrEqual(1);
        if (starred === 1) expect(total, name).toBeGreaterThan(1);
      }
    },
  );

  it('both calendars are substantial', () => {
    const distinct = (data: Readonly<Record<string, string>>): number =>
      new Set(Object.values(data).flatMap((value) => entries(value).map((entry) => entry.name))).size;
    expect(distinct(PL_NAME_DAYS)).toBeGreaterThan(700);
    expect(distinct(HU_NAME_DAYS)).toBeGreaterThan(400);
  });
});

describe('mainNameDay: Polish imieniny', () => {
  it.each([
    ['Barbara', 12, 4],
    ['Jan', 6, 24],
    ['Anna', 7, 26],
    ['Piotr', 6, 29],
    ['Paweł', 6, 29],
    ['Katarzyna', 11, 25],
    ['Andrzej', 11, 30],
    ['Krzysztof', 7, 25],
    ['Jakub', 7, 25],
    ['Małgorzata', 7, 20],
    ['Tomasz', 12, 21],
    ['Maria', 8, 15],
    ['Józef', 3, 19],
    ['Stanisław', 5, 8],
    ['Wojciech', 4, 23],
    ['Jerzy', 4, 23],
    ['Michał', 9, 29],
    ['Mateusz', 9, 21],
    ['Łukasz', 10, 18],
    ['Marek', 4, 25],
    ['Mikołaj', 12, 6],
    ['Kazimierz', 3, 4],
    ['Agnieszka', 1, 21],
    ['Zofia', 5, 15],
    ['Jadwiga', 10, 15],
    ['Teresa', 10, 15],
    ['Krystyna', 7, 24],
    ['Magdalena', 7, 22],
    ['Ewa', 12, 24],
    ['Adam', 12, 24],
    ['Szczepan', 12, 26],
    ['Sylwester', 12, 31],
    ['Walenty', 2, 14],
    ['Dorota', 2, 6],
    ['Agata', 2, 5],
    ['Florian', 5, 4],
    ['Franciszek', 10, 4],
    ['Antoni', 6, 13],
    ['Ignacy', 7, 31],
    ['Tadeusz', 10, 28],
    ['Marcin', 11, 11],
    ['Elżbieta', 11, 19],
    ['Cecylia', 11, 22],
    ['Bartłomiej', 8, 24],
    ['Jacek', 8, 17],
    ['Helena', 8, 18],
    ['Irena', 10, 20],
    ['Urszula', 10, 21],
    ['Monika', 8, 27],
    ['Zuzanna', 8, 11],
    ['Kinga', 7, 24],
    ['Marta', 7, 29],
    ['Łucja', 12, 13],
    ['Dominik', 8, 4],
    ['Wacław', 9, 28],
    ['Hieronim', 9, 30],
    ['Karol', 11, 4],
    ['Halina', 7, 1],
    ['Janina', 6, 24],
    ['Grzegorz', 3, 12],
    ['Danuta', 1, 3],
    ['Władysław', 6, 27],
    ['Kacper', 1, 6],
    ['Patryk', 3, 17],
    ['Szymon', 10, 28],
  ])('%s → %i/%i', (name, month, day) => {
    expect(mainNameDay(name, 'pl')).toEqual(date(month, day));
  });
});

describe('mainNameDay: Hungarian névnapok', () => {
  it.each([
    ['Katalin', 11, 25],
    ['Erzsébet', 11, 19],
    ['László', 6, 27],
    ['István', 8, 20],
    ['Mária', 9, 12],
    ['Zsuzsanna', 2, 19],
    ['Ferenc', 10, 4],
    ['Fruzsina', 1, 1],
    ['Ábel', 1, 2],
    ['Boldizsár', 1, 6],
    ['Ágnes', 1, 21],
    ['Balázs', 2, 3],
    ['Bálint', 2, 14],
    ['Mátyás', 2, 24],
    ['Gergely', 3, 12],
    ['Sándor', 3, 18],
    ['József', 3, 19],
    ['György', 4, 24],
    ['Márk', 4, 25],
    ['Gizella', 5, 7],
    ['Zsófia', 5, 15],
    ['Péter', 6, 29],
    ['Pál', 6, 29],
    ['Margit', 6, 10],
    ['Anna', 7, 26],
    ['Jakab', 7, 25],
    ['Kristóf', 7, 25],
    ['Magdolna', 7, 22],
    ['Lőrinc', 8, 10],
    ['Ilona', 8, 18],
    ['Bertalan', 8, 24],
    ['Mihály', 9, 29],
    ['Dénes', 10, 9],
    ['Orsolya', 10, 21],
    ['Károly', 11, 4],
    ['Imre', 11, 5],
    ['Márton', 11, 11],
    ['András', 11, 30],
    ['Borbála', 12, 4],
    ['Barbara', 12, 4],
    ['Miklós', 12, 6],
    ['Luca', 12, 13],
    ['Tamás', 12, 21],
    ['Ádám', 12, 24],
    ['Éva', 12, 24],
    ['János', 12, 27],
    ['Szilveszter', 12, 31],
  ])('%s → %i/%i', (name, month, day) => {
    expect(mainNameDay(name, 'hu')).toEqual(date(month, day));
  });

  it('a name with only secondary days gets its first one', () => {
    expect(mainNameDay('Hanna', 'hu')).toEqual(date(5, 20));
  });
});

describe('nameDaysFor', () => {
  it('lists every day, main day first, then calendar order', () => {
    expect(nameDaysFor('István', 'hu')).toEqual([date(8, 20), date(12, 26)]);
    expect(nameDaysFor('Mária', 'hu')).toEqual([date(9, 12), date(8, 15), date(9, 8), date(12, 8)]);
    expect(nameDaysFor('Małgorzata', 'pl')).toEqual([
      date(7, 20),
      date(1, 18),
      date(2, 22),
      date(2, 25),
      date(4, 10),
      date(4, 13),
      date(5, 16),
      date(6, 10),
      date(7, 13),
      date(8, 27),
      date(10, 17),
      date(11, 2),
      date(11, 16),
    ]);
  });

  it('puts Hungarian main-name days before secondary ones', () => {
    expect(nameDaysFor('Erzsébet', 'hu')).toEqual([date(11, 19), date(7, 4)]);
    expect(nameDaysFor('János', 'hu')).toEqual([date(12, 27), date(6, 26), date(6, 24)]);
  });

  it('keeps the first day of the year as main when nothing is marked', () => {
    expect(nameDaysFor('Antal', 'hu')).toEqual([date(1, 17), date(6, 13)]);
  });

  it('returns [] for an unknown or empty name', () => {
    expect(nameDaysFor('Xyzzy', 'pl')).toEqual([]);
    expect(nameDaysFor('', 'hu')).toEqual([]);
    expect(nameDaysFor('   ', 'pl')).toEqual([]);
  });

  it('hands out copies that callers may change', () => {
    const days = nameDaysFor('Jan', 'pl');
    days.length = 0;
    expect(nameDaysFor('Jan', 'pl')[0]).toEqual(date(6, 24));
  });
});

describe('matching', () => {
  it('ignores case and surrounding spaces', () => {
    expect(mainNameDay('  bARBARA ', 'pl')).toEqual(date(12, 4));
    expect(mainNameDay('KATALIN', 'hu')).toEqual(date(11, 25));
    expect(mainNameDay('\tjan\n', 'pl')).toEqual(date(6, 24));
    expect(mainNameDay('ŁUKASZ', 'pl')).toEqual(date(10, 18));
  });

  it('uses the first word of a compound first name', () => {
    expect(mainNameDay('Anna Maria', 'pl')).toEqual(date(7, 26));
    expect(mainNameDay('Anna-Maria', 'pl')).toEqual(date(7, 26));
    expect(mainNameDay('Kovács Katalin', 'hu')).toBeNull();
  });

  it('matches exact letters before accent-folded ones', () => {
    expect(mainNameDay('Łucjan', 'pl')).toEqual(date(2, 11));
    expect(mainNameDay('Lucjan', 'pl')).toEqual(date(1, 7));
  });

  it('falls back to an accent-folded match', () => {
    expect(mainNameDay('Malgorzata', 'pl')).toEqual(date(7, 20));
    expect(mainNameDay('lukasz', 'pl')).toEqual(date(10, 18));
    expect(mainNameDay('Jozsef', 'hu')).toEqual(date(3, 19));
    expect(mainNameDay('ERZSEBET', 'hu')).toEqual(date(11, 19));
  });

  it('gives no folded answer when two names fold alike', () => {
    expect(mainNameDay('Lúcja', 'pl')).toBeNull();
  });

  it('accepts decomposed input', () => {
    expect(mainNameDay('József'.normalize('NFD'), 'hu')).toEqual(date(3, 19));
  });

  it('returns null for an unknown name', () => {
    expect(mainNameDay('Xyzzy', 'pl')).toBeNull();
    expect(mainNameDay('Xyzzy', 'hu')).toBeNull();
  });
});

describe('guessNameDay', () => {
  it('tries the preferred calendar first', () => {
    expect(guessNameDay('Anna', 'hu')).toEqual({ month: 7, day: 26, calendar: 'hu' });
    expect(guessNameDay('Barbara', 'hu')).toEqual({ month: 12, day: 4, calendar: 'hu' });
    expect(guessNameDay('Barbara', 'pl')).toEqual({ month: 12, day: 4, calendar: 'pl' });
  });

  it('falls back to the other calendar', () => {
    expect(guessNameDay('Katalin', 'pl')).toEqual({ month: 11, day: 25, calendar: 'hu' });
    expect(guessNameDay('Wojciech', 'hu')).toEqual({ month: 4, day: 23, calendar: 'pl' });
  });

  it('starts with Polish when there is no preference', () => {
    expect(guessNameDay('Barbara', null)).toEqual({ month: 12, day: 4, calendar: 'pl' });
    expect(guessNameDay('Zsuzsanna', null)).toEqual({ month: 2, day: 19, calendar: 'hu' });
  });

  it('prefers an exact spelling in either calendar to a folded one', () => {
    expect(guessNameDay('Maria', 'hu')).toEqual({ month: 8, day: 15, calendar: 'pl' });
    expect(guessNameDay('Mária', 'pl')).toEqual({ month: 9, day: 12, calendar: 'hu' });
    expect(guessNameDay('Jozsef', null)).toEqual({ month: 3, day: 19, calendar: 'hu' });
  });

  it('returns null when neither calendar knows the name', () => {
    expect(guessNameDay('Xyzzy', null)).toBeNull();
    expect(guessNameDay('', 'pl')).toBeNull();
  });
});
