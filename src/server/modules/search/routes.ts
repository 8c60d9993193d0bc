import { z } from 'zod';
import { withLocale } from '../../access/actor.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { globalSearch, searchCounts } from '../../records/search.ts';

const hit = z.object({
  object: z.string(),
  id: z.number(),
  title: z.string(),
  /** Kept for clients written before `facts`: the facts' values joined with " · ". */
  subtitle: z.string().nullable(),
  facts: z.array(z.object({ field: z.string(), label: z.string(), value: z.string() })),
  matched: z.enum(['title', 'other']),
  rank: z.number(),
});

const counts = z.object({
  objects: z.array(z.object({ object: z.string(), count: z.number(), exact: z.boolean() })),
  total: z.number(),
  exact: z.boolean(),
});

export async function searchRoutes(app: AppInstance, services: AppServices): Promise<void> {
  app.get(
    '/api/search',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['search'],
        summary:
          'Search companies, people, employees and groups at once (accent-insensitive, prefix, ranked)',
        description:
          'Hits come best first: records whose own title is the query, starts with it or has words starting ' +
          'with its words (`matched: "title"`), then records matched in other fields (`matched: "other"`). ' +
          "`facts` are the subtitle values labelled in the reader's language (or `locale`). With `count=true` the answer " +
          'also holds the number of matches per object, counted as each list counts its quick search `?q=`: ' +
          'only records the reader may read, exact up to 10,000.',
        querystring: z.object({
          q: z.string().max(200),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          objects: z.string().max(500).optional(),
          count: z.enum(['true', 'false']).optional(),
          // The web app's language for the facts' labels, when it differs from the account's.
          locale: z.enum(['en', 'pl', 'hu']).optional(),
        }),
        response: {
          200: z.object({ items: z.array(hit), counts: counts.optional() }),
        },
      },
    },
    async (request) => {
      const { q, limit, count } = request.query;
      const actor = withLocale(actorOf(request), request.query.locale);
      const objects = request.query.objects ? request.query.objects.split(',').filter(Boolean) : undefined;
      const items = await globalSearch(services.records, actor, q, { limit, objects });
      if (count !== 'true') return { items };
      return { items, counts: await searchCounts(services.records, actor, q, { objects }) };
    },
  );
}
