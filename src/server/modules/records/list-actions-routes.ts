import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { BulkRun } from '../../../shared/records/bulk-runs.ts';
import { type Actor, actorUserId, withLocale } from '../../access/actor.ts';
import { restrictedRights } from '../../access/policy.ts';
import { logSecurityEvent } from '../../access/security-log.ts';
import { errors } from '../../errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import {
  BULK_BATCH_SIZE,
  IMMEDIATE_BULK_RECORDS,
  MAX_SELECTED_IDS,
  runBulkAction,
} from '../../records/bulk.ts';
import { finishBulkRun, loadBulkRun } from '../../records/bulk-runs.ts';
import { countRecords } from '../../records/count.ts';
import { type ExportRequest, MAX_EXPORT_IDS, startExport } from '../../records/export/export.ts';
import { startBulkRun } from './bulk-jobs.ts';
import { bulkRunSchema } from './bulk-run-schema.ts';

const objectParams = z.object({ object: z.string().max(64) });
const locale = z.enum(['en', 'pl', 'hu']).optional();
const recordIds = z.array(z.number().int().positive());
const fieldKey = z.string().min(1).max(64);

const bulkSelection = z.union([
  z.strictObject({ ids: recordIds.max(MAX_SELECTED_IDS) }),
  z.strictObject({
    filter: z.unknown().optional(),
    q: z.string().max(200).optional(),
    exceptIds: recordIds.max(10_000).optional(),
  }),
]);
const groupId = z.number().int().positive();
const bulkAction = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('update'), field: fieldKey, value: z.unknown() }),
  z.strictObject({ type: z.literal('addToGroup'), field: fieldKey, groupId }),
  z.strictObject({ type: z.literal('removeFromGroup'), field: fieldKey, groupId }),
  z.strictObject({ type: z.literal('delete') }),
  z.strictObject({ type: z.literal('restore') }),
]);

const exportFormat = z.enum(['csv', 'xlsx', 'vcf']);
const idList = z.string().regex(/^\d{1,15}(,\d{1,15})*$/, 'must be record ids separated by commas');
const commaList = z.string().max(4000);

/** `sort=name,-city` → [{field:'name',direction:'asc'},{field:'city',direction:'desc'}], as in the list. */
function sortFromParam(sort: string | undefined) {
  if (!sort) return undefined;
  return sort.split(',').map((part) => ({
    field: part.replace(/^-/, ''),
    direction: part.startsWith('-') ? ('desc' as const) : ('asc' as const),
  }));
}

function filterFromParam(filter: string | undefined): unknown {
  if (filter === undefined || filter === '') return undefined;
  try {
    return JSON.parse(filter) as unknown;
  } catch {
    throw errors.badRequest('filter must be a filter tree in JSON', { path: 'filter' });
  }
}

