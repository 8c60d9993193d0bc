import { z } from 'zod';
import { withLocale } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import { errors } from '../../errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { readHistory } from '../../records/history.ts';
import { createDefaultValues } from '../../records/new-record.ts';
import { checkId, getRecord, listRecords, loadRowInScope, objectOrThrow } from '../../records/reader.ts';
import { versionQuerySchema } from '../../records/version.ts';
import { createRecord, deleteRecord, restoreRecord, updateRecord } from '../../records/writer.ts';

const record = z.record(z.string(), z.unknown());
const listResponse = z.object({ items: z.array(record), nextCursor: z.string().nullable() });
const objectParams = z.object({ object: z.string().max(64) });
const recordParams = z.object({ object: z.string().max(64), id: z.string().max(20) });
const locale = z.enum(['en', 'pl', 'hu']).optional();
const list = z.string().max(2000).optional();

/** `sort=name,-city` → [{field:'name',direction:'asc'},{field:'city',direction:'desc'}] */
function parseSortParam(sort: string | undefined) {
  if (!sort) return undefined;
  return sort
    .split(',')
    .map((part) =>
      part.startsWith('-')
        ? { field: part.slice(1), direction: 'desc' as const }
        : { field: part, direction: 'asc' as const },
    );
}

export async function recordRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const ctx = services.records;
  const tags = ['records'];

  app.get(
    '/api/records/:object',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'List records: sort=name,-city, limit, cursor, q (quick search), fields, expand',
        params: objectParams,
        querystring: z.object({
          sort: list,
          limit: z.coerce.number().int().optional(),
          cursor: z.string().max(4000).optional(),
          q: z.string().max(200).optional(),
          fields: list,
          expand: list,
          deleted: z.enum(['exclude', 'only']).optional(),
          locale,
        }),
        response: { 200: listResponse },
      },
    },
    async (request) => {
      const { query } = request;
      return listRecords(ctx, withLocale(actorOf(request), query.locale), request.params.object, {
        sort: parseSortParam(query.sort),
        limit: query.limit,
        cursor: query.cursor,
        q: query.q,
        fields: query.fields,
        expand: query.expand,
        deleted: query.deleted,
      });
    },
  );

  app.post(
    '/api/records/:object/query',
    {
      config: { policy: 'authenticated', reads: true },
      schema: {
        tags,
        summary:
          'Query records with a filter tree {and|or|not|field/op/value}, multi-key sort and projection',
        params: objectParams,
        body: z.object({
          filter: z.unknown().optional(),
          sort: z.unknown().optional(),
          fields: z.array(z.string()).max(200).optional(),
          expand: z.array(z.string()).max(50).optional(),
          limit: z.number().optional(),
          cursor: z.string().max(4000).nullable().optional(),
          q: z.string().max(200).optional(),
          deleted: z.enum(['exclude', 'only']).optional(),
          locale,
        }),
        response: { 200: listResponse },
      },
    },
    async (request) => {
      const { body } = request;
      return listRecords(ctx, withLocale(actorOf(request), body.locale), request.params.object, body);
    },
  );

  app.get(
    '/api/records/:object/defaults',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          'The values a new record takes for fields left out (today in the writer’s zone, dictionary defaults…), for a create form to show',
        params: objectParams,
        response: { 200: z.object({ values: record }) },
      },
    },
    async (request) => ({
      values: await createDefaultValues(ctx, actorOf(request), request.params.object),
    }),
  );

  app.post(
    '/api/records/:object',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'Create a record',
        params: objectParams,
        body: record,
        response: { 201: record },
      },
    },
    async (request, reply) => {
      const created = await createRecord(ctx, actorOf(request), request.params.object, request.body);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/records/:object/:id',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'Read one record',
        params: recordParams,
        querystring: z.object({ fields: list, expand: list, locale }),
        response: { 200: record },
      },
    },
    async (request) =>
      getRecord(
        ctx,
        withLocale(actorOf(request), request.query.locale),
        request.params.object,
        request.params.id,
        {
          fields: request.query.fields,
          expand: request.query.expand,
        },
      ),
  );

  app.patch(
    '/api/records/:object/:id',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          'Change fields of a record; `version` must be the version you read (409 with the current record if not)',
        params: recordParams,
        body: record,
        response: { 200: record },
      },
    },
    async (request) =>
      updateRecord(ctx, actorOf(request), request.params.object, request.params.id, request.body),
  );

  app.delete(
    '/api/records/:object/:id',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'Move a record to the trash',
        params: recordParams,
        querystring: z.object({ version: versionQuerySchema.optional() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteRecord(
        ctx,
        actorOf(request),
        request.params.object,
        request.params.id,
        request.query.version,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/records/:object/:id/restore',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'Bring a record back from the trash',
        params: recordParams,
        response: { 200: record },
      },
    },
    async (request) => restoreRecord(ctx, actorOf(request), request.params.object, request.params.id),
  );

  app.get(
    '/api/records/:object/:id/history',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'Field-level change history of a record, newest first',
        params: recordParams,
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          before: z.coerce.number().int().positive().optional(),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number(),
                action: z.enum(['create', 'update', 'delete', 'restore', 'merge', 'unmerge', 'anonymise']),
                field: z.string().nullable(),
                oldValue: z.unknown(),
                newValue: z.unknown(),
                changedAt: z.string(),
                changedBy: z.number().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const definition = objectOrThrow(ctx, request.params.object);
      const id = checkId(request.params.id);
      const grant = authorize(ctx.registry, actor, definition.key, 'read');
      // One check for "missing" and "not yours": both are 404.
      if (!(await loadRowInScope(ctx.dialect.db, definition, grant, id))) {
        throw errors.notFound(`${definition.key} ${id} does not exist`);
      }
      const items = await readHistory(
        ctx.dialect.db,
        definition.key,
        id,
        request.query.limit,
        request.query.before ?? null,
        grant.hiddenFields,
      );
      return { items };
    },
  );
}
