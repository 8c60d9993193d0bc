import { describe, expect, it } from 'vitest';
import { STORED_COLOUR } from '../../../shared/field-types/colour.ts';
import { isTimeZone, normaliseRule } from '../../modules/reminders/recurrence.ts';
import { STEP_CONDITIONS, STEP_ROLES } from '../../modules/tasks/task-chain.ts';
import { DEMO_SEED } from '../demo.ts';
import { type BookableActivity, type BookingRow, bookings, bookingWindow, resources } from './bookings.ts';
import { employeeIsActive } from './employees.ts';
import { type DatasetSize, DEMO_SIZE } from './generate.ts';
import { PLANNING_TEXTS, TASK_CHAIN_KEYS } from './planning-texts.ts';
import { reminderSchedule, reminders } from './reminders.ts';
import { taskChains } from './task-chains.ts';
import { taskRegisters } from './tasks.ts';
import { dayNumber, isoDate } from './text.ts';

const REFERENCE = { referenceDate: '2026-11-23' };
const TODAY = dayNumber(REFERENCE.referenceDate);

/** Two client meetings at the same time, a presentation and a visit: more than one room is needed. */
const ACTIVITIES: BookableActivity[] = [
  {
    key: 1,
    type: 'meeting',
    title: 'A',
    starts_at: `${isoDate(TODAY)}T09:00:00.000Z`,
    ends_at: `${isoDate(TODAY)}T10:00:00.000Z`,
  },
  {
    key: 2,
    type: 'meeting',
    title: 'B',
    starts_at: `${isoDate(TODAY)}T09:00:00.000Z`,
    ends_at: `${isoDate(TODAY)}T10:30:00.000Z`,
  },
  {
    key: 3,
    type: 'presentation',
    title: 'C',
    starts_at: `${isoDate(TODAY + 1)}T12:00:00.000Z`,
    ends_at: `${isoDate(TODAY + 1)}T13:30:00.000Z`,
  },
  {
    key: 4,
    type: 'visit',
    title: 'D',
    starts_at: `${isoDate(TODAY + 2)}T08:00:00.000Z`,
    ends_at: `${isoDate(TODAY + 2)}T10:00:00.000Z`,
  },
];

/** Bookings of one resource that overlap, as the half-open intervals the database compares. */
function overlaps(rows: readonly Pick<BookingRow, 'resource_number' | 'starts_at' | 'ends_at'>[]) {
  return rows.flatMap((a, i) =>
    rows
      .slice(i + 1)
      .filter(
        (b) =>
          a.resource_number === b.resource_number &&
          Date.parse(a.starts_at) < Date.parse(b.ends_at) &&
          Date.parse(b.starts_at) < Date.parse(a.ends_at),
      )
      .map((b) => [a, b]),
  );
}

describe('demo chain templates', () => {
  const chains = taskChains(DEMO_SEED, DEMO_SIZE, REFERENCE);
  const registers = taskRegisters(DEMO_SEED, DEMO_SIZE, REFERENCE);

  it('has both templates with ordered steps in the task registers, in a language the staff write', () => {
    expect(chains.map((c) => c.key)).toEqual([...TASK_CHAIN_KEYS]);
    for (const chain of chains) {
      expect(chain.steps.map((s) => s.position)).toEqual(chain.steps.map((_, i) => i + 1));
      const language = Object.values(PLANNING_TEXTS).find((t) => t.chains[chain.key].name === chain.name);
      expect(language?.chains[chain.key].steps).toEqual(chain.steps.map((s) => s.title));
      for (const step of chain.steps) {
        expect(registers[step.register_number]).toBeDefined();
        expect(STEP_ROLES).toContain(step.assignee_role);
        expect(STEP_CONDITIONS).toContain(step.condition);
      }
    }
    // The complaint's examiner is named, one of the complaints staff; both branches exist.
    const complaint = chains.find((c) => c.key === 'complaint');
    const examiner = complaint?.steps[1]?.assignee_index ?? null;
    expect(registers.find((r) => r.key === 'complaints')?.staff).toContain(examiner);
    expect(complaint?.steps.map((s) => s.condition)).toEqual(['done', 'done', 'done', 'cancelled', 'any']);
  });

  it('has none without tasks, and is the same every time', () => {
    expect(taskChains(DEMO_SEED, { ...DEMO_SIZE, tasks: 0 }, REFERENCE)).toEqual([]);
    expect(taskChains(DEMO_SEED, DEMO_SIZE, REFERENCE)).toEqual(chains);
    expect(taskChains(DEMO_SEED, { ...DEMO_SIZE, taskChains: 1 }, REFERENCE)).toHaveLength(1);
  });
});

