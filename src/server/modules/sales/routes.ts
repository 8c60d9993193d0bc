import { z } from 'zod';
import { errors } from '../../errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { checkId } from '../../records/reader.ts';
import { forecast } from './forecast.ts';
import { moveOpportunity } from './move.ts';
import { pipelineBoard, scenarioStages, stageCards } from './pipeline.ts';

const tags = ['sales'];
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day YYYY-MM-DD');
const ids = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.split(',')).map((id) => Number(id)))
  .pipe(z.array(z.number().int().positive()).max(100));
const boardQuery = z.object({
  owner: ids.optional(),
  team: z.coerce.number().int().positive().optional(),
  from: day.optional(),
  to: day.optional(),
});
const money = z.object({ amount: z.number().int(), currency: z.string() });
const ref = z.object({ id: z.number().int(), title: z.string() }).nullable();
const card = z.object({
  id: z.number().int(),
  version: z.number().int(),
  name: z.string(),
  company: ref,
  owner: ref,
  amount: money.nullable(),
  probability: z.number().nullable(),
  expectedClose: z.string().nullable(),
  stageChangedAt: z.string().nullable(),
  rotting: z.boolean(),
});
const stage = z.object({
  id: z.number().int(),
  name: z.string(),
  position: z.number().int(),
  kind: z.string(),
  probability: z.number(),
  rotsAfterDays: z.number().int().nullable(),
  colour: z.string().nullable(),
});
const column = z.object({
  stage,
  count: z.number().int(),
  sum: money,
  weightedSum: money,
  otherCurrencies: z.array(
    z.object({ currency: z.string(), count: z.number().int(), sum: money, weightedSum: money }),
  ),
  cards: z.array(card),
  nextCursor: z.string().nullable(),
});

/** The pipeline board and its moves; everything else about deals is the records API. */
export async function salesRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const ctx = services.records;

  app.get(
    '/api/pipeline/:scenarioId',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          'A scenario’s board: every stage with the count, sum and weighted sum of all its deals, and its first cards',
        description:
          'Totals count every deal of the scenario the reader may see and the filters keep, not the loaded cards; amounts in other currencies than the scenario’s are summed apart. Cards (50 a page) are in their place on the board; `nextCursor` pages a column through `GET /api/pipeline/:scenarioId/stages/:stageId/cards`. A card is `rotting` when open and untouched for longer than its stage allows. 404 for a scenario the reader cannot read.',
        params: z.object({ scenarioId: z.string().max(20) }),
        querystring: boardQuery,
        response: {
          200: z.object({
            scenario: z.object({ id: z.number().int(), name: z.string(), currency: z.string() }),
            columns: z.array(column),
          }),
        },
      },
    },
    async (request) =>
      pipelineBoard(ctx, actorOf(request), checkId(request.params.scenarioId), request.query),
  );

  app.get(
    '/api/pipeline/:scenarioId/stages/:stageId/cards',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'The next page of a board column’s cards',
        params: z.object({ scenarioId: z.string().max(20), stageId: z.string().max(20) }),
        querystring: boardQuery.extend({
          cursor: z
            .string()
            .regex(/^\d{1,9}$/)
            .optional(),
        }),
        response: { 200: z.object({ cards: z.array(card), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const scenarioId = checkId(request.params.scenarioId);
      const stageId = checkId(request.params.stageId);
      const found = (await scenarioStages(ctx, actor, scenarioId)).find(
        (candidate) => candidate.id === stageId,
      );
      if (!found) throw errors.notFound(`Stage ${stageId} is not a stage of scenario ${scenarioId}`);
      return stageCards(ctx, actor, scenarioId, found, request.query, request.query.cursor ?? null);
    },
  );

  app.get(
    '/api/forecast',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          'Weighted pipeline, won deals and targets for a period, by expected-close month, owner or team',
        description:
          'Open deals whose expected close is in the period, amount × probability, in one currency (`currency`, PLN unless given; deals in others are left out, never converted); what was won in the period (deals closed in a won stage); the `sales_target`s set for it; and the open deals already past their expected close (`slipping`). Only deals the reader may see count. Keys: `2027-03`, or the owner’s or team’s id (`none` for deals without one).',
        querystring: z.object({
          from: day,
          to: day,
          groupBy: z.enum(['month', 'owner', 'team']).default('month'),
          currency: z
            .string()
            .regex(/^[A-Za-z]{3}$/, 'must be a three-letter currency code')
            .transform((code) => code.toUpperCase())
            .default('PLN'),
        }),
        response: {
          200: z.object({
            currency: z.string(),
            rows: z.array(
              z.object({
                key: z.string(),
                count: z.number().int(),
                pipeline: money,
                weighted: money,
                won: money,
                target: money.nullable(),
              }),
            ),
            slipping: z.object({ count: z.number().int(), sum: money }),
          }),
        },
      },
    },
    async (request) => {
      if (request.query.from > request.query.to) throw errors.badRequest('from must not be after to');
      return forecast(ctx, actorOf(request), request.query);
    },
  );

  app.post(
    '/api/opportunities/:id/move',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'Move a deal to a stage and a place in its column (the board’s drag)',
        description:
          '`position` counts from 0 among the column’s other cards. The stage change is a write with the deal’s `version`: 409 `conflict` (with the current deal) when someone saved first, 400 when the stage’s required fields are empty or the stage is not of the deal’s scenario (nothing written). `note` is kept with the stage change.',
        params: z.object({ id: z.string().max(20) }),
        body: z.object({
          stage: z.number().int().positive(),
          position: z.number().int().min(0).max(1_000_000),
          version: z.number().int().positive(),
          note: z.string().max(500).optional(),
        }),
        response: {
          200: z.record(z.string(), z.unknown()).describe('The deal (opportunity record) after the move'),
        },
      },
    },
    async (request) => moveOpportunity(ctx, actorOf(request), checkId(request.params.id), request.body),
  );
}
