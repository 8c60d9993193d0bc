import { readFileSync } from 'node:fs';
import { RightsCache } from './access/rights.ts';
import type { AppConfig } from './config.ts';
import { migrateToLatest, openDatabase } from './db/database.ts';
import type { Dialect } from './db/dialects/dialect.ts';
import type { AppServices } from './http/types.ts';
import { JobQueue, type QueueOptions } from './jobs/queue.ts';
import { registerModuleConsumers } from './modules/consumers.ts';
import { registerModuleJobs } from './modules/jobs.ts';
import { standardRegistry } from './modules/objects.ts';
import { installStandardData } from './modules/standard-data.ts';
import { Metrics } from './observability/metrics.ts';
import { registerPlatformMetrics } from './observability/platform-metrics.ts';
import { EventDispatcher } from './records/events.ts';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
export const VERSION = packageJson.version;

/** Opens the database, brings the schema up to date and wires the services every entry point shares. */
export async function openServices(
  config: AppConfig,
  options: {
    onEventError?: (error: unknown, consumer: string | null) => void;
    onJobError?: QueueOptions['onError'];
    now?: () => Date;
    dialect?: Dialect;
  } = {},
): Promise<AppServices> {
  const dialect = options.dialect ?? openDatabase(config.database);
  await migrateToLatest(dialect);
  const registry = standardRegistry();
  const now = options.now ?? (() => new Date());
  const events = new EventDispatcher(dialect, now, (error, consumer) =>
    options.onEventError?.(error, consumer),
  );
  const metrics = new Metrics();
  const jobs = new JobQueue(dialect, now, {
    onError: (error, job) => {
      metrics.jobFailures.inc({ job: job.name });
      options.onJobError?.(error, job);
    },
  });
  registerPlatformMetrics(metrics, dialect, jobs);
  const services: AppServices = {
    config,
    dialect,
    registry,
    records: { dialect, registry, events, now, country: config.country },
    rights: new RightsCache(),
    jobs,
    metrics,
    version: VERSION,
    now,
  };
  registerModuleJobs(services);
  registerModuleConsumers(services);
  await installStandardData(dialect, now().toISOString());
  return services;
}
