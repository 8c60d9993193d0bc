import { z } from 'zod';
import { DUPLICATE_REASONS } from '../../../shared/duplicates/types.ts';
import { withLocale } from '../../access/actor.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { findDuplicates } from './check.ts';
import { listDuplicateGroups } from './list.ts';
import { mergeRecords } from './merge.ts';
import { listMergeLog, parseLogCursor } from './merge-log.ts';
import { mergePreview } from './preview.ts';
import { undoMerge } from './undo.ts';

const record = z.record(z.string(), z.unknown());
const objectParams = z.object({ object: z.string().max(64) });
const locale = z.enum(['en', 'pl', 'hu']).optional();
const recordId = z.number().int().positive();
const idParam = z.coerce.number().int().positive();
const reason = z.object({ code: z.enum(DUPLICATE_REASONS), field: z.string() });
const version = z.number().int().positive().optional();

/** Likely duplicates while typing, the duplicates list of an object, merge and its undo. */
export async function duplicateRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const ctx = services.records;
  const tags = ['duplicates'];

  app.post(
    '/api/records/:object/duplicates',
    {
      config: { policy: 'authenticated', reads: true },
      schema: {
        tags,
        summary:
          'Likely duplicates of a record being created or edited (values.id: the record itself), best first: same tax id, e-mail or phone, same name (accents, case and legal form aside) in the same city or at the same company. Only records the reader may see; objects without duplicate rules have none.',
        params: objectParams,
        body: z.object({ values: record, locale }),
        response: {
          200: z.array(
            z.object({ id: z.number(), title: z.string(), score: z.number(), reasons: z.array(reason) }),
          ),
        },
      },
    },
    async (request) =>
      findDuplicates(
        ctx,
        withLocale(actorOf(request), request.body.locale),
        request.params.object,
        request.body.values,
      ),
  );

  app.get(
    '/api/records/:object/duplicates',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          'Groups of records that share a tax id, e-mail, phone or name (company: same city; person: same company), strongest reason first, paged by cursor. Each set of records comes once, with every reason its records share (reasons); a stronger reason grouping more records is another set',
        params: objectParams,
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(100).optional(),
          cursor: z.string().max(2000).optional(),
          locale,
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                code: z.enum(DUPLICATE_REASONS),
                field: z.string(),
                value: z.string().nullable(),
                score: z.number(),
                reasons: z
                  .array(reason.extend({ value: z.string().optional() }))
                  .describe(
                    'Every reason the records share, strongest first; code, field and value repeat the first. value: the shared value, absent for names',
                  ),
                records: z.array(z.object({ id: z.number(), title: z.string() })),
              }),
            ),
            nextCursor: z.string().nullable(),
          }),
        },
      },
    },
    async (request) =>
      listDuplicateGroups(ctx, withLocale(actorOf(request), request.query.locale), request.params.object, {
        limit: request.query.limit,
        cursor: request.query.cursor,
      }),
  );

  app.get(
    '/api/records/:object/merge-preview',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          'What merging mergeId into keepId would move: readable referencing records per object and field, new memberships',
        params: objectParams,
        querystring: z.object({ keepId: idParam, mergeId: idParam }),
        response: {
          200: z.object({
            references: z.array(z.object({ object: z.string(), field: z.string(), count: z.number() })),
            memberships: z.array(z.object({ field: z.string(), count: z.number() })),
          }),
        },
      },
    },
    async (request) =>
      mergePreview(ctx, actorOf(request), request.params.object, request.query.keepId, request.query.mergeId),
  );

  app.post(
    '/api/records/:object/merge',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          'Merge mergeId into keepId in one transaction: keepId takes values, every record pointing at mergeId is moved to keepId, mergeId goes to the trash; needs update on keepId, delete on mergeId (and <object>.merge where declared). Undo: POST /api/merges/:mergeId/undo',
        params: objectParams,
        body: z.strictObject({
          keepId: recordId,
          mergeId: recordId,
          values: record,
          keepVersion: version,
          mergeVersion: version,
        }),
        response: { 200: z.object({ record, mergeId: z.number() }) },
      },
    },
    async (request) => mergeRecords(ctx, actorOf(request), request.params.object, request.body),
  );

  app.get(
    '/api/merges',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'The merge log of an object, newest first: merges whose kept record the reader may see',
        querystring: z.object({ object: z.string().max(64), cursor: z.string().max(20).optional(), locale }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number(),
                object: z.string(),
                keptId: z.number(),
                keptTitle: z.string().nullable(),
                mergedId: z.number(),
                mergedTitle: z.string().nullable(),
                mergedAt: z.string(),
                mergedBy: z.number().nullable(),
                undoneAt: z.string().nullable(),
              }),
            ),
            nextCursor: z.string().nullable(),
          }),
        },
      },
    },
    async (request) =>
      listMergeLog(
        ctx,
        withLocale(actorOf(request), request.query.locale),
        request.query.object,
        parseLogCursor(request.query.cursor),
      ),
  );

  app.post(
    '/api/merges/:mergeId/undo',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          'Undo a merge: the merged record comes back, the kept one gets its previous values, moved records point back; 409 when a field the merge set was changed since',
        params: z.object({ mergeId: z.string().max(20) }),
        response: { 200: z.object({ record, restored: record, skipped: z.number() }) },
      },
    },
    async (request) => undoMerge(ctx, actorOf(request), request.params.mergeId),
  );
}
