import { describe, expect, it } from 'vitest';
import {
  createUser,
  freshAddress,
  type LoginBody,
  login,
  me,
  type TokenBody,
  tokenOf,
  writeCounts,
} from '../../../../test/auth-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { ADMIN_PASSWORD, useTestEnv } from '../../../../test/harness.ts';
import { hashToken, SESSION_COOKIE } from '../../access/sessions.ts';

describe.each(DIALECTS)('authentication over HTTP (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  describe('login', () => {
    it('returns the user and a CSRF token and sets an httpOnly, SameSite=Lax session cookie', async () => {
      const response = await login(env, 'admin', ADMIN_PASSWORD);
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json<LoginBody>();
      expect(body.user).toMatchObject({ login: 'admin', locale: 'en', preferredLocale: null });
      expect(body.user.id).toBeTypeOf('number');
      expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
      expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
      expect(JSON.stringify(body)).not.toMatch(/password|hash/i);

      const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
      expect(cookie).toBeDefined();
      expect(cookie?.value.length).toBeGreaterThanOrEqual(32);
      expect(cookie).toMatchObject({ httpOnly: true, path: '/' });
      expect(String(cookie?.sameSite).toLowerCase()).toBe('lax');
      const header = ([] as string[]).concat(response.headers['set-cookie'] ?? []).join('\n');
      expect(header).toMatch(/kt_session=[^;]+;/);
      expect(header).toMatch(/HttpOnly/i);
      expect(header).toMatch(/SameSite=Lax/i);

      // The database keeps only a hash of the cookie's token.
      const db = env().services.dialect.db;
      const stored = await db
        .selectFrom('session')
        .select(['id', 'csrf_token'])
        .where('id', '=', hashToken(cookie?.value ?? ''))
        .executeTakeFirst();
      expect(stored?.csrf_token).toBe(body.csrfToken);
      expect(
        await db
          .selectFrom('session')
          .select('id')
          .where('id', '=', cookie?.value ?? '')
          .execute(),
      ).toEqual([]);

      const who = await me(env, { cookie: `${SESSION_COOKIE}=${cookie?.value}` });
      expect(who.statusCode).toBe(200);
      expect(who.json()).toMatchObject({ user: { login: 'admin' }, csrfToken: body.csrfToken });
    });

    it('answers a wrong password and an unknown login with the same 401 body', async () => {
      const remoteAddress = freshAddress();
      const wrongPassword = await login(env, 'admin', 'not-the-password', { remoteAddress });
      const unknownLogin = await login(env, 'nobody-by-this-name', 'not-the-password', { remoteAddress });
      expectError(wrongPassword, 401, 'invalid_credentials', /login or password/);
      expectError(unknownLogin, 401, 'invalid_credentials', /login or password/);
      // The same but for the id naming each request.
      const sameBody = (body: { error: Record<string, unknown> }) => ({ ...body.error, requestId: 'any' });
      expect(sameBody(unknownLogin.json())).toEqual(sameBody(wrongPassword.json()));
      expect(wrongPassword.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
      expect(unknownLogin.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    });

    it('refuses a malformed login body with 400', async () => {
      const response = await env().app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'admin' },
      });
      expectError(response, 400, 'validation_failed', /password/);
    });
  });

  describe('sessions', () => {
    it('answers /api/auth/me without a cookie with 401', async () => {
      expectError(await me(env), 401, 'unauthorized');
      expectError(await me(env, { cookie: `${SESSION_COOKIE}=made-up-token` }), 401, 'session_expired');
    });

    it('answers an expired session with 401 and forgets it', async () => {
      const session = await env().login('admin', ADMIN_PASSWORD);
      expect((await me(env, { cookie: session.cookie })).statusCode).toBe(200);
      const db = env().services.dialect.db;
      const id = hashToken(tokenOf(session));
      await db
        .updateTable('session')
        .set({ expires_at: new Date(Date.now() - 60_000).toISOString() })
        .where('id', '=', id)
        .execute();
      const response = await me(env, { cookie: session.cookie });
      expectError(response, 401, 'session_expired', /expired/);
      const cleared = response.cookies.find((c) => c.name === SESSION_COOKIE);
      expect(cleared).toBeDefined();
      expect(cleared?.value).toBe('');
      expect(await db.selectFrom('session').select('id').where('id', '=', id).execute()).toEqual([]);
    });

    it('destroys the session at logout', async () => {
      const session = await env().login('admin', ADMIN_PASSWORD);
      const logout = await env().api('POST', '/api/auth/logout', undefined, session);
      expect(logout.statusCode, logout.body).toBe(204);
      const cleared = logout.cookies.find((c) => c.name === SESSION_COOKIE);
      expect(cleared).toBeDefined();
      expect(cleared?.value).toBe('');
      expectError(await me(env, { cookie: session.cookie }), 401, 'session_expired');
      const db = env().services.dialect.db;
      expect(
        await db
          .selectFrom('session')
          .select('id')
          .where('id', '=', hashToken(tokenOf(session)))
          .execute(),
      ).toEqual([]);
      // The administrator's other session is untouched.
      expect((await me(env, { cookie: env().admin.cookie })).statusCode).toBe(200);
    });

    it('rotates the session at login: the cookie sent along stops working', async () => {
      const old = await env().login('admin', ADMIN_PASSWORD);
      const again = await login(env, 'admin', ADMIN_PASSWORD, { cookie: old.cookie });
      expect(again.statusCode, again.body).toBe(200);
      const fresh = again.cookies.find((c) => c.name === SESSION_COOKIE);
      expect(fresh?.value).toBeTruthy();
      expect(fresh?.value).not.toBe(tokenOf(old));
      expect(again.json<LoginBody>().csrfToken).not.toBe(old.csrfToken);
      expectError(await me(env, { cookie: old.cookie }), 401, 'session_expired');
      expect((await me(env, { cookie: `${SESSION_COOKIE}=${fresh?.value}` })).statusCode).toBe(200);
    });
  });

  describe('deactivated accounts', () => {
    it('ends the sessions and tokens of a user who is deactivated', async () => {
      const password = 'deactivated-password';
      const user = await createUser(env, password);
      const session = await env().login(user.login, password);
      const token = await env().api('POST', '/api/auth/tokens', { name: 'theirs' }, session);
      expect(token.statusCode).toBe(201);
      const bearer = `Bearer ${token.json<TokenBody>().token}`;
      expect((await me(env, { cookie: session.cookie })).statusCode).toBe(200);
      expect((await me(env, { authorization: bearer })).statusCode).toBe(200);
      const account = (await env().api('GET', `/api/records/user_account/${user.id}`)).json<{
        version: number;
      }>();
      const off = await env().api('PATCH', `/api/records/user_account/${user.id}`, {
        active: false,
        version: account.version,
      });
      expect(off.statusCode, off.body).toBe(200);
      expectError(await me(env, { cookie: session.cookie }), 401, 'session_expired');
      expectError(await me(env, { authorization: bearer }), 401, 'invalid_token');
      expectError(
        await login(env, user.login, password, { remoteAddress: freshAddress() }),
        401,
        'invalid_credentials',
      );
    });
  });

  describe('CSRF protection of cookie-authenticated writes', () => {
    it('refuses a write without the X-CSRF-Token header with 403 and writes nothing', async () => {
      const { app, admin } = env();
      const before = await writeCounts(env);
      const response = await app.inject({
        method: 'POST',
        url: '/api/records/company',
        headers: { cookie: admin.cookie },
        payload: { name: 'Forged Sp. z o.o.' },
      });
      expectError(response, 403, 'csrf_token_invalid', /X-CSRF-Token/);
      const wrong = await app.inject({
        method: 'POST',
        url: '/api/records/company',
        headers: { cookie: admin.cookie, 'x-csrf-token': `${admin.csrfToken}x` },
        payload: { name: 'Forged Sp. z o.o.' },
      });
      expectError(wrong, 403, 'csrf_token_invalid');
      const tokenWithoutCsrf = await app.inject({
        method: 'POST',
        url: '/api/auth/tokens',
        headers: { cookie: admin.cookie },
        payload: { name: 'stolen' },
      });
      expectError(tokenWithoutCsrf, 403, 'csrf_token_invalid');
      expect(await writeCounts(env)).toEqual(before);
      const stolen = await env()
        .services.dialect.db.selectFrom('api_token')
        .select('id')
        .where('name', '=', 'stolen')
        .execute();
      expect(stolen).toEqual([]);
    });

    it('refuses a write from another origin with 403 even with the right token', async () => {
      const { app, admin } = env();
      const before = await writeCounts(env);
      const response = await app.inject({
        method: 'POST',
        url: '/api/records/company',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, origin: 'https://evil.example' },
        payload: { name: 'Cross-site Sp. z o.o.' },
      });
      expectError(response, 403, 'cross_site_request', /Cross-site/);
      expect(await writeCounts(env)).toEqual(before);
    });

    it('lets a read go without the header', async () => {
      const response = await env().app.inject({
        method: 'GET',
        url: '/api/records/company',
        headers: { cookie: env().admin.cookie },
      });
      expect(response.statusCode).toBe(200);
    });
  });
});
