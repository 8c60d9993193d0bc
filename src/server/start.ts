import { deleteExpiredSessions } from './access/sessions.ts';
import type { AppConfig } from './config.ts';
import { CronScheduler } from './jobs/scheduler.ts';
import { JobWorker } from './jobs/worker.ts';
import { moduleSchedules } from './modules/jobs.ts';
import type { RunningServer, StartHooks } from './server.ts';

/** How long the job in hand may go on after a stop signal before it is handed back. */
const SHUTDOWN_GRACE_MS = 20_000;
/** Kubernetes waits 30 s after SIGTERM before SIGKILL: be done before. */
const SHUTDOWN_DEADLINE_MS = 25_000;

/**
 * `kartoteka serve`: the server plus what runs beside it (demo data on first start, the job
 * worker and its schedules), stopped cleanly on SIGINT/SIGTERM.
 */
export async function startWithBackground(
  config: AppConfig,
  start: (config: AppConfig, hooks: StartHooks) => Promise<RunningServer>,
): Promise<void> {
  let worker: JobWorker | undefined;
  const running = await start(config, {
    beforeListen: async (services, app) => {
      if (config.demo) {
        // Loaded only when asked for: the generator's word lists have no business in production.
        const { loadDemoIfFirstStart } = await import('./seed/demo.ts');
        await loadDemoIfFirstStart(services, (message) => app.log.info(message));
      }
      const queue = services.jobs;
      queue.register('maintenance.sessions', async () => {
        await deleteExpiredSessions(services.dialect.db, services.now());
      });
      queue.register('maintenance.statistics', async () => services.dialect.refreshStatistics());
      queue.register('records.dispatch-events', async () => services.records.events.kick());
      queue.register('maintenance.jobs', async () => {
        // Finished jobs are kept a week for inspection; failed ones until an administrator looks.
        await queue.prune(new Date(services.now().getTime() - 7 * 86_400_000));
      });
      queue.register('records.prune-events', async () => {
        // A week of events stays for replay and inspection, and any a consumer has not passed.
        await services.records.events.prune(new Date(services.now().getTime() - 7 * 86_400_000));
      });
      const scheduler = new CronScheduler(queue, services.now);
      scheduler.add('expired-sessions', '17 * * * *', 'maintenance.sessions');
      scheduler.add('statistics', '41 * * * *', 'maintenance.statistics');
      // A safety net: events are dispatched right after each commit; this catches any left behind.
      scheduler.add('outbox', '* * * * *', 'records.dispatch-events');
      scheduler.add('outbox-prune', '23 3 * * *', 'records.prune-events');
      scheduler.add('jobs-prune', '29 3 * * *', 'maintenance.jobs');
      for (const schedule of moduleSchedules(services))
        scheduler.add(schedule.name, schedule.cron, schedule.job, null, schedule.timeZone);
      worker = new JobWorker(queue, scheduler, 2_000, (error) => app.log.error({ err: error }, 'job worker'));
      worker.start();
    },
    whileStopping: async () => worker?.stop(SHUTDOWN_GRACE_MS),
  });
  const shutdown = async (signal: string) => {
    running.app.log.info(`${signal}: shutting down`);
    // A request that never ends (a stuck client upload) must not keep the process alive:
    // an orchestrator would kill it anyway, without the jobs handed back.
    const deadline = setTimeout(() => {
      running.app.log.error(`${signal}: requests still open after ${SHUTDOWN_DEADLINE_MS} ms; exiting`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    await running.stop();
    running.app.log.info(`${signal}: stopped`);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
