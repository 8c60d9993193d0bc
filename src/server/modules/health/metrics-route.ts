import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { errors } from '../../errors.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * A scraper on this machine, talking to us directly. A request a reverse proxy passes on also
 * comes from loopback, but carries its forwarding headers: that one is from outside.
 */
function fromThisMachine(request: FastifyRequest): boolean {
  const forwarded =
    request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
  return !forwarded && LOOPBACK.has(request.socket.remoteAddress ?? '');
}

function bearerMatches(request: FastifyRequest, token: string | undefined): boolean {
  const header = request.headers.authorization;
  if (!token || !header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * `GET /metrics` in Prometheus' text format: request latency by route and status, database
 * connections, the job queue, event-loop lag, live streams. Not for users: a metrics token
 * (KARTOTEKA_METRICS_TOKEN, as a bearer token) or a scraper on this machine.
 */
export function metricsRoute(app: AppInstance, services: AppServices): void {
  app.get(
    '/metrics',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['system'],
        summary:
          'Prometheus metrics (text exposition format). Allowed with `Authorization: Bearer <KARTOTEKA_METRICS_TOKEN>` or from this machine directly; 403 otherwise',
        produces: ['text/plain'],
      },
    },
    async (request, reply) => {
      if (!bearerMatches(request, services.config.metricsToken) && !fromThisMachine(request))
        throw errors.forbidden('Metrics are served to a scraper with the metrics token or on this machine');
      const text = await services.metrics.text();
      return reply.header('content-type', services.metrics.contentType).send(text);
    },
  );
}
