import { describe, expect, it } from 'vitest';
import { createAccount, createAs, createRole, grantsOn } from '../../../../test/access-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { adminId, type EnvGetter, insertCompanies } from '../../../../test/record-fixtures.ts';
import type { BulkRun } from '../../../shared/records/bulk-runs.ts';
import { actorOfAccount } from '../../access/account-actor.ts';
import { IMMEDIATE_BULK_RECORDS } from '../../records/bulk.ts';
import { continueBulkRun, insertBulkRun, loadBulkRun } from '../../records/bulk-runs.ts';

const URL = '/api/records/company/bulk';
const inCity = (city: string) => ({ field: 'city', op: 'eq', value: city });

async function countWhere(env: EnvGetter, table: string, column: string, value: unknown): Promise<number> {
  const db = env().services.dialect.db;
  const row = await db
    .selectFrom(table)
    .select(db.fn.countAll().as('n'))
    .where(column, '=', value)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(DIALECTS)('bulk actions in the background (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('runs a selection over the immediate limit batch by batch, with progress, as the one who started it', async () => {
    const { api, services } = env();
    const size = IMMEDIATE_BULK_RECORDS + 200;
    await insertCompanies(
      env,
      Array.from({ length: size }, (_, i) => ({ name: `Runner ${i}`, city: 'Runville' })),
    );
    const dry = await api('POST', URL, {
      selection: { filter: inCity('Runville') },
      action: { type: 'update', field: 'city', value: 'Donetown' },
      dryRun: true,
    });
    expect(dry.json()).toEqual({ count: size, exact: true });

    const started = await api('POST', URL, {
      selection: { filter: inCity('Runville') },
      action: { type: 'update', field: 'city', value: 'Donetown' },
    });
    expect(started.statusCode, started.body).toBe(202);
    const { run } = started.json<{ count: number; run: BulkRun }>();
    expect(started.json()).toMatchObject({ count: size, exact: true });
    expect(run).toMatchObject({
      status: 'queued',
      total: size,
      processed: 0,
      requestedBy: await adminId(env),
    });
    // Nothing changes until the job runs.
    expect(await countWhere(env, 'company', 'city', 'Donetown')).toBe(0);

    // Nobody else follows someone's run.
    const role = await createRole(env, grantsOn(env, 'all', ['company']));
    const other = await createAccount(env, [role]);
    expect((await api('GET', `/api/bulk-runs/${run.id}`, undefined, other.session)).statusCode).toBe(404);

    await services.jobs.runDue();
    const finished = (await api('GET', `/api/bulk-runs/${run.id}`)).json<BulkRun>();
    expect(finished).toMatchObject({
      status: 'done',
      processed: size,
      updated: size,
      failed: 0,
      failures: [],
    });
    expect(finished.finishedAt).not.toBeNull();
    expect(await countWhere(env, 'company', 'city', 'Donetown')).toBe(size);
    expect(await countWhere(env, 'company', 'version', 2)).toBe(size);
    // Each record as a single edit leaves it: a history row and an event apiece.
    expect(await countWhere(env, 'record_history', 'new_value', JSON.stringify('Donetown'))).toBe(size);
    const events = await services.dialect.db
      .selectFrom('outbox_event')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('object', '=', 'company')
      .where('type', '=', 'updated')
      .executeTakeFirstOrThrow();
    expect(Number(events.n)).toBe(size);
  });

  it('forces a small selection into the background on request, and keeps a run to the named ids', async () => {
    const { api, services } = env();
    const ids: number[] = [];
    for (const name of ['Pick A', 'Pick B', 'Pick C'])
      ids.push(await createAs(env, 'company', { name, city: 'Pickton' }));
    const started = await api('POST', URL, {
      selection: { ids: ids.slice(0, 2) },
      action: { type: 'delete' },
      background: true,
    });
    expect(started.statusCode, started.body).toBe(202);
    await services.jobs.runDue();
    const run = (
      await api('GET', `/api/bulk-runs/${started.json<{ run: BulkRun }>().run.id}`)
    ).json<BulkRun>();
    expect(run).toMatchObject({ status: 'done', processed: 2, updated: 2 });
    const live = await services.dialect.db
      .selectFrom('company')
      .select('id')
      .where('city', '=', 'Pickton')
      .where('deleted_at', 'is', null)
      .execute();
    expect(live.map((row) => Number(row.id))).toEqual([ids[2]]);
    // The trash's search leaves them out too.
    const search = (await api('GET', '/api/search?q=Pick')).json<{ items: Array<{ id: number }> }>();
    expect(search.items.map((item) => item.id)).toEqual([ids[2]]);
  });

  it('stops a run on request: no further batch starts, and a run that ended cannot be stopped', async () => {
    const { api, services } = env();
    const size = IMMEDIATE_BULK_RECORDS + 10;
    await insertCompanies(
      env,
      Array.from({ length: size }, (_, i) => ({ name: `Stopper ${i}`, city: 'Stopville' })),
    );
    const started = await api('POST', URL, {
      selection: { filter: inCity('Stopville') },
      action: { type: 'update', field: 'city', value: 'Gonetown' },
    });
    const { run } = started.json<{ run: BulkRun }>();
    const role = await createRole(env, grantsOn(env, 'all', ['company']));
    const other = await createAccount(env, [role]);
    expect((await api('POST', `/api/bulk-runs/${run.id}/cancel`, undefined, other.session)).statusCode).toBe(
      404,
    );

    const stopped = await api('POST', `/api/bulk-runs/${run.id}/cancel`);
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect(stopped.json()).toMatchObject({ status: 'cancelled', processed: 0 });
    await services.jobs.runDue();
    expect((await api('GET', `/api/bulk-runs/${run.id}`)).json()).toMatchObject({
      status: 'cancelled',
      updated: 0,
    });
    expect(await countWhere(env, 'company', 'city', 'Gonetown')).toBe(0);
    expect((await api('POST', `/api/bulk-runs/${run.id}/cancel`)).statusCode).toBe(409);
  });

  it('rolls back a refused batch alone, reports it with its reason and goes on with the next', async () => {
    const { services } = env();
    const ids: number[] = [];
    for (const last of ['One', 'Two', 'Three', 'Four', 'Five'])
      ids.push(await createAs(env, 'employee', { first_name: 'Bulk', last_name: last }));
    const boss = ids[2] as number;
    const run = await insertBulkRun(services.dialect.db, {
      object: 'employee',
      request: { selection: { ids }, action: { type: 'update', field: 'manager', value: boss } },
      total: ids.length,
      exact: true,
      requestedBy: await adminId(env),
      now: new Date(),
      encodeBoolean: (value) => services.dialect.encodeBoolean(value),
    });
    const actor = await actorOfAccount(services.dialect, services.rights, await adminId(env));
    // Batches of two: [1, 2] [3, 4] [5]; the boss cannot be their own manager, so the second fails.
    await continueBulkRun(services.records, actor, run.id, 2);

    const report = await loadBulkRun(services.dialect.db, run.id);
    expect(report).toMatchObject({ status: 'done', processed: 5, updated: 3, failed: 2 });
    expect(report?.failures).toEqual([
      expect.objectContaining({
        fromId: ids[2],
        toId: ids[3],
        count: 2,
        message: expect.stringMatching(/circle/),
      }),
    ]);
    const rows = await services.dialect.db
      .selectFrom('employee')
      .select(['id', 'manager_id', 'version'])
      .where('id', 'in', ids)
      .orderBy('id')
      .execute();
    expect(rows.map((row) => [Number(row.manager_id ?? 0), Number(row.version)])).toEqual([
      [boss, 2],
      [boss, 2],
      [0, 1],
      [0, 1],
      [boss, 2],
    ]);
  });
});
