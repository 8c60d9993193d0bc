import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createAs, createRole } from '../../../../test/access-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import type { CalendarEvent } from './sources.ts';

describe.each(DIALECTS)('the calendar (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  let anna = 0;
  let bela = 0;
  let group = 0;
  let room = 0;

  beforeAll(async () => {
    anna = await createAs(env, 'employee', { first_name: 'Anna', last_name: 'Kalendarz' });
    bela = await createAs(env, 'employee', { first_name: 'Béla', last_name: 'Naptár' });
    group = await createAs(env, 'work_group', { name: 'Fair team', members: [bela] });
    const register = await createAs(env, 'task_register', { name: 'Calendar register', colour: '#33b679' });
    room = await createAs(env, 'resource', { name: 'Room Wisła', kind: 'room', colour: '#3f51b5' });
    await createAs(env, 'activity', {
      title: 'Meeting with Bela',
      starts_at: '2026-03-28T09:00:00.000Z',
      ends_at: '2026-03-28T10:00:00.000Z',
      organiser: anna,
      employees: [bela],
    });
    await createAs(env, 'activity', {
      title: 'Long ago',
      starts_at: '2025-01-10T09:00:00.000Z',
      organiser: anna,
    });
    await createAs(env, 'task', {
      title: 'Send the minutes',
      register,
      assignee: anna,
      due_at: '2026-03-29T14:00:00.000Z',
    });
    // Every day at 8:00 in Warsaw: across the change to summer time on 29 March.
    await createAs(env, 'reminder', {
      title: 'Stand-up',
      for_employee: anna,
      at: '2026-03-27T07:00:00.000Z',
      repeat: 'FREQ=DAILY',
      time_zone: 'Europe/Warsaw',
    });
    await createAs(env, 'booking', {
      resource: room,
      starts_at: '2026-03-30T08:00:00.000Z',
      ends_at: '2026-03-30T09:30:00.000Z',
      title: 'Fair briefing',
      booked_by: bela,
    });
  });

  const calendar = async (query: string, session = env().admin) => {
    const response = await env().api('GET', `/api/calendar?${query}`, undefined, session);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<CalendarEvent[]>();
  };
  const range = 'from=2026-03-27T00:00:00Z&to=2026-03-31T00:00:00Z';

  it('shows an employee’s activities, tasks and reminders in the range, repeating ones expanded in their time zone', async () => {
    const events = await calendar(`${range}&employees=${anna}`);
    expect(events.map((event) => [event.kind, event.title, event.start])).toEqual([
      ['reminder', 'Stand-up', '2026-03-27T07:00:00.000Z'],
      ['reminder', 'Stand-up', '2026-03-28T07:00:00.000Z'],
      ['activity', 'Meeting with Bela', '2026-03-28T09:00:00.000Z'],
      ['reminder', 'Stand-up', '2026-03-29T06:00:00.000Z'],
      ['task', 'Send the minutes', '2026-03-29T14:00:00.000Z'],
      ['reminder', 'Stand-up', '2026-03-30T06:00:00.000Z'],
    ]);
    const task = events.find((event) => event.kind === 'task');
    expect(task).toMatchObject({ colour: '#33b679', employees: [anna], editable: true, allDay: false });
    const occurrence = events.find((event) => event.kind === 'reminder');
    expect(occurrence?.editable).toBe(false);
    expect(occurrence?.id).toMatch(/^reminder:\d+:2026-03-27T07:00:00.000Z$/);
  });

  it('shows activities that began before the range and are still going, as organiser or participant, and nothing that ended at its start', async () => {
    const cezary = await createAs(env, 'employee', { first_name: 'Cezary', last_name: 'Targi' });
    const activity = (title: string, starts_at: string, ends_at: string, own: boolean) =>
      createAs(env, 'activity', {
        title,
        starts_at,
        ends_at,
        organiser: own ? cezary : anna,
        employees: own ? [] : [cezary],
      });
    await activity('Trade fair', '2026-03-24T08:00:00.000Z', '2026-03-27T12:00:00.000Z', true);
    await activity('Fair dinner', '2026-03-26T18:00:00.000Z', '2026-03-27T01:00:00.000Z', false);
    await activity('Ended at midnight', '2026-03-26T22:00:00.000Z', '2026-03-27T00:00:00.000Z', true);
    await activity('Starts at the end', '2026-03-31T00:00:00.000Z', '2026-03-31T01:00:00.000Z', false);
    const events = await calendar(`${range}&employees=${cezary}&kinds=activity`);
    expect(events.map((event) => [event.title, event.start, event.employees])).toEqual([
      ['Trade fair', '2026-03-24T08:00:00.000Z', [cezary]],
      ['Fair dinner', '2026-03-26T18:00:00.000Z', [anna, cezary]],
    ]);
  });

  it('finds a guest’s activity where it was moved to, and with the guests it has now', async () => {
    const dorota = await createAs(env, 'employee', { first_name: 'Dorota', last_name: 'Gość' });
    const ewa = await createAs(env, 'employee', { first_name: 'Ewa', last_name: 'Gość' });
    const id = await createAs(env, 'activity', {
      title: 'Moved review',
      starts_at: '2026-04-20T09:00:00.000Z',
      ends_at: '2026-04-20T10:00:00.000Z',
      organiser: anna,
      employees: [dorota],
    });
    const change = async (values: Record<string, unknown>) => {
      const { version } = (await env().api('GET', `/api/records/activity/${id}`)).json<{ version: number }>();
      const changed = await env().api('PATCH', `/api/records/activity/${id}`, { ...values, version });
      expect(changed.statusCode, changed.body).toBe(200);
    };
    const titlesOf = async (employee: number, from: string, to: string) =>
      (await calendar(`from=${from}&to=${to}&employees=${employee}&kinds=activity`)).map(
        (event) => event.title,
      );
    // Moved by its times alone, two months on, its guests untouched: found on the new day, not
    // on the old one.
    await change({ starts_at: '2026-06-15T09:00:00.000Z', ends_at: '2026-06-15T10:00:00.000Z' });
    expect(await titlesOf(dorota, '2026-04-20T00:00:00Z', '2026-04-21T00:00:00Z')).toEqual([]);
    expect(await titlesOf(dorota, '2026-06-15T00:00:00Z', '2026-06-16T00:00:00Z')).toEqual(['Moved review']);
    // Its guests and its time changed at once.
    await change({
      starts_at: '2026-08-03T09:00:00.000Z',
      ends_at: '2026-08-03T10:00:00.000Z',
      employees: [ewa],
    });
    expect(await titlesOf(dorota, '2026-08-03T00:00:00Z', '2026-08-04T00:00:00Z')).toEqual([]);
    expect(await titlesOf(ewa, '2026-08-03T00:00:00Z', '2026-08-04T00:00:00Z')).toEqual(['Moved review']);
    expect(await titlesOf(ewa, '2026-06-15T00:00:00Z', '2026-06-16T00:00:00Z')).toEqual([]);
  });

  it('shows a work group’s members and a resource’s bookings, and only the kinds asked for', async () => {
    const events = await calendar(`${range}&groups=${group}&resources=${room}`);
    expect(events.map((event) => `${event.kind}:${event.title}`)).toEqual([
      'activity:Meeting with Bela',
      'booking:Fair briefing',
    ]);
    expect(events[1]).toMatchObject({ resource: room, colour: '#3f51b5', end: '2026-03-30T09:30:00.000Z' });
    const onlyTasks = await calendar(`${range}&employees=${anna}&kinds=task`);
    expect(onlyTasks.map((event) => event.kind)).toEqual(['task']);
  });

  it('leaves out what the reader may not see', async () => {
    const role = await createRole(env, [
      ...['activity', 'task', 'reminder', 'booking'].map((object) => ({
        object,
        right: 'read',
        scope: 'own' as const,
      })),
      { object: 'resource', right: 'read', scope: 'all' },
      { object: 'dictionary_value', right: 'read', scope: 'all' },
    ]);
    const { session } = await createAccount(env, [role], bela);
    const seen = await calendar(`${range}&employees=${anna}`, session);
    expect(seen).toEqual([]);
    const own = await calendar(range, session);
    expect(own.map((event) => event.title)).toEqual(['Fair briefing']);
  });

  it('refuses a range backwards or longer than a year, unknown kinds and malformed ids', async () => {
    const refused = (query: string) => env().api('GET', `/api/calendar?${query}`);
    expectError(
      await refused('from=2026-03-31T00:00:00Z&to=2026-03-01T00:00:00Z'),
      400,
      'bad_request',
      /after/,
    );
    expectError(
      await refused('from=2026-01-01T00:00:00Z&to=2027-06-01T00:00:00Z'),
      400,
      'bad_request',
      /366 days/,
    );
    expectError(await refused(`${range}&kinds=party`), 400, 'bad_request', /Unknown kind "party"/);
    expect((await refused(`${range}&employees=abc`)).statusCode).toBe(400);
    expect((await refused('from=yesterday&to=2026-03-01T00:00:00Z')).statusCode).toBe(400);
  });
});
