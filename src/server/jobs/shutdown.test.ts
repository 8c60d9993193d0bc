import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.ts';
import { useTestEnv } from '../../../test/harness.ts';
import { JobQueue } from './queue.ts';
import { CronScheduler } from './scheduler.ts';
import { JobWorker } from './worker.ts';

/** A job that runs until told to finish, and says when it has begun. */
function heldJob() {
  let begin: () => void = () => {};
  let finish: () => void = () => {};
  const begun = new Promise<void>((resolve) => {
    begin = resolve;
  });
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const handler = async () => {
    begin();
    await finished;
  };
  return { begun, finish, handler };
}

describe.each(DIALECTS)('a stopping job worker (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  const jobsNamed = (name: string) =>
    env()
      .services.dialect.db.selectFrom('job')
      .select(['status', 'attempts', 'locked_by'])
      .where('name', '=', name)
      .orderBy('id')
      .execute();

  const workerFor = (queue: JobQueue) =>
    new JobWorker(queue, new CronScheduler(queue, env().services.now), 10, (error) => {
      throw error;
    });

  it('finishes the job in hand and hands back the rest of its batch, their attempts uncounted', async () => {
    const queue = new JobQueue(env().services.dialect, () => new Date());
    const held = heldJob();
    queue.register('stop.finish', held.handler);
    for (let n = 0; n < 3; n++) await queue.enqueue('stop.finish', { n });
    const worker = workerFor(queue);
    worker.start();
    await held.begun;

    const stopped = worker.stop(5_000);
    held.finish();
    await stopped;
    expect(await jobsNamed('stop.finish')).toEqual([
      { status: 'done', attempts: 1, locked_by: null },
      { status: 'queued', attempts: 0, locked_by: null },
      { status: 'queued', attempts: 0, locked_by: null },
    ]);
    // Another instance takes them at once, not when a lease would have run out.
    const other = new JobQueue(env().services.dialect, () => new Date());
    other.register('stop.finish', async () => {});
    expect(await other.runDue()).toBe(2);
  });

  it('hands back also the job that did not finish within the grace', async () => {
    const queue = new JobQueue(env().services.dialect, () => new Date());
    const held = heldJob();
    queue.register('stop.grace', held.handler);
    await queue.enqueue('stop.grace', {});
    const worker = workerFor(queue);
    worker.start();
    await held.begun;

    await worker.stop(50);
    expect(await jobsNamed('stop.grace')).toEqual([{ status: 'queued', attempts: 0, locked_by: null }]);
    // When it does finish after all, it settles nothing: the job is no longer this worker's.
    held.finish();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await jobsNamed('stop.grace')).toEqual([{ status: 'queued', attempts: 0, locked_by: null }]);
  });
});

describe.each(DIALECTS)('a long job (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('keeps its lease while it runs, so no other worker takes it for abandoned', async () => {
    const leaseMs = 150;
    const first = new JobQueue(env().services.dialect, () => new Date(), { leaseMs });
    const held = heldJob();
    first.register('long.run', held.handler);
    await first.enqueue('long.run', {});
    const running = first.runDue();
    await held.begun;

    const second = new JobQueue(env().services.dialect, () => new Date(), { leaseMs });
    let runs = 0;
    second.register('long.run', async () => {
      runs += 1;
    });
    // Three leases long: without renewal the second worker would have claimed it by now.
    for (let n = 0; n < 9; n++) {
      await new Promise((resolve) => setTimeout(resolve, leaseMs / 3));
      await second.runDue();
    }
    held.finish();
    expect(await running).toBe(1);
    expect(runs).toBe(0);
  });
});
