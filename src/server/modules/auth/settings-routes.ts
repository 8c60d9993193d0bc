import { z } from 'zod';
import { isValidTimeZone } from '../../../shared/filter/relative-dates.ts';
import { LOCALES } from '../../../shared/metadata/types.ts';
import { MIN_PASSWORD_LENGTH, verifyPassword } from '../../access/passwords.ts';
import { findActiveUser, setPassword } from '../../access/users.ts';
import { AppError, errors } from '../../errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';

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
            timeZone: z
              .string()
              .max(64)
              .refine(isValidTimeZone, { message: 'must be an IANA time zone such as Europe/Warsaw' })
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
        await dialect.db.updateTable('user_account').set(changes).where('id', '=', actor.userId).execute();
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
        summary: 'Change your own password; your other sessions are ended',
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
      await setPassword(dialect.db, actor.userId, request.body.newPassword);
      let others = dialect.db.deleteFrom('session').where('user_id', '=', actor.userId);
      if (request.session) others = others.where('id', '<>', request.session.id);
      await others.execute();
      return reply.status(204).send(null);
    },
  );
}
