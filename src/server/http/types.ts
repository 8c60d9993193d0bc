import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RightsCache } from '../access/rights.ts';
import type { AppConfig } from '../config.ts';
import type { Dialect } from '../db/dialects/dialect.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { MetadataRegistry } from '../metadata/registry.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { RecordsContext } from '../records/context.ts';

export type AppInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What route modules are given: no globals, so tests can build as many apps as they like. */
export interface AppServices {
  config: AppConfig;
  dialect: Dialect;
  registry: MetadataRegistry;
  records: RecordsContext;
  /** Effective rights per account, shared by every request of this instance. */
  rights: RightsCache;
  /**
   * The job queue every capability registers its jobs on (`modules/jobs.ts`); `kartoteka serve`
   * runs it in the background, tests drive it with `runDue()`.
   */
  jobs: JobQueue;
  /** What `GET /metrics` reports; capabilities add their own gauges (e.g. live streams). */
  metrics: Metrics;
  version: string;
  now: () => Date;
}
