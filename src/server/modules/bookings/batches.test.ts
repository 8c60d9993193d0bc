import { describe, expect, it } from 'vitest';
import { at, newResource, nothingWritten } from '../../../../test/booking-fixtures.ts';
import { post } from '../../../../test/case-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { systemActor } from '../../access/actor.ts';
import { createRecords } from '../../records/batch-writer.ts';
import type { RecordsContext } from '../../records/context.ts';
import { createRecord } from '../../records/writer.ts';

/**
 * Bookings written by commands (an import, a bulk change) rather than one request: inside a
 * transaction the command holds, or many in one batch. The clash is answered the same way and
 * never names the booking being written.
 */
describe.each(DIALECTS)('bookings written by commands (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  const actor = systemActor('bookings.test');

  it('refuses a clash inside a command’s transaction, naming the booking it clashed with', async () => {
    const room = await newResource(env);
    const taken = await post(env, 'booking', {
      resource: room.id,
      starts_at: at('09:00'),
      ends_at: at('10:00'),
    });
    const { records, dialect: db } = env().services;
    await nothingWritten(env, async () => {
      const attempt = db.db.transaction().execute((trx) => {
        const ctx: RecordsContext = { ...records, transaction: trx };
        return createRecord(ctx, actor, 'booking', {
          resource: room.id,
          starts_at: at('09:30'),
          ends_at: at('10:30'),
        });
      });
      await expect(attempt).rejects.toMatchObject({
        statusCode: 409,
        code: 'booking_conflict',
        details: { clashes: [{ id: taken.id, starts_at: at('09:00'), ends_at: at('10:00') }] },
      });
    });
  });

  it('refuses a batch with a clash as a whole, on its own and inside a command’s transaction', async () => {
    const room = await newResource(env);
    const taken = await post(env, 'booking', {
      resource: room.id,
      starts_at: at('12:00'),
      ends_at: at('13:00'),
    });
    const { records, dialect: db } = env().services;
    const bodies = [
      { resource: room.id, starts_at: at('08:00'), ends_at: at('09:00') },
      { resource: room.id, starts_at: at('12:30'), ends_at: at('13:30') },
    ];
    const refused = {
      statusCode: 409,
      code: 'booking_conflict',
      details: { clashes: [{ id: taken.id }] },
    };
    await nothingWritten(env, async () => {
      await expect(createRecords(records, actor, 'booking', bodies)).rejects.toMatchObject(refused);
      const joined = db.db
        .transaction()
        .execute((trx) => createRecords({ ...records, transaction: trx }, actor, 'booking', bodies));
      await expect(joined).rejects.toMatchObject(refused);
    });
    // Without the clash, the batch goes in.
    const outcomes = await createRecords(records, actor, 'booking', [
      bodies[0],
      { ...bodies[1], starts_at: at('13:00') },
    ]);
    expect(outcomes.map((outcome) => typeof outcome.id)).toEqual(['number', 'number']);
  });
});
