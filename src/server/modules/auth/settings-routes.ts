import { z } from 'zod';
import { TIME_ZONE_PROBLEM, timeZoneName } from '../../../shared/field-types/time-zone.ts';
import { LOCALES } from '../../../shared/metadata/types.ts';
import { systemActor } from '../../access/actor.ts';
import { passwordPolicyIssue } from '../../access/password-policy.ts';
import { MIN_PASSWORD_LENGTH, verifyPassword } from '../../access/passwords.ts';
import { logSecurityEvent } from '../../access/security-log.ts';
import { endOtherSessions } from '../../access/sessions.ts';
import { revokeAllTokens } from '../../access/tokens.ts';
import { findActiveUser, setPassword } from '../../access/users.ts';
import { AppError, errors } from '../../errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { getRecord } from '../../records/reader.ts';
import { updateRecord } from '../../records/writer.ts';

/** Personal settings every user may change for themselves: language, time zone, password. */
export async function settingsRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const { dialect } = services;

  app.patch(
    '/api/auth/me',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Change your own language and time zone',
        body: z
          .object({
            locale: z.enum(LOCALES).optional(),
            // The same check as the account's time_zone field, which the change is written to.
            timeZone: z
              .string()
              .max(64)
              .refine((zone) => timeZoneName(zone) !== null, { message: TIME_ZONE_PROBLEM })
              .optional(),
          })
          .strict(),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.kind !== 'user') throw errors.unauthorized();
      const changes: Record<string, string> = {};
      if (request.body.locale) changes.locale = request.body.locale;
      if (request.body.timeZone) changes.time_zone = request.body.timeZone;
      if (Object.keys(changes).length > 0) {
        // Through the records engine (version, history, event), as the system acting for the
        // user: accounts are otherwise written by administrators only. A concurrent change of
        // the account by an administrator is simply retried with the version read again.
        const self = systemActor('personal-settings', actor.userId);
        for (let attempt = 0; ; attempt += 1) {
          const current = await getRecord(services.records, self, 'user_account', actor.userId);
          try {
            await updateRecord(services.records, self, 'user_account', actor.userId, {
              ...changes,
              version: current.version,
            });
            break;
          } catch (error) {
            if (!(error instanceof AppError && error.statusCode === 409) || attempt >= 2) throw error;
          }
        }
      }
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password; your other sessions are ended and your API tokens revoked',
        description:
          'The new password must be at least 12 characters long, not one of the most common passwords, not contain the login, and not be easy to guess (zxcvbn score 3 or more). A refused one answers 400 `validation_failed` with `details.fields[0].code` one of `password_too_short`, `password_common`, `password_contains_login`, `password_too_weak`.',
        body: z.object({
          currentPassword: z.string().min(1).max(200),
          newPassword: z
            .string()
            .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters long`)
            .max(200),
        }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.kind !== 'user') throw errors.unauthorized();
      const user = await findActiveUser(dialect, { id: actor.userId });
      if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, request.body.currentPassword))) {
        throw new AppError(400, 'invalid_current_password', 'The current password is not correct');
      }
      const issue = passwordPolicyIssue(request.body.newPassword, { login: user.login });
      if (issue) throw errors.validation([{ field: 'body.newPassword', ...issue }]);
      const now = services.now();
      await setPassword(dialect.db, actor.userId, request.body.newPassword);
      // Whoever learnt the old password may have logged in or made a token with it: both stop now.
      const sessionsEnded = await endOtherSessions(dialect.db, actor.userId, request.session?.id ?? null);
      const tokensRevoked = await revokeAllTokens(dialect.db, actor.userId, now);
      const base = { accountId: actor.userId, login: actor.login, ip: request.ip, at: now };
      await logSecurityEvent(dialect.db, {
        ...base,
        kind: 'password_changed',
        details: { sessionsEnded, tokensRevoked },
      });
      if (sessionsEnded > 0) {
        await logSecurityEvent(dialect.db, {
          ...base,
          kind: 'session_ended',
          details: { reason: 'password_changed', count: sessionsEnded },
        });
      }
      if (tokensRevoked > 0) {
        await logSecurityEvent(dialect.db, {
          ...base,
          kind: 'token_revoked',
          details: { reason: 'password_changed', count: tokensRevoked },
        });
      }
      return reply.status(204).send(null);
    },
  );
}