describe('demo reminders', () => {
  const rows = reminders(DEMO_SEED, DEMO_SIZE, REFERENCE);
  const load = new Date(`${REFERENCE.referenceDate}T10:17:00.000Z`);

  it('has the size’s count, for active staff, with rules and zones the engine accepts', () => {
    expect(rows).toHaveLength(DEMO_SIZE.reminders ?? 0);
    for (const row of rows) {
      expect(employeeIsActive(DEMO_SEED, row.for_index), row.title).toBe(true);
      expect(['Europe/Warsaw', 'Europe/Budapest']).toContain(row.time_zone);
      expect(isTimeZone(row.time_zone)).toBe(true);
      if (row.repeat !== null) expect(normaliseRule(row.repeat)).toBe(row.repeat);
      expect(row.title).not.toContain('{client}');
      expect(row.created_at <= row.at || row.repeat !== null).toBe(true);
    }
    const repeating = rows.filter((r) => r.repeat !== null);
    expect(repeating.length).toBeGreaterThan(5);
    expect(rows.filter((r) => r.company_index !== null).length).toBeGreaterThan(5);
    expect(rows.filter((r) => r.set_by_index !== r.for_index).length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.time_zone)).size).toBe(2);
  });

  it('comes next at or after the load, and some reminded already', () => {
    const schedules = rows.map((row) => reminderSchedule(row, load));
    for (const [r, schedule] of schedules.entries()) {
      if (schedule.next_at !== null) expect(schedule.next_at >= load.toISOString()).toBe(true);
      if (schedule.fired_at !== null) expect(schedule.fired_at < load.toISOString()).toBe(true);
      // A repeating one always comes again; a single one only while its time is ahead.
      const row = rows[r];
      if (row?.repeat !== null) expect(schedule.next_at).not.toBeNull();
      else expect(schedule.next_at === null).toBe(row.at < load.toISOString());
    }
    expect(schedules.filter((s) => s.fired_at !== null).length).toBeGreaterThan(5);
    expect(schedules.filter((s) => s.next_at !== null).length).toBeGreaterThan(20);
    // Monday 9:00 in Warsaw (winter): 08:00 UTC, on the Monday after the load's Monday morning.
    expect(
      reminderSchedule(
        { at: '2026-09-07T07:00:00.000Z', repeat: 'FREQ=WEEKLY;BYDAY=MO', time_zone: 'Europe/Warsaw' },
        load,
      ),
    ).toEqual({ next_at: '2026-11-30T08:00:00.000Z', fired_at: '2026-11-23T08:00:00.000Z' });
  });

  it('is the same every time, other for another seed, and none for the benchmark’s size', () => {
    expect(reminders(DEMO_SEED, DEMO_SIZE, REFERENCE)).toEqual(rows);
    expect(reminders(DEMO_SEED + 1, DEMO_SIZE, REFERENCE)).not.toEqual(rows);
    const bench: DatasetSize = {
      ...DEMO_SIZE,
      reminders: undefined,
      bookings: undefined,
      taskChains: undefined,
    };
    expect(reminders(DEMO_SEED, bench, REFERENCE)).toEqual([]);
    expect(resources(DEMO_SEED, bench, REFERENCE)).toEqual([]);
    expect(taskChains(DEMO_SEED, bench, REFERENCE)).toEqual([]);
  });
});

describe('demo resources and bookings', () => {
  const list = resources(DEMO_SEED, DEMO_SIZE, REFERENCE);
  const rows = bookings(DEMO_SEED, DEMO_SIZE, REFERENCE, ACTIVITIES);

  it('has three rooms, a car and a projector, in distinct colours', () => {
    expect(list.map((r) => r.kind)).toEqual(['room', 'room', 'room', 'car', 'projector']);
    expect(new Set(list.map((r) => r.colour)).size).toBe(list.length);
    for (const resource of list) expect(resource.colour).toMatch(STORED_COLOUR);
    expect(list.filter((r) => r.kind === 'room').every((r) => (r.capacity ?? 0) > 0)).toBe(true);
  });

  it('books them in working hours around the reference date, never twice at once', () => {
    expect(rows).toHaveLength(DEMO_SIZE.bookings ?? 0);
    expect(overlaps(rows)).toEqual([]);
    const window = bookingWindow(TODAY);
    for (const row of rows) {
      const start = new Date(row.starts_at);
      const day = dayNumber(row.starts_at.slice(0, 10));
      expect(window.days).toContain(day);
      expect(row.ends_at > row.starts_at).toBe(true);
      expect(start.getUTCHours()).toBeGreaterThanOrEqual(6);
      expect(row.ends_at.slice(0, 10)).toBe(row.starts_at.slice(0, 10));
    }
    expect(rows.filter((r) => r.starts_at.slice(0, 10) < REFERENCE.referenceDate).length).toBeGreaterThan(10);
    expect(rows.filter((r) => r.starts_at.slice(0, 10) > REFERENCE.referenceDate).length).toBeGreaterThan(10);
    expect(new Set(rows.map((r) => r.resource_number)).size).toBe(list.length);
  });

  it('books a room for client meetings held here, never the same room for two at once', () => {
    const forActivities = rows.filter((r) => r.activity_key !== null);
    expect(forActivities.every((r) => r.booked_by_index === null)).toBe(true);
    const many = ACTIVITIES.flatMap((a) =>
      Array.from({ length: 30 }, (_, i) => ({ ...a, key: a.key * 100 + i })),
    );
    const crowded = bookings(DEMO_SEED, DEMO_SIZE, REFERENCE, many);
    expect(overlaps(crowded)).toEqual([]);
    expect(crowded.filter((r) => r.activity_key !== null).length).toBeGreaterThanOrEqual(3);
  });

  it('is the same every time for the same activities', () => {
    expect(bookings(DEMO_SEED, DEMO_SIZE, REFERENCE, ACTIVITIES)).toEqual(rows);
    expect(resources(DEMO_SEED, DEMO_SIZE, REFERENCE)).toEqual(list);
    expect(bookings(DEMO_SEED + 1, DEMO_SIZE, REFERENCE, ACTIVITIES)).not.toEqual(rows);
  });
});
