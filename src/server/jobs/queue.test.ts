import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.ts';
import { useTestEnv } from '../../../test/harness.ts';
import { openDatabase } from '../db/database.ts';
import { JobQueue, retryDelayMs } from './queue.ts';
import { CronScheduler } from './scheduler.ts';

describe.each(DIALECTS)('job queue and cron (%s)', (dialect) => {
  let clock = new Date('2026-11-23T08:00:00Z');
  const now = () => clock;
  const env = useTestEnv(dialect);

  const jobRow = async (id: number) =>
    env().services.dialect.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('runs a due job once and marks it done', async () => {
    const queue = new JobQueue(env().services.dialect, now);
    const seen: unknown[] = [];
    queue.register('test.echo', async (payload) => {
      seen.push(payload);
    });
    await queue.enqueue('test.echo', { hello: 'Łódź' });
    await queue.enqueue('test.echo', { later: true }, { runAt: new Date(clock.getTime() + 60_000) });
    expect(await queue.runDue()).toBe(1);
    expect(await queue.runDue()).toBe(0);
    expect(seen).toEqual([{ hello: 'Łódź' }]);
    clock = new Date(clock.getTime() + 61_000);
    expect(await queue.runDue()).toBe(1);
    expect(seen).toEqual([{ hello: 'Łódź' }, { later: true }]);
  });

  it('enqueues many jobs at once, leaving out keys already taken, earlier or in the same list', async () => {
    const queue = new JobQueue(env().services.dialect, now);
    // Not due within this file's tests, which share the queue.
    const runAt = new Date('2100-01-01T00:00:00Z');
    expect(await queue.enqueue('test.many', { n: 0 }, { uniqueKey: 'many:0', runAt })).toBe(true);
    const jobs = Array.from({ length: 1_200 }, (_, n) => ({
      name: 'test.many',
      payload: { n },
      options: { uniqueKey: `many:${n % 1_100}`, runAt },
    }));
    // 1,100 keys, one of them taken: 1,099 new jobs, written over several statements.
    expect(await queue.enqueueMany(jobs)).toBe(1_099);
    const rows = await env()
      .services.dialect.db.selectFrom('job')
      .select(['payload', 'unique_key'])
      .where('name', '=', 'test.many')
      .execute();
    expect(rows).toHaveLength(1_100);
    // The first job of a key wins: a repeat later in the list does not replace it.
    expect(rows.find((row) => row.unique_key === 'many:5')?.payload).toBe('{"n":5}');
    expect(await queue.enqueueMany([])).toBe(0);
  });

  it('retries a failing job with growing delays, then gives up', async () => {
    const errors: string[] = [];
    const queue = new JobQueue(env().services.dialect, now, {
      onError: (error) => errors.push(String(error)),
    });
    let calls = 0;
    queue.register('test.flaky', async () => {
      calls += 1;
      throw new Error(`boom ${calls}`);
    });
    await queue.enqueue('test.flaky', null, { maxAttempts: 3 });
    const id = Number(
      (
        await env()
          .services.dialect.db.selectFrom('job')
          .select('id')
          .where('name', '=', 'test.flaky')
          .executeTakeFirstOrThrow()
      ).id,
    );
    expect(await queue.runDue()).toBe(1);
    let row = await jobRow(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, last_error: 'boom 1' });
    expect(Date.parse(String(row.run_at)) - clock.getTime()).toBe(retryDelayMs(1));
    expect(await queue.runDue()).toBe(0);
    clock = new Date(clock.getTime() + retryDelayMs(1));
    await queue.runDue();
    clock = new Date(clock.getTime() + retryDelayMs(2));
    await queue.runDue();
    row = await jobRow(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 3, last_error: 'boom 3' });
    expect(calls).toBe(3);
    expect(errors).toHaveLength(3);
  });

  it('gives each job to exactly one of two instances working at once', async () => {
    const second = openDatabase(env().databaseConfig);
    try {
      const runs = new Map<number, number>();
      const handler = async (payload: unknown) => {
        const n = (payload as { n: number }).n;
        runs.set(n, (runs.get(n) ?? 0) + 1);
        await new Promise((resolve) => setImmediate(resolve));
      };
      const a = new JobQueue(env().services.dialect, now, { batchSize: 3 });
      const b = new JobQueue(second, now, { batchSize: 3 });
      a.register('test.count', handler);
      b.register('test.count', handler);
      for (let n = 0; n < 60; n += 1) await a.enqueue('test.count', { n });
      const drain = async (queue: JobQueue) => {
        let total = 0;
        for (let ran = await queue.runDue(); ran > 0; ran = await queue.runDue()) total += ran;
        return total;
      };
      const [byA, byB] = await Promise.all([drain(a), drain(b)]);
      expect(byA + byB).toBe(60);
      expect([...runs.values()].every((count) => count === 1)).toBe(true);
      expect(runs.size).toBe(60);
    } finally {
      await second.close();
    }
  });

  it('enqueues a cron tick once even when two instances see it', async () => {
    const second = openDatabase(env().databaseConfig);
    try {
      clock = new Date('2026-11-23T09:59:30Z');
      const a = new CronScheduler(new JobQueue(env().services.dialect, now), now);
      const b = new CronScheduler(new JobQueue(second, now), now);
      a.add('report', '0 * * * *', 'test.report', null, 'UTC');
      b.add('report', '0 * * * *', 'test.report', null, 'UTC');
      expect(await a.enqueueDue()).toBe(0);
      clock = new Date('2026-11-23T10:00:05Z');
      const added = (await a.enqueueDue()) + (await b.enqueueDue());
      expect(added).toBe(1);
      const jobs = await env()
        .services.dialect.db.selectFrom('job')
        .selectAll()
        .where('name', '=', 'test.report')
        .execute();
      expect(jobs).toHaveLength(1);
      expect(jobs[0]?.unique_key).toBe('cron:report:2026-11-23T10:00:00.000Z');
    } finally {
      await second.close();
    }
  });
});
