import { z } from 'zod';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { globalSearch } from '../../records/search.ts';

export async function searchRoutes(app: AppInstance, services: AppServices): Promise<void> {
  app.get(
    '/api/search',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['search'],
        summary: 'Search companies, people and employees at once (accent-insensitive, prefix, ranked)',
        querystring: z.object({
          q: z.string().max(200),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          objects: z.string().max(500).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                object: z.string(),
                id: z.number(),
                title: z.string(),
                subtitle: z.string().nullable(),
                rank: z.number(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { q, limit, objects } = request.query;
      const items = await globalSearch(services.records, actorOf(request), q, {
        limit,
        objects: objects ? objects.split(',').filter(Boolean) : undefined,
      });
      return { items };
    },
  );
}
