import { describe, expect, it } from 'vitest';
import { MAX_OCCURRENCES, nextOccurrence, normaliseRule, occurrencesBetween } from './recurrence.ts';

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());

describe('recurrence', () => {
  it('keeps 9:00 at 9:00 across the spring and autumn clock changes in Warsaw and Budapest', () => {
    for (const timeZone of ['Europe/Warsaw', 'Europe/Budapest']) {
      // 9:00 CET is 08:00 UTC; from 29 March 9:00 CEST is 07:00 UTC, and back on 25 October.
      const daily = { start: new Date('2026-03-27T08:00:00Z'), rule: 'FREQ=DAILY', timeZone };
      expect(
        iso(occurrencesBetween(daily, new Date('2026-03-27T00:00:00Z'), new Date('2026-03-31T00:00:00Z'))),
      ).toEqual([
        '2026-03-27T08:00:00.000Z',
        '2026-03-28T08:00:00.000Z',
        '2026-03-29T07:00:00.000Z',
        '2026-03-30T07:00:00.000Z',
      ]);
      expect(
        iso(occurrencesBetween(daily, new Date('2026-10-24T00:00:00Z'), new Date('2026-10-27T00:00:00Z'))),
      ).toEqual(['2026-10-24T07:00:00.000Z', '2026-10-25T08:00:00.000Z', '2026-10-26T08:00:00.000Z']);
    }
  });

  it('answers a range asked again the same, in dates of its own that the caller may change', () => {
    const daily = { start: new Date('2026-05-04T07:00:00Z'), rule: 'FREQ=DAILY', timeZone: 'Europe/Warsaw' };
    const from = new Date('2026-05-01T00:00:00Z');
    const to = new Date('2026-05-08T00:00:00Z');
    const first = occurrencesBetween(daily, from, to);
    expect(iso(first)).toEqual(['04', '05', '06', '07'].map((day) => `2026-05-${day}T07:00:00.000Z`));
    first[0]?.setUTCFullYear(1999);
    first.pop();
    expect(iso(occurrencesBetween(daily, from, to))).toEqual(
      ['04', '05', '06', '07'].map((day) => `2026-05-${day}T07:00:00.000Z`),
    );
    // Another start or zone is another expansion, not the one kept.
    expect(iso(occurrencesBetween({ ...daily, timeZone: 'UTC' }, from, to))[0]).toBe(
      '2026-05-04T07:00:00.000Z',
    );
    expect(
      iso(occurrencesBetween({ ...daily, start: new Date('2026-05-05T07:00:00Z') }, from, to)),
    ).toHaveLength(3);
  });

  it('repeats weekly on Mondays and monthly on the last working day', () => {
    const mondays = {
      start: new Date('2026-11-30T08:00:00Z'),
      rule: normaliseRule('RRULE:FREQ=WEEKLY;BYDAY=MO'),
      timeZone: 'Europe/Warsaw',
    };
    expect(
      iso(occurrencesBetween(mondays, new Date('2026-11-28T00:00:00Z'), new Date('2026-12-15T00:00:00Z'))),
    ).toEqual(['2026-11-30T08:00:00.000Z', '2026-12-07T08:00:00.000Z', '2026-12-14T08:00:00.000Z']);
    const lastWorkingDay = {
      start: new Date('2026-01-01T15:00:00Z'),
      rule: normaliseRule('FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1'),
      timeZone: 'Europe/Budapest',
    };
    // 31 January 2027 is a Sunday, 28 February a Sunday: the Fridays before them.
    expect(
      iso(
        occurrencesBetween(
          lastWorkingDay,
          new Date('2026-12-01T00:00:00Z'),
          new Date('2027-03-01T00:00:00Z'),
        ),
      ),
    ).toEqual(['2026-12-31T15:00:00.000Z', '2027-01-29T15:00:00.000Z', '2027-02-26T15:00:00.000Z']);
    expect(nextOccurrence(lastWorkingDay, new Date('2027-01-01T00:00:00Z'))?.toISOString()).toBe(
      '2027-01-29T15:00:00.000Z',
    );
    // Set up on a Sunday, it first comes on the month's last working day, not that Sunday.
    const fromSunday = { ...lastWorkingDay, start: new Date('2026-11-29T08:00:00Z') };
    expect(nextOccurrence(fromSunday, new Date('2026-11-28T12:00:00Z'))?.toISOString()).toBe(
      '2026-11-30T08:00:00.000Z',
    );
  });

  it('never expands without limit, and ends with COUNT or UNTIL', () => {
    const hourly = { start: new Date('2026-01-01T00:00:00Z'), rule: 'FREQ=HOURLY', timeZone: 'UTC' };
    expect(
      occurrencesBetween(hourly, new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z')),
    ).toHaveLength(MAX_OCCURRENCES);
    const three = { start: new Date('2026-01-01T09:00:00Z'), rule: 'FREQ=DAILY;COUNT=3', timeZone: 'UTC' };
    expect(nextOccurrence(three, new Date('2026-01-03T10:00:00Z'))).toBeNull();
    expect(nextOccurrence(three, new Date('2026-01-02T10:00:00Z'))?.toISOString()).toBe(
      '2026-01-03T09:00:00.000Z',
    );
    const single = { start: new Date('2026-05-01T09:00:00Z'), rule: null, timeZone: 'UTC' };
    expect(nextOccurrence(single, new Date('2026-05-02T00:00:00Z'))).toBeNull();
  });

  it('refuses rules that are not one RRULE line, too frequent or malformed', () => {
    expect(() => normaliseRule('FREQ=MINUTELY')).toThrow(/at most hourly/);
    expect(() => normaliseRule('FREQ=SECONDLY;COUNT=2')).toThrow(/at most hourly/);
    expect(() => normaliseRule('BYDAY=MO')).toThrow(/frequency/);
    expect(() => normaliseRule('FREQ=WEEKLY;BYDAY=XX')).toThrow(/not a valid RRULE/);
    expect(() => normaliseRule('DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY')).toThrow(/one RRULE line/);
    expect(normaliseRule(' rrule:freq=daily;interval=2 ')).toBe('FREQ=DAILY;INTERVAL=2');
  });
});
