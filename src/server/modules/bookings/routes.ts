import { z } from 'zod';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { checkId } from '../../records/reader.ts';
import { freeSlots, MAX_RANGE_DAYS } from './free-slots.ts';

const instant = z.string().describe('ISO 8601 date-time in UTC (2026-12-01T09:00:00Z)');

/**
 * What resources offer beyond the records API (where resources and bookings are created,
 * changed and listed like any record): when a resource is free.
 */
export async function bookingRoutes(app: AppInstance, services: AppServices): Promise<void> {
  app.get(
    '/api/resources/:id/free-slots',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['bookings'],
        summary:
          'The free time of a resource within [from, to): the gaps between its live bookings, at least `minutes` long',
        description: `Times only: who booked the rest and what for is not told. The range covers at most ${MAX_RANGE_DAYS} days. A deactivated resource has no free time (\`bookable: false\`). Refusals: 400 \`validation_failed\` naming \`from\` or \`to\` (not a date-time, \`to\` not after \`from\`, range too long); 403 without the read right on resources; 404 a resource you cannot read.`,
        params: z.object({ id: z.string().max(20) }),
        querystring: z.object({
          from: instant.max(40).describe('Start of the range (inclusive), ISO 8601 date-time'),
          to: instant.max(40).describe('End of the range (exclusive), ISO 8601 date-time'),
          minutes: z.coerce
            .number()
            .int()
            .min(1)
            .max(MAX_RANGE_DAYS * 24 * 60)
            .optional()
            .describe('Only free intervals at least this many minutes long'),
        }),
        response: {
          200: z.object({
            resource: z.number(),
            from: z.string(),
            to: z.string(),
            minutes: z.number().nullable(),
            bookable: z.boolean().describe('False for a deactivated resource: nothing is free'),
            free: z
              .array(
                z.object({
                  starts_at: z.string(),
                  ends_at: z.string(),
                  minutes: z.number().describe('Length in whole minutes'),
                }),
              )
              .describe('Free intervals, earliest first, half-open like bookings'),
          }),
        },
      },
    },
    async (request) =>
      freeSlots(services.records, actorOf(request), checkId(request.params.id), request.query),
  );
}
