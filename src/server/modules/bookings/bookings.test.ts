import { beforeAll, describe, expect, it } from 'vitest';
import {
  at,
  book,
  bookers,
  type ClashDetails,
  change,
  liveBookings,
  newResource,
  nothingWritten,
} from '../../../../test/booking-fixtures.ts';
import { read } from '../../../../test/case-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import type { StaffMember } from '../../../../test/notification-fixtures.ts';
import type { ApiRecord } from '../../../../test/record-fixtures.ts';

describe.each(DIALECTS)('bookings of resources (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  let anna: StaffMember;
  let bela: StaffMember;

  beforeAll(async () => {
    ({ anna, bela } = await bookers(env));
  });

  const created = async (who: StaffMember | null, values: Record<string, unknown>) => {
    const response = await book(env, who?.account.session, values);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<ApiRecord>();
  };

  it('refuses an overlapping booking with 409 booking_conflict naming the clash, as far as the writer may see it, and writes nothing; back-to-back is fine', async () => {
    const room = await newResource(env, { name: 'Sala Tatry' });
    const weekly = await created(anna, {
      resource: room.id,
      title: 'Weekly sales',
      starts_at: at('09:00'),
      ends_at: at('10:00'),
    });
    // Booked for the writer's own employee unless they say otherwise.
    expect(weekly.booked_by).toBe(anna.employeeId);

    await nothingWritten(env, async () => {
      const refused = await book(env, bela.account.session, {
        resource: room.id,
        title: 'Interview',
        starts_at: at('09:30'),
        ends_at: at('10:30'),
      });
      const error = expectError(refused, 409, 'booking_conflict', /Sala Tatry is already booked/);
      expect(error.message).toContain(`from ${at('09:00')} to ${at('10:00')}`);
      // Béla may not read Anna's booking: its id and times, not what it is for or whose.
      expect(error.message).not.toContain('Weekly sales');
      expect(error.details).toEqual({
        resource: room.id,
        starts_at: at('09:30'),
        ends_at: at('10:30'),
        clashes: [{ id: weekly.id, starts_at: at('09:00'), ends_at: at('10:00') }],
      });
    });

    // Anna reads her own booking: she is told which one it is.
    const own = expectError(
      await book(env, anna.account.session, {
        resource: room.id,
        starts_at: at('09:45'),
        ends_at: at('10:15'),
      }),
      409,
      'booking_conflict',
      /booking \d+ “Weekly sales” by Anna Nowak/,
    );
    expect((own.details as ClashDetails).clashes).toEqual([
      {
        id: weekly.id,
        starts_at: at('09:00'),
        ends_at: at('10:00'),
        title: 'Weekly sales',
        booked_by: anna.employeeId,
        booked_by_name: 'Anna Nowak',
      },
    ]);
    // Enclosing it clashes too; the administrator sees everything.
    expectError(
      await book(env, undefined, { resource: room.id, starts_at: at('08:00'), ends_at: at('11:00') }),
      409,
      'booking_conflict',
      /Weekly sales/,
    );

    // Half-open intervals: ending as another starts, starting as another ends.
    await created(bela, { resource: room.id, starts_at: at('10:00'), ends_at: at('11:00') });
    await created(bela, { resource: room.id, starts_at: at('08:00'), ends_at: at('09:00') });
    // Another resource at the same time is another matter.
    const other = await newResource(env);
    await created(bela, { resource: other.id, starts_at: at('09:00'), ends_at: at('10:00') });
    expect(await liveBookings(env, room.id)).toHaveLength(3);
  });

  it('lets a deleted booking free its slot, and refuses restoring it once the slot is taken', async () => {
    const room = await newResource(env);
    const first = await created(anna, { resource: room.id, starts_at: at('12:00'), ends_at: at('13:00') });
    const deleted = await env().api(
      'DELETE',
      `/api/records/booking/${first.id}`,
      undefined,
      anna.account.session,
    );
    expect(deleted.statusCode, deleted.body).toBe(204);
    const second = await created(bela, { resource: room.id, starts_at: at('12:30'), ends_at: at('13:30') });

    await nothingWritten(env, async () => {
      const restored = await env().api(
        'POST',
        `/api/records/booking/${first.id}/restore`,
        {},
        anna.account.session,
      );
      const error = expectError(restored, 409, 'booking_conflict');
      expect((error.details as ClashDetails).clashes.map((clash) => clash.id)).toEqual([second.id]);
    });
    expect((await liveBookings(env, room.id)).map((booking) => booking.id)).toEqual([second.id]);
  });

  it('refuses an update moving a booking onto another, and allows a move to free time', async () => {
    const room = await newResource(env);
    const morning = await created(anna, { resource: room.id, starts_at: at('14:00'), ends_at: at('15:00') });
    const afternoon = await created(anna, {
      resource: room.id,
      starts_at: at('15:00'),
      ends_at: at('16:00'),
    });

    await nothingWritten(env, async () => {
      const moved = await change(env, anna.account.session, afternoon.id, { starts_at: at('14:30') });
      const error = expectError(moved, 409, 'booking_conflict', /from .* \(booking \d+/);
      expect(error.details).toMatchObject({
        starts_at: at('14:30'),
        ends_at: at('16:00'),
        clashes: [{ id: morning.id, starts_at: at('14:00'), ends_at: at('15:00') }],
      });
    });
    expect((await read(env, 'booking', afternoon.id)).starts_at).toBe(at('15:00'));

    // Onto another resource, into the other's place there: refused; free time: fine.
    const other = await newResource(env);
    await created(bela, { resource: other.id, starts_at: at('15:30'), ends_at: at('16:30') });
    expectError(
      await change(env, anna.account.session, afternoon.id, { resource: other.id }),
      409,
      'booking_conflict',
    );
    const later = await change(env, anna.account.session, afternoon.id, {
      starts_at: at('16:00'),
      ends_at: at('17:00'),
    });
    expect(later.statusCode, later.body).toBe(200);
    // Changing what does not touch the time keeps it.
    const renamed = await change(env, anna.account.session, morning.id, { title: 'Planning' });
    expect(renamed.statusCode, renamed.body).toBe(200);
  });

  it('refuses with 400 naming the field: an end not after the start, a booking over 31 days, an inactive or deleted resource', async () => {
    const room = await newResource(env);
    const session = anna.account.session;
    await nothingWritten(env, async () => {
      for (const ends_at of [at('09:00', 10), at('08:00', 10)]) {
        const refused = await book(env, session, { resource: room.id, starts_at: at('09:00', 10), ends_at });
        const error = expectError(refused, 400, 'validation_failed', /ends_at: must be after the start/);
        expect(error.details).toEqual({
          fields: [{ field: 'ends_at', code: 'before_start', message: 'must be after the start' }],
        });
      }
      const month = { resource: room.id, starts_at: at('09:00', 10), ends_at: at('09:01', 41) };
      expectError(
        await book(env, session, month),
        400,
        'validation_failed',
        /ends_at: a booking may last at most 31 days/,
      );
    });
    // Exactly 31 days is allowed.
    await created(anna, { resource: room.id, starts_at: at('09:00', 10), ends_at: at('09:00', 41) });
    // Even over a live booking, such times are refused for what they are, not as a clash.
    for (const ends_at of [at('08:00', 12), at('09:01', 50)]) {
      expectError(
        await book(env, session, { resource: room.id, starts_at: at('09:00', 12), ends_at }),
        400,
        'validation_failed',
        /ends_at: (must be after the start|a booking may last at most 31 days)/,
      );
    }

    const retired = await newResource(env, { active: false });
    await nothingWritten(env, async () => {
      const refused = await book(env, session, {
        resource: retired.id,
        starts_at: at('09:00'),
        ends_at: at('10:00'),
      });
      expectError(refused, 400, 'validation_failed', /resource: resource \d+ is deactivated/);
    });

    // A resource deactivated or deleted after it was booked: its bookings stay and may be edited
    // otherwise, but not moved, and one in the trash does not come back onto a deleted resource.
    const car = await newResource(env, { kind: 'car', name: 'Škoda' });
    const trip = await created(anna, {
      resource: car.id,
      starts_at: at('07:00', 3),
      ends_at: at('19:00', 3),
    });
    const spare = await created(anna, {
      resource: car.id,
      starts_at: at('07:00', 4),
      ends_at: at('19:00', 4),
    });
    const carNow = await read(env, 'resource', car.id);
    const deactivated = await env().api('PATCH', `/api/records/resource/${car.id}`, {
      active: false,
      version: carNow.version,
    });
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    expect((await change(env, session, trip.id, { note: 'Kraków and back' })).statusCode).toBe(200);
    expectError(
      await change(env, session, trip.id, { ends_at: at('20:00', 3) }),
      400,
      'validation_failed',
      /resource: resource \d+ is deactivated: it cannot be booked/,
    );
    const removed = await env().api('DELETE', `/api/records/booking/${spare.id}`, undefined, session);
    expect(removed.statusCode).toBe(204);
    const gone = await env().api('DELETE', `/api/records/resource/${car.id}`);
    expect(gone.statusCode, gone.body).toBe(204);
    expectError(
      await env().api('POST', `/api/records/booking/${spare.id}/restore`, {}, session),
      400,
      'validation_failed',
      /resource: resource \d+ was deleted: it cannot be booked/,
    );
    // A deleted resource cannot be chosen: the engine's own reference check says so.
    expectError(
      await book(env, session, { resource: car.id, starts_at: at('07:00', 5), ends_at: at('08:00', 5) }),
      400,
      'validation_failed',
      new RegExp(`resource: no resource with id ${car.id}`),
    );
  });

  it('lets exactly one of two bookings of the same slot made at the same moment win', async () => {
    const room = await newResource(env);
    for (let round = 0; round < 3; round++) {
      const slot = {
        resource: room.id,
        starts_at: at('09:00', 20 + round),
        ends_at: at('10:00', 20 + round),
      };
      const responses = await Promise.all([
        book(env, anna.account.session, { ...slot, title: 'Anna’s' }),
        book(env, bela.account.session, { ...slot, starts_at: at('09:30', 20 + round), title: 'Béla’s' }),
      ]);
      const statuses = responses.map((response) => response.statusCode).sort();
      expect(statuses, responses.map((response) => response.body).join('\n')).toEqual([201, 409]);
      const loser = responses.find((response) => response.statusCode === 409);
      if (loser) expectError(loser, 409, 'booking_conflict', /is already booked/);
    }
    expect(await liveBookings(env, room.id)).toHaveLength(3);
  });
});

