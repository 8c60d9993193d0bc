import { sql } from 'kysely';
import { z } from 'zod';
import type { AppInstance, AppServices } from '../../http/types.ts';

export async function healthRoutes(app: AppInstance, services: AppServices): Promise<void> {
  app.get(
    '/api/health',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check',
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.enum(['sqlite', 'postgres']),
            version: z.string(),
          }),
        },
      },
    },
    async () => {
      await sql`SELECT 1`.execute(services.dialect.db);
      return { status: 'ok' as const, database: services.dialect.name, version: services.version };
    },
  );
}
