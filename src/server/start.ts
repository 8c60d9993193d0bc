import { deleteExpiredSessions } from './access/sessions.ts';
import type { AppConfig } from './config.ts';
import { CronScheduler } from './jobs/scheduler.ts';
import { JobWorker } from './jobs/worker.ts';
import type { RunningServer, StartHooks } from './server.ts';

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
      worker = new JobWorker(queue, scheduler, 2_000, (error) => app.log.error({ err: error }, 'job worker'));
      worker.start();
    },
    afterStop: async () => worker?.stop(),
  });
  const shutdown = async (signal: string) => {
    running.app.log.info(`${signal}: shutting down`);
    await running.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
