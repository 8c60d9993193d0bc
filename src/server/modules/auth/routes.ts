import { z } from 'zod';
import { spendVerifyTime, verifyPassword } from '../../access/passwords.ts';
import { createSession, destroySession, SESSION_COOKIE } from '../../access/sessions.ts';
import { clearFailures, lockedFor, recordFailure, THROTTLE, throttleKeys } from '../../access/throttle.ts';
import { createApiToken } from '../../access/tokens.ts';
import { actorFor, findActiveUser } from '../../access/users.ts';
import { AppError, errors } from '../../errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { settingsRoutes } from './settings-routes.ts';

const meSchema = z.object({
  id: z.number(),
  login: z.string(),
  role: z.string(),
  locale: z.enum(['en', 'pl', 'hu']),
  preferredLocale: z.enum(['en', 'pl', 'hu']).nullable(),
  timeZone: z.string(),
});

const INVALID = () => new AppError(401, 'invalid_credentials', 'Invalid login or password');

export async function authRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const { dialect } = services;

  app.post(
    '/api/auth/login',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Log in with login and password; sets the session cookie',
        body: z.object({ login: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
        response: { 200: z.object({ user: meSchema, csrfToken: z.string(), expiresAt: z.string() }) },
      },
    },
    async (request, reply) => {
      const now = services.now();
      const keys = throttleKeys(request.body.login, request.ip);
      const wait = await lockedFor(dialect.db, [keys.login, keys.address], now);
      if (wait > 0) {
        throw errors.tooManyRequests(
          `Too many failed attempts; try again in ${Math.ceil(wait / 60)} min`,
          wait,
        );
      }
      const user = await findActiveUser(dialect, { login: request.body.login });
      let valid = false;
      if (user?.passwordHash) valid = await verifyPassword(user.passwordHash, request.body.password);
      else await spendVerifyTime(request.body.password);
      if (!user || !valid) {
        await recordFailure(dialect.db, keys.login, THROTTLE.maxFailuresPerLogin, now);
        await recordFailure(dialect.db, keys.address, THROTTLE.maxFailuresPerAddress, now);
        throw INVALID();
      }
      await clearFailures(dialect.db, keys.login);
      // A new session id at every login: a planted cookie can never become a logged-in session.
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await destroySession(dialect.db, previous);
      const session = await createSession(
        dialect.db,
        user.id,
        services.config.sessionTtlMs,
        { ip: request.ip, userAgent: request.headers['user-agent'] },
        now,
      );
      await dialect.db
        .updateTable('user_account')
        .set({ last_login_at: now.toISOString() })
        .where('id', '=', user.id)
        .execute();
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        expires: new Date(Date.now() + services.config.sessionTtlMs * 7),
      });
      const actor = actorFor(user);
      return {
        user: {
          id: user.id,
          login: user.login,
          role: user.role,
          locale: actor.locale,
          preferredLocale: user.preferredLocale,
          timeZone: actor.timeZone,
        },
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
      };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { policy: 'authenticated' },
      schema: { tags: ['auth'], summary: 'End the session', response: { 204: z.null() } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await destroySession(dialect.db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'The logged-in user, and the CSRF token for cookie-authenticated writes',
        response: { 200: z.object({ user: meSchema, csrfToken: z.string().nullable() }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (actor.kind !== 'user') throw errors.unauthorized();
      return {
        user: {
          id: actor.userId,
          login: actor.login,
          role: actor.role,
          locale: actor.locale,
          preferredLocale: actor.preferredLocale,
          timeZone: actor.timeZone,
        },
        csrfToken: request.session?.csrfToken ?? null,
      };
    },
  );

  app.post(
    '/api/auth/tokens',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Create an API token for integrations (shown once); use it as Authorization: Bearer …',
        body: z.object({
          name: z.string().trim().min(1).max(100),
          expiresInDays: z.number().int().min(1).max(3650).optional(),
        }),
        response: {
          201: z.object({
            id: z.number(),
            name: z.string(),
            token: z.string(),
            expiresAt: z.string().nullable(),
            createdAt: z.string(),
          }),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.kind !== 'user') throw errors.unauthorized();
      // A leaked token must not be able to mint more of itself: tokens come from a logged-in person.
      if (!request.session)
        throw errors.forbidden('API tokens are created from a logged-in session, not with a token');
      const now = services.now();
      const expiresAt = request.body.expiresInDays
        ? new Date(now.getTime() + request.body.expiresInDays * 86_400_000).toISOString()
        : null;
      const created = await createApiToken(dialect.db, actor.userId, request.body.name, expiresAt, now);
      return reply.status(201).send(created);
    },
  );

  await settingsRoutes(app, services);
}