// The exclusion constraint is PostgreSQL's own: SQLite's single writer has nothing to race.
describe.each(DIALECTS.filter((dialect) => dialect === 'postgres'))('bookings on %s', (dialect) => {
  const env = useTestEnv(dialect);

  it('has the database refuse the second of two transactions open at once, whatever the application checks', async () => {
    const room = await newResource(env);
    const { dialect: db } = env().services;
    const row = (starts: string, ends: string) => ({
      resource_id: room.id,
      starts_at: starts,
      ends_at: ends,
      created_at: at('00:00'),
      updated_at: at('00:00'),
      version: 1,
    });
    let firstInserted = () => {};
    const inserted = new Promise<void>((resolve) => {
      firstInserted = resolve;
    });
    let commitFirst = () => {};
    const mayCommit = new Promise<void>((resolve) => {
      commitFirst = resolve;
    });
    const first = db.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('booking')
        .values(row(at('09:00', 30), at('10:00', 30)))
        .execute();
      firstInserted();
      await mayCommit;
    });
    await inserted;
    // The second waits for the first's row, then finds it committed.
    const second = db.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('booking')
        .values(row(at('09:30', 30), at('10:30', 30)))
        .execute();
    });
    setTimeout(commitFirst, 100);
    const [won, lost] = await Promise.allSettled([first, second]);
    expect(won.status).toBe('fulfilled');
    expect(lost.status).toBe('rejected');
    const error = lost.status === 'rejected' ? lost.reason : null;
    expect(db.isExclusionViolation(error)).toBe(true);
    expect(db.violatedConstraint(error)).toBe('booking_no_overlap');
    expect(db.isUniqueViolation(error)).toBe(false);
    expect(await liveBookings(env, room.id)).toHaveLength(1);
  });
});
