import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';
import { REQUEST_ID_HEADER } from './request-id.ts';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown; requestId: string };
}

/** The request's id goes along: a user's report of an error leads to its lines in the log. */
function body(request: FastifyRequest, code: string, message: string, details?: unknown): ErrorBody {
  const requestId = request.id;
  return {
    error: details === undefined ? { code, message, requestId } : { code, message, details, requestId },
  };
}

const FASTIFY_CODES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'The request body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    415,
    'unsupported_media_type',
    'Send the request body as application/json',
  ],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'bad_request', 'The JSON request body is empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'bad_request', 'The request body is not valid JSON'],
};

/** Every error leaves the API in one shape: `{ error: { code, message, details } }`. */
export function registerErrorHandling(
  app: FastifyInstance,
  databaseUnavailable: (error: unknown) => boolean,
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.code === 'too_many_requests') {
        const seconds = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
        if (seconds) reply.header('retry-after', String(seconds));
      }
      return reply.status(error.statusCode).send(body(request, error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((issue) => ({
        field: `${error.validationContext ?? 'body'}${issue.instancePath.replaceAll('/', '.')}`,
        code: 'invalid',
        message: issue.message ?? 'is invalid',
      }));
      return reply.status(400).send(
        body(request, 'validation_failed', fields.map((f) => `${f.field}: ${f.message}`).join('; '), {
          fields,
        }),
      );
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return reply.status(known[0]).send(body(request, known[1], known[2]));
    if (error instanceof SyntaxError || (error.statusCode && error.statusCode < 500)) {
      const status = error.statusCode ?? 400;
      return reply
        .status(status)
        .send(body(request, status === 429 ? 'too_many_requests' : 'bad_request', error.message));
    }
    if (databaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', '5')
        .send(body(request, 'database_unavailable', 'The database cannot be reached; try again in a moment'));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send(body(request, 'internal_error', 'Something went wrong on the server; it has been logged'));
  });
  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send(body(request, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`));
  });
}

/**
 * Errors Fastify answers before any route runs (a malformed URL, an over-long parameter) in
 * the product's shape too. Passed as the server's `frameworkErrors` option.
 */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const message =
    error.code === 'FST_ERR_BAD_URL'
      ? 'The address is not valid: it has a malformed %-escape'
      : error.message;
  // No hook runs for these, the one that names the request included.
  void reply
    .status(error.statusCode ?? 400)
    .header(REQUEST_ID_HEADER, request.id)
    .send(body(request, 'bad_request', message));
}

/**
 * While the server shuts down, requests still arriving on open connections are told to go
 * elsewhere (503, connection closed): a load balancer retries them on another instance.
 */
export function refuseWhileClosing(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (request, reply) => {
    if (!closing) return;
    reply.header('connection', 'close').header('retry-after', '5');
    return reply
      .status(503)
      .send(body(request, 'shutting_down', 'The server is shutting down; try again in a moment'));
  });
}
