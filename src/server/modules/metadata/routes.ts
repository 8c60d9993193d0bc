import { z } from 'zod';
import { errors } from '../../errors.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';

export async function metadataRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const { registry } = services;
  app.get(
    '/api/metadata/objects',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['metadata'],
        summary: 'All objects with their fields, labels and default sort',
        response: { 200: z.object({ items: z.array(z.unknown()) }) },
      },
    },
    async () => ({ items: registry.list().map((d) => registry.describe(d.key)) }),
  );
  app.get(
    '/api/metadata/objects/:object',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['metadata'],
        summary: 'One object',
        params: z.object({ object: z.string().max(64) }),
        response: { 200: z.unknown() },
      },
    },
    async (request) => {
      const meta = registry.describe(request.params.object);
      if (!meta) throw errors.notFound(`Unknown object "${request.params.object}"`);
      return meta;
    },
  );
}
