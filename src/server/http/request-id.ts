import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What a proxy's id may look like to be kept: short, and nothing that could forge a log line. */
const FORWARDED_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * A request's id: the one a reverse proxy sent (so its log and ours join up), else a new one.
 * Fastify puts it on every log line of the request (`reqId`).
 */
export function requestIdOf(request: IncomingMessage): string {
  const forwarded = request.headers[REQUEST_ID_HEADER];
  return typeof forwarded === 'string' && FORWARDED_ID.test(forwarded) ? forwarded : randomUUID();
}

/** Every response names its request, so a user's report of an error finds its log lines. */
export function registerRequestIdHeader(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
}
