import { z } from 'zod';
import { logSecurityEvent } from '../../access/security-log.ts';
import { destroySession, hashToken, SESSION_COOKIE } from '../../access/sessions.ts';
import { errors } from '../../errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { accessRoutes } from './access-routes.ts';
import { loginRoute } from './login-route.ts';
import { meSchema } from './schema.ts';
import { settingsRoutes } from './settings-routes.ts';
import { totpRoutes } from './totp-routes.ts';

export async function authRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const { dialect } = services;

  await loginRoute(app, services);

  app.post(
    '/api/auth/logout',
    {
      config: { policy: 'authenticated' },
      schema: { tags: ['auth'], summary: 'End the session', response: { 204: z.null() } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        await destroySession(dialect.db, token);
        if (request.session?.id === hashToken(token)) {
          await logSecurityEvent(dialect.db, {
            kind: 'session_ended',
            accountId: request.session.userId,
            login: request.actor?.kind === 'user' ? request.actor.login : null,
            ip: request.ip,
            details: { session: request.session.publicId, reason: 'logout' },
            at: services.now(),
          });
        }
      }
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
          locale: actor.locale,
          preferredLocale: actor.preferredLocale,
          totpSetupRequired: actor.totpRequired && !actor.totpEnabled,
          ...(actor.viewedBy ? { viewedBy: { id: actor.viewedBy.userId, login: actor.viewedBy.login } } : {}),
          timeZone: actor.timeZone,
          employeeId: actor.employeeId,
        },
        csrfToken: request.session?.csrfToken ?? null,
      };
    },
  );

  await accessRoutes(app, services);
  await totpRoutes(app, services);
  await settingsRoutes(app, services);
}
