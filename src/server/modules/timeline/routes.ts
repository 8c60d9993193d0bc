import { z } from 'zod';
import { withLocale } from '../../access/actor.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { readTimeline, TIMELINE_MAX_LIMIT } from '../../records/timeline/read.ts';

const recordRef = z.object({
  id: z.number(),
  title: z.string(),
  code: z.string().optional(),
  color: z.string().nullable().optional(),
});

const timelineItem = z.object({
  id: z.string().describe('`<type>:<id>`, unique within the timeline'),
  at: z.string().describe('When it happened (ISO 8601)'),
  type: z.string().describe('The object of the entry (activity, case, case_stage, note…) or `change`'),
  kind: recordRef.nullable().describe("What refines the type: an activity's kind (call, meeting…)"),
  icon: z.string(),
  title: z.string(),
  summary: z.string().describe("One line in the reader's language"),
  object: z.string(),
  recordId: z.number(),
  actor: z.object({ id: z.number(), name: z.string() }).nullable(),
  caseId: z.number().nullable(),
});

const id = z.coerce.number().int().positive();

/** The client file's timeline: `GET /api/timeline/:object/:id`. */
export async function timelineRoutes(app: AppInstance, services: AppServices): Promise<void> {
  app.get(
    '/api/timeline/:object/:id',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['timeline'],
        summary:
          "A record's timeline (a client's file): cases and their stages, activities, notes and field changes, newest first (or oldest first), paged by keyset",
        params: z.object({ object: z.string().max(64), id: z.string().max(20) }),
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(TIMELINE_MAX_LIMIT).default(50),
          cursor: z.string().max(500).optional(),
          types: z.string().max(500).optional().describe('Comma-separated entry types'),
          person: id.optional(),
          employee: id.optional(),
          case: id.optional(),
          from: z.string().max(40).optional().describe('A date or date-time: entries at or after it'),
          to: z.string().max(40).optional().describe('A date (inclusive) or date-time (exclusive)'),
          q: z.string().max(200).optional().describe('Words in the entries’ titles and summaries'),
          order: z
            .enum(['desc', 'asc'])
            .optional()
            .describe(
              '`desc` (default): newest first; `asc`: oldest first — with `from` set to now, what is coming, soonest first',
            ),
          locale: z.enum(['en', 'pl', 'hu']).optional(),
        }),
        response: { 200: z.object({ items: z.array(timelineItem), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      const { locale, ...params } = request.query;
      return readTimeline(
        services.records,
        withLocale(actorOf(request), locale),
        request.params.object,
        request.params.id,
        params,
      );
    },
  );
}
