import { describe, expect, it } from 'vitest';
import { type CalendarItem, calendarQuery, moveBody, textColourOn, toEventInput } from './calendar-events.ts';

const item = (over: Partial<CalendarItem>): CalendarItem => ({
  id: 'activity:1',
  kind: 'activity',
  title: 'Meeting',
  start: '2026-03-25T08:00:00.000Z',
  end: null,
  allDay: false,
  recordId: 1,
  colour: null,
  employees: [3],
  resource: null,
  version: 4,
  editable: true,
  ...over,
});

describe('calendar events', () => {
  it('reads black on light colours and white on dark ones', () => {
    expect(textColourOn('#ffeb3b')).toBe('#000000');
    expect(textColourOn('#33b679')).toBe('#000000');
    expect(textColourOn('#1a237e')).toBe('#ffffff');
  });

  it('puts bookings in their room’s column and others in their people’s; moments last half an hour', () => {
    expect(
      toEventInput(item({ kind: 'booking', resource: 7, end: '2026-03-25T09:00:00.000Z' })),
    ).toMatchObject({
      resourceIds: ['r7'],
      end: '2026-03-25T09:00:00.000Z',
      durationEditable: true,
    });
    expect(toEventInput(item({ kind: 'task', employees: [3, 5] }))).toMatchObject({
      resourceIds: ['e3', 'e5'],
      end: '2026-03-25T08:30:00.000Z',
      durationEditable: false,
    });
  });

  it('saves a move into each kind’s own fields with the version it was shown at', () => {
    const start = new Date('2026-03-26T10:00:00.000Z');
    const end = new Date('2026-03-26T11:00:00.000Z');
    expect(moveBody(item({}), start, end)).toEqual({
      starts_at: '2026-03-26T10:00:00.000Z',
      ends_at: '2026-03-26T11:00:00.000Z',
      version: 4,
    });
    expect(moveBody(item({ kind: 'task' }), start, end)).toEqual({
      due_at: '2026-03-26T10:00:00.000Z',
      version: 4,
    });
    expect(moveBody(item({ kind: 'reminder' }), start, null)).toEqual({
      at: '2026-03-26T10:00:00.000Z',
      version: 4,
    });
  });

  it('asks only for the calendars chosen', () => {
    const query = new URLSearchParams(
      calendarQuery(
        { start: new Date('2026-03-23T00:00:00Z'), end: new Date('2026-03-30T00:00:00Z') },
        { employees: [3], groups: [], departments: [2], resources: [], kinds: ['activity', 'task'] },
      ),
    );
    expect(Object.fromEntries(query)).toEqual({
      from: '2026-03-23T00:00:00.000Z',
      to: '2026-03-30T00:00:00.000Z',
      employees: '3',
      departments: '2',
      kinds: 'activity,task',
    });
  });
});
