import type { Dialect } from '../db/dialects/dialect.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Metrics } from './metrics.ts';

/** What every instance reports about its database connections and the shared job queue. */
export function registerPlatformMetrics(metrics: Metrics, dialect: Dialect, jobs: JobQueue): void {
  metrics.gauge(
    'kartoteka_db_connections',
    'Database connections of this instance: open, idle, max, and queries waiting for one',
    ['state'],
    async () => {
      const use = dialect.connections();
      return (['open', 'idle', 'waiting', 'max'] as const).map((state) => ({
        labels: { state },
        value: use[state],
      }));
    },
  );
  metrics.gauge(
    'kartoteka_jobs',
    'Jobs in the queue shared by all instances, by status (queued is the backlog)',
    ['status'],
    async () => Object.entries(await jobs.depth()).map(([status, value]) => ({ labels: { status }, value })),
  );
}
