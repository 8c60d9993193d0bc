import { sql } from 'kysely';
import { z } from 'zod';
import { pendingMigrations } from '../../db/database.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { metricsRoute } from './metrics-route.ts';

/** A database that does not answer within this is as good as down for a load balancer. */
const DATABASE_CHECK_MS = 2_000;

const readinessSchema = z.object({
  ready: z.boolean(),
  database: z.enum(['reachable', 'unreachable']),
  migrations: z.enum(['done', 'pending', 'unknown']),
  jobs: z.enum(['running', 'stalled', 'stopped', 'not started']),
});
type Readiness = z.infer<typeof readinessSchema>;

async function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function readiness(services: AppServices): Promise<Readiness> {
  let database: Readiness['database'] = 'reachable';
  let migrations: Readiness['migrations'] = 'unknown';
  try {
    await withinTime(sql`SELECT 1`.execute(services.dialect.db), DATABASE_CHECK_MS);
    const pending = await withinTime(pendingMigrations(services.dialect), DATABASE_CHECK_MS);
    migrations = pending.length === 0 ? 'done' : 'pending';
  } catch {
    database = 'unreachable';
  }
  const jobs = services.jobs.worker?.status() ?? 'not started';
  const ready = database === 'reachable' && migrations === 'done' && jobs === 'running';
  return { ready, database, migrations, jobs };
}

export async function healthRoutes(app: AppInstance, services: AppServices): Promise<void> {
  app.get(
    '/api/health',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['system'],
        summary:
          'Liveness: the process answers. It does not ask the database, so a database outage does not get healthy instances restarted; see /api/health/ready',
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.enum(['sqlite', 'postgres']),
            version: z.string(),
          }),
        },
      },
    },
    async () => ({ status: 'ok' as const, database: services.dialect.name, version: services.version }),
  );

  app.get(
    '/api/health/ready',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['system'],
        summary:
          'Readiness for a load balancer: 200 when the database answers, every migration has run and the job worker is polling; 503 with the same body otherwise',
        response: { 200: readinessSchema, 503: readinessSchema },
      },
    },
    async (_request, reply) => {
      const state = await readiness(services);
      return reply.status(state.ready ? 200 : 503).send(state);
    },
  );

  metricsRoute(app, services);
}