/** Count, bulk actions and export over the whole of a list, not only the rows the browser loaded. */
export async function listActionRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const ctx = services.records;
  const tags = ['records'];

  app.post(
    '/api/records/:object/count',
    {
      config: { policy: 'authenticated', reads: true },
      schema: {
        tags,
        summary:
          'Count the records of a list: exact up to 10,000; above that {count: 10000, exact: false} ("10,000+") with a filter or q, else the table estimate (≈)',
        params: objectParams,
        body: z.object({
          filter: z.unknown().optional(),
          q: z.string().max(200).optional(),
          deleted: z.enum(['exclude', 'only']).optional(),
        }),
        response: { 200: z.object({ count: z.number().int(), exact: z.boolean() }) },
      },
    },
    async (request) => countRecords(ctx, actorOf(request), request.params.object, request.body),
  );

  app.post(
    '/api/records/:object/bulk',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          'Apply one action (update a field, add to / remove from a group, delete, restore from the trash) to selected records',
        description: `Up to ${IMMEDIATE_BULK_RECORDS} records: done at once, all or nothing (200); the answer's undo lists the requests that take it back (with versions: 409 if a record changed since). More records, or \`background: true\`: 202 with a run done in the background in batches of ${BULK_BATCH_SIZE}, each all or nothing (a refused batch is reported on the run and the others go on); follow it with GET /api/bulk-runs/:id. dryRun returns the count only (exact: false when estimated).`,
        params: objectParams,
        body: z.object({
          selection: bulkSelection,
          action: bulkAction,
          dryRun: z.boolean().optional(),
          background: z.boolean().optional(),
          // Each selected record's expected version (an undo's): 409 and nothing written if one changed.
          versions: z.record(z.string().regex(/^\d{1,15}$/), z.number().int().nonnegative()).optional(),
        }),
        response: {
          200: z.object({
            count: z.number().int(),
            exact: z.boolean().optional(),
            updated: z.number().int().optional(),
            // The requests that take the action back, each to be sent as a body of this route.
            undo: z
              .array(
                z.object({
                  action: bulkAction,
                  ids: recordIds,
                  versions: z.record(z.string(), z.number().int()),
                }),
              )
              .optional(),
          }),
          202: z.object({ count: z.number().int(), exact: z.boolean(), run: bulkRunSchema }),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const outcome = await runBulkAction(ctx, actor, request.params.object, request.body);
      if (!('background' in outcome)) return outcome;
      const run = await startBulkRun(
        services,
        actor,
        request.params.object,
        request.body,
        outcome.background,
      );
      return reply.status(202).send({ ...outcome.background, run });
    },
  );

  app.get(
    '/api/bulk-runs/:id',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          'A bulk action running in the background: its progress, and the batches refused with their reasons',
        description: 'Only the account that started it, or an administrator, sees a run (404 for others).',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: bulkRunSchema },
      },
    },
    async (request) => visibleRun(actorOf(request), request.params.id),
  );

  app.post(
    '/api/bulk-runs/:id/cancel',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          'Stop a bulk action running in the background: the batch in hand finishes, no further one starts',
        description:
          'The batches done stay done (their records are changed, with history). 409 when the run has already ended; 404 as for GET.',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: bulkRunSchema },
      },
    },
    async (request) => {
      const run = await visibleRun(actorOf(request), request.params.id);
      if (!(await finishBulkRun(ctx.dialect.db, run.id, { status: 'cancelled', now: ctx.now() }))) {
        throw errors.conflict(`Bulk run ${run.id} has already ended (${run.status})`);
      }
      return (await loadBulkRun(ctx.dialect.db, run.id)) ?? run;
    },
  );

  /** A run as its author or an administrator sees it; 404 for anyone else, as for a run that is not there. */
  async function visibleRun(actor: Actor, id: number): Promise<BulkRun> {
    const run = await loadBulkRun(ctx.dialect.db, id);
    const mine = run !== null && run.requestedBy === actorUserId(actor);
    if (!run || !(mine || restrictedRights(actor) === null))
      throw errors.notFound(`Bulk run ${id} does not exist`);
    return run;
  }

  const sendExport = async (
    actor: Actor,
    object: string,
    exportRequest: ExportRequest,
    reply: FastifyReply,
  ) => {
    const file = await startExport(ctx, actor, object, exportRequest);
    // Who took which data out of the CRM is a question the security log must answer.
    await logSecurityEvent(ctx.dialect.db, {
      kind: 'export',
      accountId: actorUserId(actor),
      login: actor.kind === 'user' ? actor.login : null,
      ip: reply.request.ip,
      details: {
        object,
        format: exportRequest.format,
        fields: file.fields,
        allFields: exportRequest.allFields === true,
        ids: exportRequest.ids?.length ?? null,
        filtered: exportRequest.filter !== undefined || exportRequest.q !== undefined,
      },
      at: ctx.now(),
    });
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'no-store')
      .send(file.body);
  };
  // The file in the type it is sent as (the OpenAPI document names each), never JSON.
  const fileResponse = {
    200: {
      description: 'The file, as an attachment',
      content: {
        'text/csv': {
          schema: z
            .string()
            .describe('UTF-8 with BOM; `;` and decimal commas for a pl or hu reader, `,` for en'),
        },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
          schema: z.string().describe('XLSX: typed cells, frozen header with filters'),
        },
        'text/vcard': { schema: z.string().describe('vCard 3.0, people only') },
      },
    },
  };
  const fieldsDescription =
    'The columns, in this order (the list’s visible columns); leave out when allFields is true';
  const allFieldsDescription =
    'Every field of the object the caller may export, in declaration order, instead of fields (hidden fields, id, version and deleted_at are left out)';

  app.post(
    '/api/records/:object/export',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          'Download every record of a list as CSV or XLSX (header = field labels, references as titles), or people as vCard (vcf); streamed. Columns: `fields`, or `allFields: true`',
        params: objectParams,
        // Strict: a selection key this route did not know would otherwise widen the export silently.
        body: z.strictObject({
          format: exportFormat,
          fields: z.array(fieldKey).min(1).max(200).optional().describe(fieldsDescription),
          allFields: z.boolean().optional().describe(allFieldsDescription),
          filter: z.unknown().optional(),
          q: z.string().max(200).optional(),
          sort: z.unknown().optional(),
          ids: recordIds.min(1).max(MAX_EXPORT_IDS).optional(),
          exceptIds: recordIds.max(MAX_EXPORT_IDS).optional(),
          locale,
        }),
        response: fileResponse,
      },
    },
    async (request, reply) => {
      const { locale: requested, ...exportRequest } = request.body;
      return sendExport(withLocale(actorOf(request), requested), request.params.object, exportRequest, reply);
    },
  );

  app.get(
    '/api/records/:object/export',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          'The same download as a link: ?format=csv&fields=name,city (or allFields=true)&sort=-name&q=…&filter=<JSON>&ids=1,2&exceptIds=3&locale=pl',
        params: objectParams,
        querystring: z.object({
          format: exportFormat,
          fields: commaList.optional().describe(fieldsDescription),
          allFields: z.enum(['true', 'false']).optional().describe(allFieldsDescription),
          filter: z.string().max(20_000).optional(),
          q: z.string().max(200).optional(),
          sort: commaList.optional(),
          ids: idList.optional(),
          exceptIds: idList.optional(),
          locale,
        }),
        response: fileResponse,
      },
    },
    async (request, reply) => {
      const { query } = request;
      const exportRequest: ExportRequest = {
        format: query.format,
        fields: query.fields?.split(',').filter(Boolean),
        allFields: query.allFields === 'true',
        filter: filterFromParam(query.filter),
        q: query.q,
        sort: sortFromParam(query.sort),
        ids: query.ids?.split(',').map(Number),
        exceptIds: query.exceptIds?.split(',').map(Number),
      };
      return sendExport(
        withLocale(actorOf(request), query.locale),
        request.params.object,
        exportRequest,
        reply,
      );
    },
  );
}
