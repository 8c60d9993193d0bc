import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { adminId, createCompany, expectNothingWritten } from '../../../../test/record-fixtures.ts';
import { DEFAULT_TIME_ZONE } from '../../access/actor.ts';

/**
 * A time zone is checked wherever it is written — the records API, the personal settings, a
 * reminder — by one field type, so an unknown zone can no longer make all of a user's reads fail.
 */
describe.each(DIALECTS)('time zones are checked wherever they are written (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  async function account(): Promise<{ id: number; version: number; time_zone: string | null }> {
    const response = await env().api('GET', `/api/records/user_account/${await adminId(env)}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  /** What the user reads in their zone: relative dates, counts, exports. */
  async function expectReadsWork(): Promise<void> {
    const { api } = env();
    const today = { field: 'next_action_date', op: 'today' };
    const reads = [
      await api('GET', '/api/records/company'),
      await api('POST', '/api/records/company/query', { filter: today }),
      await api('POST', '/api/records/company/count', { filter: today }),
      await api('POST', '/api/records/company/export', { format: 'csv', fields: ['name', 'created_at'] }),
    ];
    for (const response of reads) expect(response.statusCode, response.body).toBe(200);
  }

  it.each([
    ['an unknown zone', 'Mars/Olympus'],
    ['an offset', '+01:00'],
    ['SQL', "Europe/Warsaw'; DROP TABLE company; --"],
    ['an overlong name', `Europe/${'W'.repeat(80)}`],
  ])('refuses %s through the records API, writing nothing', async (_what, zone) => {
    await createCompany(env);
    const before = await account();
    await expectNothingWritten(env, async () => {
      const refused = await env().api('PATCH', `/api/records/user_account/${before.id}`, {
        time_zone: zone,
        version: before.version,
      });
      const error = expectError(refused, 400, 'validation_failed', /^time_zone: /);
      expect(error.details).toMatchObject({ fields: [{ field: 'time_zone', code: expect.any(String) }] });
    });
    expect((await account()).time_zone).toBe(before.time_zone);
    await expectReadsWork();
  });

  it('stores a known zone as the runtime spells it, and the user reads in it', async () => {
    const before = await account();
    const changed = await env().api('PATCH', `/api/records/user_account/${before.id}`, {
      time_zone: ' europe/budapest ',
      version: before.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ time_zone: 'Europe/Budapest' });
    const me = await env().api('GET', '/api/auth/me');
    expect(me.json()).toMatchObject({ user: { timeZone: 'Europe/Budapest' } });
    await expectReadsWork();
  });

  it('refuses the same zones through the personal settings, and takes what the records API takes', async () => {
    const { api } = env();
    for (const zone of ['Mars/Olympus', '+01:00'])
      expectError(
        await api('PATCH', '/api/auth/me', { timeZone: zone }),
        400,
        'validation_failed',
        /time zone/,
      );
    expect((await api('PATCH', '/api/auth/me', { timeZone: 'america/new_york' })).statusCode).toBe(204);
    expect((await account()).time_zone).toBe('America/New_York');
  });

  it('refuses an unknown zone in a reminder and in a filter', async () => {
    const { api } = env();
    await expectNothingWritten(env, async () => {
      const reminder = await api('POST', '/api/records/reminder', {
        title: 'Call back',
        at: '2030-01-01T09:00:00.000Z',
        time_zone: 'Mars/Olympus',
      });
      expectError(reminder, 400, 'validation_failed', /time_zone: is not a time zone/);
    });
    const filter = { field: 'time_zone', op: 'eq', value: 'Mars/Olympus' };
    expectError(
      await api('POST', '/api/records/user_account/query', { filter }),
      400,
      'bad_request',
      /filter\.value: is not a time zone/,
    );
    const known = { field: 'time_zone', op: 'in', value: ['Europe/Warsaw', 'UTC'] };
    expect((await api('POST', '/api/records/user_account/query', { filter: known })).statusCode).toBe(200);
  });

  it('reads a zone stored before zones were checked as the default, instead of failing', async () => {
    const id = await adminId(env);
    await env()
      .services.dialect.db.updateTable('user_account')
      .set({ time_zone: 'Mars/Olympus' })
      .where('id', '=', id)
      .execute();
    const me = await env().api('GET', '/api/auth/me');
    expect(me.json()).toMatchObject({ user: { timeZone: DEFAULT_TIME_ZONE } });
    await expectReadsWork();
  });
});
