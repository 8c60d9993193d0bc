import { z } from 'zod';
import { actorUserId } from '../../access/actor.ts';
import { restrictedRights } from '../../access/policy.ts';
import { errors } from '../../errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { savedMapping, savedMappingBody } from './schemas.ts';

function mappingOf(row: Record<string, unknown>): z.infer<typeof savedMapping> {
  return {
    id: Number(row.id),
    name: String(row.name),
    object: String(row.object),
    mapping: JSON.parse(String(row.mapping)) as Record<string, string | null>,
    updatedAt: String(row.updated_at),
  };
}

/**
 * Saved column mappings ("Outlook contacts", "Our Excel template"), shared by everyone who
 * imports: a mapping names columns and fields, no data. Saving under an existing name replaces
 * it; only its author or an administrator may replace or delete it.
 */
export async function mappingRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const db = services.dialect.db;
  const tags = ['imports'];

  app.get(
    '/api/import-mappings',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'Saved column mappings, by name',
        querystring: z.object({ object: z.string().max(64).optional() }),
        response: { 200: z.object({ items: z.array(savedMapping) }) },
      },
    },
    async (request) => {
      let query = db.selectFrom('import_mapping').selectAll().orderBy('name').limit(500);
      if (request.query.object) query = query.where('object', '=', request.query.object);
      return { items: (await query.execute()).map(mappingOf) };
    },
  );

  app.post(
    '/api/import-mappings',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'Save a column mapping under a name (replacing one of the same name and object)',
        body: savedMappingBody,
        response: { 201: savedMapping },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { name, object, mapping } = request.body;
      if (!services.registry.get(object)) throw errors.badRequest(`Unknown object "${object}"`);
      const at = services.now().toISOString();
      const existing = await db
        .selectFrom('import_mapping')
        .selectAll()
        .where('object', '=', object)
        .where('name', '=', name)
        .executeTakeFirst();
      if (existing && restrictedRights(actor) && Number(existing.created_by) !== actorUserId(actor)) {
        throw errors.forbidden('Someone else saved a mapping under this name: choose another name');
      }
      const row = existing
        ? await db
            .updateTable('import_mapping')
            .set({ mapping: JSON.stringify(mapping), updated_at: at })
            .where('id', '=', existing.id as number)
            .returningAll()
            .executeTakeFirstOrThrow()
        : await db
            .insertInto('import_mapping')
            .values({
              name,
              object,
              mapping: JSON.stringify(mapping),
              created_at: at,
              created_by: actorUserId(actor),
              updated_at: at,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
      return reply.status(201).send(mappingOf(row));
    },
  );

  app.delete(
    '/api/import-mappings/:id',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'Delete a saved column mapping',
        params: z.object({ id: z.string().regex(/^\d{1,15}$/) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const existing = await db
        .selectFrom('import_mapping')
        .selectAll()
        .where('id', '=', Number(request.params.id))
        .executeTakeFirst();
      if (!existing) throw errors.notFound(`Mapping ${request.params.id} does not exist`);
      if (restrictedRights(actor) && Number(existing.created_by) !== actorUserId(actor)) {
        throw errors.forbidden('Only who saved a mapping, or an administrator, may delete it');
      }
      await db.deleteFrom('import_mapping').where('id', '=', Number(request.params.id)).execute();
      return reply.status(204).send(null);
    },
  );
}
