import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor.ts';
import type { AccessRights, Membership, RightsCache } from '../access/rights.ts';
import { logSecurityEvent } from '../access/security-log.ts';
import { findSession, SESSION_COOKIE, type SessionRow } from '../access/sessions.ts';
import { userIdForToken } from '../access/tokens.ts';
import { actorFor, findActiveUser, type UserRow } from '../access/users.ts';
import type { Dialect } from '../db/dialects/dialect.ts';
import { AppError, errors } from '../errors.ts';
import { assertCertificateOfAccount } from './client-certificate.ts';

/**
 * Every route says who may call it; a route without a policy stops the server from starting.
 * `administrator`: authenticated and holding the built-in administrator role.
 */
export type RoutePolicy = 'public' | 'authenticated' | 'administrator';

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
    /** A POST that only reads (a list query, a count): "view as" may use it like a GET. */
    reads?: boolean;
  }
  interface FastifyInstance {
    /** Every route with the policy it declared, for the route-policy snapshot and reviews. */
    routePolicies: Array<{ method: string; url: string; policy: RoutePolicy }>;
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionRow | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AuthOptions {
  dialect: Dialect;
  rights: RightsCache;
  sessionTtlMs: number;
  now: () => Date;
}

/** An administrator sends this on GET requests to see exactly what another account sees. */
export const VIEW_AS_HEADER = 'x-kartoteka-view-as';

/** Routes registered by plugins we trust, with the policy they get. */
const PLUGIN_ROUTE_POLICIES: Array<[prefix: string, policy: RoutePolicy]> = [['/api/docs', 'authenticated']];

export function registerAuthentication(app: FastifyInstance, options: AuthOptions): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  const policies: FastifyInstance['routePolicies'] = [];
  app.decorate('routePolicies', policies);

  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { policy?: RoutePolicy };
    const methods = [route.method].flat().map(String);
    if (config.policy) {
      for (const method of methods) policies.push({ method, url: route.url, policy: config.policy });
      return;
    }
    const fallback = PLUGIN_ROUTE_POLICIES.find(([prefix]) => route.url.startsWith(prefix));
    if (!fallback) throw new Error(`Route ${route.method} ${route.url} declares no access policy`);
    route.config = { ...config, policy: fallback[1] };
    for (const method of methods) policies.push({ method, url: route.url, policy: fallback[1] });
  });

  app.addHook('onRequest', async (request, reply) => {
    const policy = request.routeOptions.config.policy;
    if (policy === 'public' || !request.routeOptions.url) return;
    await authenticate(request, reply, options);
    if (policy === 'administrator') {
      const actor = request.actor;
      if (actor?.kind !== 'user' || !actor.rights.administrator) {
        throw errors.forbidden('Only administrators may do this');
      }
    }
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
    // Exactly "Bearer <token>": anything after the token is not ignored but refused.
    const match = /^bearer ([A-Za-z0-9_-]+)$/i.exec(authorization);
    const token = match?.[1];
    const userId = token ? await userIdForToken(options.dialect.db, token, now) : null;
    const user = userId === null ? null : await findActiveUser(options.dialect, { id: userId });
    if (!user) throw new AppError(401, 'invalid_token', 'The API token is invalid, expired or revoked');
    assertCertificateOfAccount(request, user);
    const rights = await rightsOf(options, user);
    assertSecondFactorIfRequired(request, user, rights);
    request.actor = await viewedAs(request, actorFor(user, rights), options);
    return;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) throw errors.unauthorized('Log in first');
  const found = await findSession(options.dialect, token, options.sessionTtlMs, now);
  if (!found) {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    throw new AppError(401, 'session_expired', 'Your session has expired; log in again');
  }
  const { session, user, membership } = found;
  if (!SAFE_METHODS.has(request.method)) checkCsrf(request, session);
  assertCertificateOfAccount(request, user);
  const rights = await rightsOf(options, user, membership);
  assertSecondFactorIfRequired(request, user, rights);
  request.session = session;
  request.actor = await viewedAs(request, actorFor(user, rights), options);
}

/** What an account whose role requires two-factor login may still reach before turning it on. */
const TOTP_SETUP_ROUTES = new Set([
  'GET /api/auth/me',
  'GET /api/auth/totp',
  'POST /api/auth/totp/setup',
  'POST /api/auth/totp/enable',
  'POST /api/auth/logout',
  'PATCH /api/auth/me',
  'POST /api/auth/password',
]);

/**
 * A role may require two-factor login. Until the account turns it on, it can only set it up
 * (and log out): every other route answers 403 `totp_setup_required`.
 */
function assertSecondFactorIfRequired(request: FastifyRequest, user: UserRow, rights: AccessRights): void {
  if ((!rights.requireTotp && !user.totpRequired) || user.totpEnabled) return;
  if (TOTP_SETUP_ROUTES.has(`${request.method} ${request.routeOptions.url}`)) return;
  throw new AppError(
    403,
    'totp_setup_required',
    'Your role requires two-factor login: set it up in your settings before going on',
  );
}

function rightsOf(options: AuthOptions, user: UserRow, membership?: Membership): Promise<AccessRights> {
  return options.rights.rightsOf(options.dialect, user.id, user.employeeId, membership);
}

/**
 * "View as": an administrator's GET request answered exactly as the named account would get
 * it. Never for writes, never for anyone but an administrator; logged by the caller's route.
 */
async function viewedAs(request: FastifyRequest, actor: Actor, options: AuthOptions): Promise<Actor> {
  const header = request.headers[VIEW_AS_HEADER];
  if (header === undefined) return actor;
  if (actor.kind !== 'user' || !actor.rights.administrator) {
    throw errors.forbidden('Only administrators may view the application as another account');
  }
  if (!SAFE_METHODS.has(request.method) && request.routeOptions.config.reads !== true) {
    throw errors.forbidden('"View as" is for reading only; send writes without the header');
  }
  // Someone's sessions, tokens and two-factor state are theirs, not part of what they see.
  const path = request.url.split('?')[0] ?? '';
  if (path.startsWith('/api/auth/') && path !== '/api/auth/me') {
    throw errors.forbidden(
      '"View as" shows records, not another account\'s sessions, tokens or sign-in settings',
    );
  }
  const id = typeof header === 'string' && /^\d{1,15}$/.test(header) ? Number(header) : Number.NaN;
  const target = Number.isSafeInteger(id) ? await findActiveUser(options.dialect, { id }) : null;
  if (!target) throw errors.badRequest(`${VIEW_AS_HEADER}: no active account with id ${String(header)}`);
  const viewed = actorFor(target, await rightsOf(options, target));
  await logSecurityEvent(options.dialect.db, {
    kind: 'view_as',
    accountId: actor.userId,
    login: actor.login,
    ip: request.ip,
    details: { viewedAccount: target.id, method: request.method, url: request.url.slice(0, 300) },
    at: options.now(),
  });
  return viewed.kind === 'user'
    ? { ...viewed, viewedBy: { userId: actor.userId, login: actor.login } }
    : viewed;
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
