import { z } from 'zod';
import { errors } from '../../errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { visibleLookup } from '../../records/visible.ts';

/** Metadata as the reader sees it: objects they cannot read and fields hidden from them are absent. */
export async function metadataRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const { registry } = services;
  app.get(
    '/api/metadata/objects',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['metadata'],
        summary: 'The objects the caller may read, with the fields they may see, labels and default sort',
        response: { 200: z.object({ items: z.array(z.unknown()) }) },
      },
    },
    async (request) => {
      const lookup = visibleLookup(registry, actorOf(request));
      return { items: registry.list().flatMap((d) => lookup(d.key) ?? []) };
    },
  );
  app.get(
    '/api/metadata/objects/:object',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['metadata'],
        summary: 'One object, as the caller may see it (404 when they may not read it)',
        params: z.object({ object: z.string().max(64) }),
        response: { 200: z.unknown() },
      },
    },
    async (request) => {
      const meta = visibleLookup(registry, actorOf(request))(request.params.object);
      if (!meta) throw errors.notFound(`Unknown object "${request.params.object}"`);
      return meta;
    },
  );
}
