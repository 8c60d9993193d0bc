import type { FastifyInstance } from 'fastify';
import type { Metrics } from './metrics.ts';

/**
 * Every answered request is timed under its route pattern (`/api/records/:object/:id`, never the
 * concrete address, which would make a series per record); unmatched addresses share one.
 */
export function registerRequestMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
}
