import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor.ts';
import { findSession, SESSION_COOKIE, type SessionRow } from '../access/sessions.ts';
import { userIdForToken } from '../access/tokens.ts';
import { actorFor, findActiveUser } from '../access/users.ts';
import type { Dialect } from '../db/dialects/dialect.ts';
import { AppError, errors } from '../errors.ts';

/** Every route says who may call it; a route without a policy stops the server from starting. */
export type RoutePolicy = 'public' | 'authenticated';

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionRow | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AuthOptions {
  dialect: Dialect;
  sessionTtlMs: number;
  now: () => Date;
}

/** Routes registered by plugins we trust, with the policy they get. */
const PLUGIN_ROUTE_POLICIES: Array<[prefix: string, policy: RoutePolicy]> = [['/api/docs', 'authenticated']];

export function registerAuthentication(app: FastifyInstance, options: AuthOptions): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { policy?: RoutePolicy };
    if (config.policy) return;
    const fallback = PLUGIN_ROUTE_POLICIES.find(([prefix]) => route.url.startsWith(prefix));
    if (!fallback) throw new Error(`Route ${route.method} ${route.url} declares no access policy`);
    route.config = { ...config, policy: fallback[1] };
  });

  app.addHook('onRequest', async (request, reply) => {
    const policy = request.routeOptions.config.policy;
    if (policy === 'public' || !request.routeOptions.url) return;
    await authenticate(request, reply, options);
  });
}

async function authenticate(
  request: FastifyRequest,
  reply: FastifyReply,
  options: AuthOptions,
): Promise<void> {
  const now = options.now();
  const authorization = request.headers.authorization;
  if (authorization) {
    const [scheme, token] = authorization.split(' ', 2);
    const userId =
      scheme?.toLowerCase() === 'bearer' && token
        ? await userIdForToken(options.dialect.db, token, now)
        : null;
    const user = userId === null ? null : await findActiveUser(options.dialect, { id: userId });
    if (!user) throw new AppError(401, 'invalid_token', 'The API token is invalid, expired or revoked');
    request.actor = actorFor(user);
    return;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) throw errors.unauthorized('Log in first');
  const found = await findSession(options.dialect, token, options.sessionTtlMs, now);
  if (!found) {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    throw new AppError(401, 'session_expired', 'Your session has expired; log in again');
  }
  const { session, user } = found;
  if (!SAFE_METHODS.has(request.method)) checkCsrf(request, session);
  request.session = session;
  request.actor = actorFor(user);
}

/**
 * A cookie rides along with cross-site requests, so a cookie-authenticated write must prove
 * it comes from our own page: same origin, and the session's CSRF token in a header.
 */
export function checkCsrf(request: FastifyRequest, session: SessionRow): void {
  const origin = request.headers.origin;
  if (origin) {
    if (hostOf(origin) !== hostOf(`http://${request.headers.host ?? ''}`)) {
      throw new AppError(403, 'cross_site_request', 'Cross-site requests are not allowed');
    }
  }
  if (request.headers['x-csrf-token'] !== session.csrfToken) {
    throw new AppError(403, 'csrf_token_invalid', 'Missing or wrong X-CSRF-Token header');
  }
}

/** host[:port] as URL normalises it (default ports dropped), or '' when unparsable. */
function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.port && !['80', '443'].includes(parsed.port) ? parsed.host : parsed.hostname;
  } catch {
    return '';
  }
}

/** The actor of an authenticated route; a route that needs one but has none is a bug. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw errors.unauthorized();
  return request.actor;
}
