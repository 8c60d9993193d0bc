import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../access/actor.ts';
import { logSecurityEvent } from '../../access/security-log.ts';
import { clearFailures, lockedFor, recordFailure, THROTTLE, throttleKeys } from '../../access/throttle.ts';
import {
  checkSecondFactor,
  disableTotp,
  generateRecoveryCodes,
  newTotpSetup,
  readTotpState,
  replaceRecoveryCodes,
  unusedRecoveryCodes,
  verifyTotpCode,
} from '../../access/totp.ts';
import { AppError, errors } from '../../errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { codeBody, totpSetupSchema, totpStatusSchema } from './schema.ts';

const tags = ['auth'];
const WRONG_CODE = () => new AppError(400, 'invalid_totp', 'The authentication code is not correct');

/**
 * Two-factor login with an authenticator app: setup shows a secret, enable proves the app has it
 * (and hands out ten recovery codes once), disable needs a current code or a recovery code.
 * Changing it needs a logged-in browser session: an API token cannot switch a person's second
 * factor off.
 */
export async function totpRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const db = services.dialect.db;

  function sessionUser(request: FastifyRequest): Extract<Actor, { kind: 'user' }> {
    const actor = actorOf(request);
    if (actor.kind !== 'user') throw errors.unauthorized();
    if (!request.session) {
      throw errors.forbidden('Two-factor login is changed from a logged-in session, not with a token');
    }
    return actor;
  }

  app.get(
    '/api/auth/totp',
    {
      config: { policy: 'authenticated' },
      schema: { tags, summary: 'Whether your two-factor login is on', response: { 200: totpStatusSchema } },
    },
    async (request) => {
      const actor = actorOf(request);
      if (actor.kind !== 'user') throw errors.unauthorized();
      const state = await readTotpState(db, actor.userId);
      return {
        enabled: state.secret !== null,
        enabledAt: state.enabledAt,
        pending: state.pendingSecret !== null,
        recoveryCodesLeft: state.secret ? await unusedRecoveryCodes(db, actor.userId) : 0,
      };
    },
  );

  app.post(
    '/api/auth/totp/setup',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          'Start two-factor login: a new secret for your authenticator app (as text, otpauth URL and QR code). Not active until /api/auth/totp/enable gets a code from it; 409 `totp_already_enabled` when it is on',
        response: { 200: totpSetupSchema },
      },
    },
    async (request) => {
      const actor = sessionUser(request);
      const state = await readTotpState(db, actor.userId);
      if (state.secret) throw new AppError(409, 'totp_already_enabled', 'Two-factor login is already on');
      const setup = await newTotpSetup(actor.login);
      await db
        .updateTable('user_account')
        .set({ totp_pending_secret: setup.secret })
        .where('id', '=', actor.userId)
        .execute();
      return setup;
    },
  );

  app.post(
    '/api/auth/totp/enable',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          'Turn two-factor login on with a current code from the app set up by /api/auth/totp/setup. Answers ten single-use recovery codes, shown only this once. 400 `invalid_totp` for a wrong code; 409 `totp_not_pending` without setup',
        body: codeBody,
        response: { 200: z.object({ recoveryCodes: z.array(z.string()) }) },
      },
    },
    async (request) => {
      const actor = sessionUser(request);
      const now = services.now();
      const state = await readTotpState(db, actor.userId);
      if (state.secret) throw new AppError(409, 'totp_already_enabled', 'Two-factor login is already on');
      if (!state.pendingSecret) {
        throw new AppError(409, 'totp_not_pending', 'Start with /api/auth/totp/setup');
      }
      const step = await verifyTotpCode(state.pendingSecret, request.body.code, now, null);
      if (step === null) throw WRONG_CODE();
      const pendingSecret = state.pendingSecret;
      const recoveryCodes = generateRecoveryCodes();
      await db.transaction().execute(async (trx) => {
        // The code that proved the setup is spent: it cannot also be used to log in.
        const switched = await trx
          .updateTable('user_account')
          .set({
            totp_secret: pendingSecret,
            totp_pending_secret: null,
            totp_enabled_at: now.toISOString(),
            totp_last_step: step,
          })
          .where('id', '=', actor.userId)
          .where('totp_pending_secret', '=', pendingSecret)
          .where('totp_secret', 'is', null)
          .executeTakeFirst();
        if (Number(switched.numUpdatedRows) !== 1) {
          throw new AppError(409, 'totp_not_pending', 'Two-factor login changed meanwhile; start again');
        }
        await replaceRecoveryCodes(trx, actor.userId, recoveryCodes, now);
        await logSecurityEvent(trx, {
          kind: 'totp_enabled',
          accountId: actor.userId,
          login: actor.login,
          ip: request.ip,
          at: now,
        });
      });
      return { recoveryCodes };
    },
  );

  app.post(
    '/api/auth/totp/disable',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          'Turn two-factor login off. `code` is a current code from the authenticator app or an unused recovery code (the password alone is not enough: a browser left logged in must not be able to remove the second factor). A wrong code answers 400 `invalid_totp` and counts as a failed login',
        body: codeBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = sessionUser(request);
      const now = services.now();
      const state = await readTotpState(db, actor.userId);
      if (!state.secret) throw new AppError(409, 'totp_not_enabled', 'Two-factor login is not on');
      // Codes guessed here are throttled like codes guessed at login.
      const keys = throttleKeys(actor.login, request.ip);
      const wait = await lockedFor(db, [keys.login, keys.address], now);
      if (wait > 0) {
        throw errors.tooManyRequests(
          `Too many failed attempts; try again in ${Math.ceil(wait / 60)} min`,
          wait,
        );
      }
      const passed = await checkSecondFactor(db, actor.userId, request.body.code, now);
      const base = { accountId: actor.userId, login: actor.login, ip: request.ip, at: now };
      if (!passed) {
        const loginLocked = await recordFailure(db, keys.login, THROTTLE.maxFailuresPerLogin, now);
        const addressLocked = await recordFailure(db, keys.address, THROTTLE.maxFailuresPerAddress, now);
        await logSecurityEvent(db, { ...base, kind: 'login_failed', details: { reason: 'totp_disable' } });
        if (loginLocked || addressLocked) {
          await logSecurityEvent(db, {
            ...base,
            kind: 'lockout',
            details: { scope: loginLocked ? 'login' : 'address' },
          });
        }
        throw WRONG_CODE();
      }
      await clearFailures(db, keys.login);
      await db.transaction().execute(async (trx) => {
        await disableTotp(trx, actor.userId);
        await logSecurityEvent(trx, { ...base, kind: 'totp_disabled', details: { with: passed } });
      });
      return reply.status(204).send(null);
    },
  );
}
