import { z } from 'zod';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { versionQuerySchema } from '../../records/version.ts';
import {
  createViewBody,
  savedViewListOutput,
  savedViewOutput,
  setDefaultBody,
  updateViewBody,
  viewParams,
} from './schema.ts';
import {
  createView,
  deleteView,
  listViews,
  setDefaultView,
  updateView,
  type ViewsContext,
} from './service.ts';

/** Saved views of the generic list: `/api/views`. */
export async function viewRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const ctx: ViewsContext = { dialect: services.dialect, registry: services.registry, now: services.now };
  const tags = ['views'];

  app.get(
    '/api/views',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: "The saved views of an object the user can see (own and shared), and the user's default",
        querystring: z.object({ object: z.string().min(1).max(64) }),
        response: { 200: savedViewListOutput },
      },
    },
    async (request) => listViews(ctx, actorOf(request), request.query.object),
  );

  app.post(
    '/api/views',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          'Save a view {object, name, shared, isDefault, definition: {columns, filter, sort, colourRules}}',
        body: createViewBody,
        response: { 201: savedViewOutput },
      },
    },
    async (request, reply) => reply.status(201).send(await createView(ctx, actorOf(request), request.body)),
  );

  app.patch(
    '/api/views/:id',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          'Rename, share or change an own view; `version` must be the version you read (409 with the current view if not)',
        params: viewParams,
        body: updateViewBody,
        response: { 200: savedViewOutput },
      },
    },
    async (request) => updateView(ctx, actorOf(request), Number(request.params.id), request.body),
  );

  app.delete(
    '/api/views/:id',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'Delete an own view for good; `version`, when given, must be current',
        params: viewParams,
        querystring: z.object({ version: versionQuerySchema.optional() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteView(ctx, actorOf(request), Number(request.params.id), request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/views/default',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: "Choose the user's default view of an object (viewId null: the plain list)",
        body: setDefaultBody,
        response: { 200: savedViewListOutput },
      },
    },
    async (request) => setDefaultView(ctx, actorOf(request), request.body),
  );
}
