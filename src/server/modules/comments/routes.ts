import { z } from 'zod';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { checkId } from '../../records/reader.ts';
import { versionQuerySchema, versionSchema } from '../../records/version.ts';
import { addComment, changeComment, listComments, MAX_COMMENT_LENGTH } from './store.ts';

const tags = ['comments'];
const comment = z.object({
  id: z.number(),
  body: z.string(),
  author: z.object({ id: z.number(), name: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  mine: z.boolean(),
});
const recordParams = z.object({ object: z.string().max(64), id: z.string().max(20) });

/**
 * The conversation under a record, for objects that take comments: read and joined by anyone
 * who may read the record; `@login` or `@"First Last"` mentions someone (they are told, if they
 * may read the record too); the record's followers hear of every new comment.
 */
export async function commentRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const ctx = services.records;

  app.get(
    '/api/records/:object/:id/comments',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: "A record's comments, oldest first (100 a page, `cursor` from the last page)",
        params: recordParams,
        querystring: z.object({
          cursor: z
            .string()
            .regex(/^\d{1,15}$/)
            .optional(),
        }),
        response: { 200: z.object({ items: z.array(comment), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) =>
      listComments(
        ctx,
        actorOf(request),
        request.params.object,
        checkId(request.params.id),
        request.query.cursor ? Number(request.query.cursor) : null,
      ),
  );

  app.post(
    '/api/records/:object/:id/comments',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'Comment on a record you can read',
        description:
          '404 a record you cannot read or an object without comments; 400 an empty or too long body',
        params: recordParams,
        body: z.object({ body: z.string().max(MAX_COMMENT_LENGTH * 2) }),
        response: { 201: z.object({ id: z.number() }) },
      },
    },
    async (request, reply) => {
      const id = await addComment(
        ctx,
        actorOf(request),
        request.params.object,
        checkId(request.params.id),
        request.body.body,
      );
      return reply.status(201).send({ id });
    },
  );

  app.patch(
    '/api/comments/:id',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'Change your comment (with the version you read)',
        description: '403 `not_yours`; 409 changed meanwhile',
        params: z.object({ id: z.string().max(20) }),
        body: z.object({
          body: z.string().max(MAX_COMMENT_LENGTH * 2),
          version: versionSchema,
        }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await changeComment(ctx, actorOf(request), checkId(request.params.id), request.body);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/comments/:id',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'Delete your comment',
        description: '403 `not_yours`; 409 changed meanwhile',
        params: z.object({ id: z.string().max(20) }),
        querystring: z.object({ version: versionQuerySchema }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await changeComment(ctx, actorOf(request), checkId(request.params.id), {
        delete: true,
        version: request.query.version,
      });
      return reply.status(204).send(null);
    },
  );
}
