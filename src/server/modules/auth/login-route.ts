import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { spendVerifyTime, verifyPassword } from '../../access/passwords.ts';
import { logSecurityEvent } from '../../access/security-log.ts';
import { createSession, destroySession, SESSION_COOKIE } from '../../access/sessions.ts';
import { clearFailures, lockedFor, recordFailure, THROTTLE, throttleKeys } from '../../access/throttle.ts';
import { checkSecondFactor, readTotpState, unusedRecoveryCodes } from '../../access/totp.ts';
import { findActiveUser, type UserRow } from '../../access/users.ts';
import { AppError, errors } from '../../errors.ts';
import { assertCertificateOfAccount } from '../../http/client-certificate.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { meSchema } from './schema.ts';

const INVALID = () => new AppError(401, 'invalid_credentials', 'Invalid login or password');

const LOGIN_DESCRIPTION = `Answers 401 \`invalid_credentials\` for a wrong login or password (the same for both).
For an account with two-factor login on, a correct password without \`totp\` answers 401
\`totp_required\` (no session is created; send the same body again with \`totp\`), and a wrong
\`totp\` answers 401 \`invalid_totp\`. \`totp\` is the 6-digit code of the authenticator app (each
code is accepted once) or one of the account's recovery codes (each works once).
Failed attempts are counted per login and client address, and per address: too many answer 429
\`too_many_requests\` with Retry-After; failures from one address never lock the login elsewhere.`;

export async function loginRoute(app: AppInstance, services: AppServices): Promise<void> {
  const { dialect } = services;
  const db = dialect.db;

  app.post(
    '/api/auth/login',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Log in with login and password (and a two-factor code when on); sets the session cookie',
        description: LOGIN_DESCRIPTION,
        body: z.object({
          login: z.string().min(1).max(100),
          password: z.string().min(1).max(200),
          totp: z
            .string()
            .trim()
            .min(1)
            .max(64)
            .optional()
            .describe('A 6-digit authenticator code or a recovery code, for accounts with two-factor login'),
        }),
        response: { 200: z.object({ user: meSchema, csrfToken: z.string(), expiresAt: z.string() }) },
      },
    },
    async (request, reply) => {
      const now = services.now();
      const login = request.body.login.trim().toLowerCase();
      const keys = throttleKeys(login, request.ip);
      const wait = await lockedFor(db, [keys.login, keys.address], now);
      if (wait > 0) {
        throw errors.tooManyRequests(
          `Too many failed attempts; try again in ${Math.ceil(wait / 60)} min`,
          wait,
        );
      }
      const user = await findActiveUser(dialect, { login });
      let valid = false;
      if (user?.passwordHash) valid = await verifyPassword(user.passwordHash, request.body.password);
      else await spendVerifyTime(request.body.password);

      /** Counts the failure for throttling and writes it (and a lock it causes) to the security log. */
      const fail = async (reason: 'password' | 'totp'): Promise<void> => {
        const base = { accountId: user?.id ?? null, login, ip: request.ip, at: now };
        const loginLocked = await recordFailure(db, keys.login, THROTTLE.maxFailuresPerLogin, now);
        const addressLocked = await recordFailure(db, keys.address, THROTTLE.maxFailuresPerAddress, now);
        await logSecurityEvent(db, { ...base, kind: 'login_failed', details: { reason } });
        if (loginLocked)
          await logSecurityEvent(db, { ...base, kind: 'lockout', details: { scope: 'login' } });
        if (addressLocked) {
          await logSecurityEvent(db, { ...base, kind: 'lockout', details: { scope: 'address' } });
        }
      };

      if (!user || !valid) {
        await fail('password');
        throw INVALID();
      }
      // Under mutual TLS: only from a computer holding this account's certificate.
      assertCertificateOfAccount(request, user);
      const secondFactor = await checkTwoFactor(user, request.body.totp, request.ip, now, fail);
      await clearFailures(db, keys.login);
      return startSession(request, reply, user, secondFactor, now);
    },
  );

  /** For an account with TOTP on: null when it is off, otherwise which second factor passed. */
  async function checkTwoFactor(
    user: UserRow,
    code: string | undefined,
    ip: string,
    now: Date,
    fail: (reason: 'totp') => Promise<void>,
  ): Promise<'totp' | 'recovery_code' | null> {
    const state = await readTotpState(db, user.id);
    if (!state.secret) return null;
    if (!code) {
      throw new AppError(
        401,
        'totp_required',
        'Two-factor login is on: enter the code from your authenticator app, or a recovery code',
        { methods: ['totp', 'recovery_code'] },
      );
    }
    const passed = await checkSecondFactor(db, user.id, code, now);
    if (!passed) {
      await fail('totp');
      throw new AppError(401, 'invalid_totp', 'The authentication code is not correct');
    }
    if (passed === 'recovery_code') {
      await logSecurityEvent(db, {
        kind: 'recovery_code_used',
        accountId: user.id,
        login: user.login,
        ip,
        details: { left: await unusedRecoveryCodes(db, user.id) },
        at: now,
      });
    }
    return passed;
  }

  async function startSession(
    request: FastifyRequest,
    reply: FastifyReply,
    user: UserRow,
    secondFactor: 'totp' | 'recovery_code' | null,
    now: Date,
  ) {
    // A new session id at every login: a planted cookie can never become a logged-in session.
    const previous = request.cookies[SESSION_COOKIE];
    if (previous) await destroySession(db, previous);
    const userAgent = request.headers['user-agent'];
    const session = await createSession(
      db,
      user.id,
      services.config.sessionTtlMs,
      { ip: request.ip, userAgent },
      now,
    );
    await db
      .updateTable('user_account')
      .set({ last_login_at: now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    await logSecurityEvent(db, {
      kind: 'login',
      accountId: user.id,
      login: user.login,
      ip: request.ip,
      details: { session: session.publicId, secondFactor, userAgent: userAgent?.slice(0, 300) ?? null },
      at: now,
    });
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      expires: new Date(Date.now() + services.config.sessionTtlMs * 7),
    });
    return {
      user: {
        id: user.id,
        login: user.login,
        locale: user.locale,
        preferredLocale: user.preferredLocale,
        timeZone: user.timeZone,
        employeeId: user.employeeId,
      },
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
    };
  }
}
