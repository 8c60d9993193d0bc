import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createRole } from '../../../../test/access-fixtures.ts';
import { at, book, bookers, newResource } from '../../../../test/booking-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { type Session, useTestEnv } from '../../../../test/harness.ts';
import type { StaffMember } from '../../../../test/notification-fixtures.ts';
import { freeIntervals } from './free-slots.ts';

describe('free intervals between busy ones', () => {
  const h = (hour: number) => hour * 3_600_000;
  it('leaves out what any busy interval covers, half-open, in any order, overlapping or not', () => {
    const busy = [
      [h(13), h(14)],
      [h(9), h(10)],
      [h(10), h(11)],
      [h(12), h(13) + 1],
    ] as const;
    expect(freeIntervals(h(8), h(18), busy)).toEqual([
      [h(8), h(9)],
      [h(11), h(12)],
      [h(14), h(18)],
    ]);
    expect(freeIntervals(h(8), h(18), busy, h(2))).toEqual([[h(14), h(18)]]);
    // Busy beyond either end of the range.
    expect(
      freeIntervals(h(10), h(12), [
        [h(8), h(10) + 1],
        [h(11), h(20)],
      ]),
    ).toEqual([[h(10) + 1, h(11)]]);
    expect(freeIntervals(h(10), h(12), [[h(9), h(13)]])).toEqual([]);
    expect(freeIntervals(h(10), h(12), [])).toEqual([[h(10), h(12)]]);
  });
});

interface FreeSlotsBody {
  resource: number;
  bookable: boolean;
  minutes: number | null;
  free: Array<{ starts_at: string; ends_at: string; minutes: number }>;
}

describe.each(DIALECTS)('free slots of a resource (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  let anna: StaffMember;
  let bela: StaffMember;

  beforeAll(async () => {
    ({ anna, bela } = await bookers(env));
  });

  const freeSlots = (resource: number, query: string, session?: Session) =>
    env().api('GET', `/api/resources/${resource}/free-slots?${query}`, undefined, session);
  const range = (from: string, to: string, more = '') =>
    `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}${more}`;
  const booked = async (session: Session | undefined, values: Record<string, unknown>) => {
    const response = await book(env, session, values);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: number; version: number }>();
  };

  it('gives the gaps between live bookings, at least `minutes` long, without saying whose they are', async () => {
    const room = await newResource(env);
    const session = anna.account.session;
    await booked(session, {
      resource: room.id,
      title: 'Board',
      starts_at: at('09:00'),
      ends_at: at('10:00'),
    });
    await booked(session, { resource: room.id, starts_at: at('10:00'), ends_at: at('11:00') });
    await booked(session, { resource: room.id, starts_at: at('13:00'), ends_at: at('14:00') });
    // Reaching into the range from the day before.
    await booked(session, { resource: room.id, starts_at: at('20:00', -1), ends_at: at('08:30') });
    const cancelled = await booked(session, {
      resource: room.id,
      starts_at: at('15:00'),
      ends_at: at('16:00'),
    });
    const deleted = await env().api('DELETE', `/api/records/booking/${cancelled.id}`, undefined, session);
    expect(deleted.statusCode).toBe(204);

    // Béla reads none of these bookings; the free time is the same for him.
    const response = await freeSlots(room.id, range(at('08:00'), at('18:00')), bela.account.session);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<FreeSlotsBody>();
    expect(body).toMatchObject({ resource: room.id, bookable: true, minutes: null });
    expect(body.free).toEqual([
      { starts_at: at('08:30'), ends_at: at('09:00'), minutes: 30 },
      { starts_at: at('11:00'), ends_at: at('13:00'), minutes: 120 },
      { starts_at: at('14:00'), ends_at: at('18:00'), minutes: 240 },
    ]);
    expect(response.body).not.toContain('Board');

    const long = await freeSlots(room.id, range(at('08:00'), at('18:00'), '&minutes=150'), session);
    expect(long.json<FreeSlotsBody>().free).toEqual([
      { starts_at: at('14:00'), ends_at: at('18:00'), minutes: 240 },
    ]);
    // Other offsets are the same instants.
    const warsaw = await freeSlots(room.id, range('2027-03-01T15:00:00+01:00', at('18:00')), session);
    expect(warsaw.json<FreeSlotsBody>().free).toEqual([
      { starts_at: at('14:00'), ends_at: at('18:00'), minutes: 240 },
    ]);
  });

  it('has nothing free on a deactivated resource', async () => {
    const retired = await newResource(env, { active: false });
    const response = await freeSlots(retired.id, range(at('08:00'), at('18:00')), anna.account.session);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<FreeSlotsBody>()).toMatchObject({ bookable: false, free: [] });
  });

  it('refuses a range over 31 days, an end not after the start and what is not a date-time, naming the parameter', async () => {
    const room = await newResource(env);
    const session = anna.account.session;
    const tooLong = expectError(
      await freeSlots(room.id, range(at('00:00'), at('00:01', 31)), session),
      400,
      'validation_failed',
      /to: the range may cover at most 31 days/,
    );
    expect(tooLong.details).toMatchObject({ fields: [{ field: 'to', code: 'too_long' }] });
    const month = await freeSlots(room.id, range(at('00:00'), at('00:00', 31)), session);
    expect(month.statusCode, month.body).toBe(200);
    expect(month.json<FreeSlotsBody>().free).toEqual([
      { starts_at: at('00:00'), ends_at: at('00:00', 31), minutes: 31 * 24 * 60 },
    ]);
    expectError(
      await freeSlots(room.id, range(at('10:00'), at('10:00')), session),
      400,
      'validation_failed',
      /to: must be after from/,
    );
    expectError(
      await freeSlots(room.id, range('yesterday', at('10:00')), session),
      400,
      'validation_failed',
      /from: must be a date-time/,
    );
    expectError(
      await freeSlots(room.id, `to=${encodeURIComponent(at('10:00'))}`, session),
      400,
      'validation_failed',
      /from/,
    );
    expectError(
      await freeSlots(room.id, range(at('08:00'), at('10:00'), '&minutes=0'), session),
      400,
      'validation_failed',
      /minutes/,
    );
  });

  it('reads the resource through the records engine: 404 for one that is missing or deleted, 403 without the right', async () => {
    const query = range(at('08:00'), at('18:00'));
    expectError(await freeSlots(987654, query, anna.account.session), 404, 'not_found');
    const gone = await newResource(env);
    expect((await env().api('DELETE', `/api/records/resource/${gone.id}`)).statusCode).toBe(204);
    expectError(await freeSlots(gone.id, query, anna.account.session), 404, 'not_found');
    const room = await newResource(env);
    const stranger = await createAccount(env, [
      await createRole(env, [{ object: 'employee', right: 'read', scope: 'all' }]),
    ]);
    expectError(await freeSlots(room.id, query, stranger.session), 403, 'forbidden');
  });
});
