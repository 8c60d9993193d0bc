import { describe, expect, it } from 'vitest';
import { createToken, createUser, freshAddress, login, writeCounts } from '../../../../test/auth-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { type ErrorBody, expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { hashToken, SESSION_COOKIE } from '../../access/sessions.ts';
import { THROTTLE } from '../../access/throttle.ts';
import { buildApp } from '../../app.ts';

describe.each(DIALECTS)('authentication over HTTP (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  describe('API tokens', () => {
    it('returns a kt_ token once and stores only its hash', async () => {
      const created = await createToken(env, 'crm-sync');
      expect(created.token).toMatch(/^kt_[\w-]{30,}$/);
      expect(created).toMatchObject({ name: 'crm-sync', expiresAt: null });
      const row = await env()
        .services.dialect.db.selectFrom('api_token')
        .selectAll()
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
      expect(row.token_hash).toBe(hashToken(created.token));
      expect(Object.values(row)).not.toContain(created.token);
    });

    it('creates a record with a bearer token and no CSRF header', async () => {
      const created = await createToken(env);
      const me = await env().api('GET', '/api/auth/me');
      const response = await env().app.inject({
        method: 'POST',
        url: '/api/records/company',
        headers: { authorization: `Bearer ${created.token}` },
        payload: { name: 'Via API Kft.' },
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({
        name: 'Via API Kft.',
        created_by: me.json<{ user: { id: number } }>().user.id,
      });
      // A bearer request is not tied to a browser: a foreign Origin does not matter.
      const withOrigin = await env().app.inject({
        method: 'POST',
        url: '/api/records/company',
        headers: { authorization: `bearer ${created.token}`, origin: 'https://integration.example' },
        payload: { name: 'Via API 2 Kft.' },
      });
      expect(withOrigin.statusCode, withOrigin.body).toBe(201);
    });

    it('answers a bogus bearer token with 401 and writes nothing', async () => {
      const before = await writeCounts(env);
      for (const authorization of [
        'Bearer kt_this-is-not-a-real-token',
        'Bearer not-even-prefixed',
        'Bearer ',
        'Basic YWRtaW46Y29ycmVjdC1ob3JzZS1iYXR0ZXJ5',
      ]) {
        const response = await env().app.inject({
          method: 'POST',
          url: '/api/records/company',
          headers: { authorization },
          payload: { name: 'Bogus' },
        });
        expectError(response, 401, 'invalid_token', /token/);
      }
      expect(await writeCounts(env)).toEqual(before);
    });

    it('answers a revoked token and an expired token with 401', async () => {
      const db = env().services.dialect.db;
      const revoked = await createToken(env, 'revoked');
      const expired = await createToken(env, 'expired');
      const ok = await env().app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { authorization: `Bearer ${revoked.token}` },
      });
      expect(ok.statusCode).toBe(200);
      const past = new Date(Date.now() - 60_000).toISOString();
      await db.updateTable('api_token').set({ revoked_at: past }).where('id', '=', revoked.id).execute();
      await db.updateTable('api_token').set({ expires_at: past }).where('id', '=', expired.id).execute();
      const before = await writeCounts(env);
      for (const token of [revoked.token, expired.token]) {
        expectError(
          await env().app.inject({
            method: 'GET',
            url: '/api/auth/me',
            headers: { authorization: `Bearer ${token}` },
          }),
          401,
          'invalid_token',
        );
        expectError(
          await env().app.inject({
            method: 'POST',
            url: '/api/records/company',
            headers: { authorization: `Bearer ${token}` },
            payload: { name: 'Revoked Ltd' },
          }),
          401,
          'invalid_token',
        );
      }
      expect(await writeCounts(env)).toEqual(before);
    });
  });

  describe('login throttle', () => {
    it('locks a login after 5 failures, even for the right password, with retry-after', async () => {
      const password = 'a-good-long-password';
      const user = await createUser(env, password);
      const remoteAddress = freshAddress();
      expect((await login(env, user.login, password, { remoteAddress })).statusCode).toBe(200);
      for (let attempt = 0; attempt < THROTTLE.maxFailuresPerLogin; attempt++) {
        expectError(
          await login(env, user.login, 'wrong-password', { remoteAddress }),
          401,
          'invalid_credentials',
        );
      }
      // A different address does not help: the login itself is locked.
      for (const address of [remoteAddress, freshAddress()]) {
        const locked = await login(env, user.login, password, { remoteAddress: address });
        expectError(locked, 429, 'too_many_requests', /try again in \d+ min/);
        const retryAfter = Number(locked.headers['retry-after']);
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(THROTTLE.lockMs / 1000);
        expect(locked.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
      }
      // Case and surrounding spaces do not make another login.
      const shouted = await login(env, ` ${user.login.toUpperCase()} `, password, {
        remoteAddress: freshAddress(),
      });
      expectError(shouted, 429, 'too_many_requests');
    });

    it('locks an unknown login the same way, with the same answer', async () => {
      const password = 'another-good-password';
      const user = await createUser(env, password);
      const ghost = `ghost-${dialect}-${Date.now().toString(36)}`;
      const remoteAddress = freshAddress();
      for (let attempt = 0; attempt < THROTTLE.maxFailuresPerLogin; attempt++) {
        expectError(
          await login(env, user.login, 'wrong-password', { remoteAddress }),
          401,
          'invalid_credentials',
        );
        expectError(await login(env, ghost, 'wrong-password', { remoteAddress }), 401, 'invalid_credentials');
      }
      const known = await login(env, user.login, password, { remoteAddress: freshAddress() });
      const unknown = await login(env, ghost, password, { remoteAddress: freshAddress() });
      const knownError = expectError(known, 429, 'too_many_requests');
      const unknownError = expectError(unknown, 429, 'too_many_requests');
      expect({ code: unknownError.code, message: unknownError.message }).toEqual({
        code: knownError.code,
        message: knownError.message,
      });
      expect(unknown.headers['retry-after']).toBeDefined();
      expect(
        Math.abs(Number(unknown.headers['retry-after']) - Number(known.headers['retry-after'])),
      ).toBeLessThanOrEqual(2);
    });

    // Failures that arrive together must all count, and a later one must not lift a lock
    // that an earlier one set: otherwise parallel guessing gets around the lockout.
    it('counts failed logins that arrive at the same time', async () => {
      const password = 'parallel-good-password';
      const user = await createUser(env, password);
      const remoteAddress = freshAddress();
      const attempts = await Promise.all(
        Array.from({ length: THROTTLE.maxFailuresPerLogin * 2 }, () =>
          login(env, user.login, 'wrong-password', { remoteAddress }),
        ),
      );
      for (const attempt of attempts) expectError(attempt, 401, 'invalid_credentials');
      const locked = await login(env, user.login, password, { remoteAddress: freshAddress() });
      expectError(locked, 429, 'too_many_requests');
    });

    it('does not lock other logins', async () => {
      const password = 'third-good-password';
      const locked = await createUser(env, password);
      const other = await createUser(env, password);
      const remoteAddress = freshAddress();
      for (let attempt = 0; attempt < THROTTLE.maxFailuresPerLogin; attempt++) {
        await login(env, locked.login, 'wrong-password', { remoteAddress });
      }
      expect((await login(env, locked.login, password, { remoteAddress })).statusCode).toBe(429);
      expect((await login(env, other.login, password, { remoteAddress })).statusCode).toBe(200);
    });
  });

  describe('access policy of routes', () => {
    it('refuses to register a route that declares no access policy', async () => {
      const app = await buildApp(env().services, { logger: false });
      try {
        expect(() => app.get('/api/undeclared', async () => 'x')).toThrow(/declares no access policy/);
        expect(() => app.post('/api/undeclared-too', { config: {} }, async () => 'x')).toThrow(
          /declares no access policy/,
        );
        expect(() =>
          app.get('/api/declared', { config: { policy: 'authenticated' } }, async () => 'x'),
        ).not.toThrow();
      } finally {
        await app.close();
      }
    });

    it('answers every documented route except health and login with 401 without credentials', async () => {
      const { app, api } = env();
      const document = await api('GET', '/api/openapi.json');
      expect(document.statusCode).toBe(200);
      const paths = document.json<{ paths: Record<string, Record<string, unknown>> }>().paths;
      const methods = ['get', 'post', 'put', 'patch', 'delete'];
      const checked: string[] = [];
      const open = new Set(['/api/health', '/api/auth/login']);
      const before = await writeCounts(env);
      for (const [path, operations] of Object.entries(paths)) {
        if (open.has(path)) continue;
        const url = path.replaceAll('{object}', 'company').replaceAll('{id}', '1');
        expect(url, `unexpected path parameter in ${path}`).not.toMatch(/[{}]/);
        for (const method of Object.keys(operations).filter((m) => methods.includes(m))) {
          const response = await app.inject({
            method: method.toUpperCase() as 'GET',
            url,
            ...(method === 'get' || method === 'delete' ? {} : { payload: { name: 'Anonymous' } }),
          });
          expect(response.statusCode, `${method.toUpperCase()} ${url}: ${response.body}`).toBe(401);
          expect(response.json<ErrorBody>().error.code).toBe('unauthorized');
          checked.push(`${method.toUpperCase()} ${path}`);
        }
      }
      expect(checked).toEqual(
        expect.arrayContaining([
          'GET /api/auth/me',
          'POST /api/auth/logout',
          'POST /api/auth/tokens',
          'GET /api/records/{object}',
          'POST /api/records/{object}',
          'POST /api/records/{object}/query',
          'GET /api/records/{object}/{id}',
          'PATCH /api/records/{object}/{id}',
          'DELETE /api/records/{object}/{id}',
          'POST /api/records/{object}/{id}/restore',
          'GET /api/records/{object}/{id}/history',
          'GET /api/metadata/objects',
          'GET /api/search',
        ]),
      );
      // The document and the documentation UI are not public either.
      for (const url of ['/api/openapi.json', '/api/docs', '/api/docs/json']) {
        const response = await app.inject({ method: 'GET', url });
        expect(response.statusCode, `GET ${url}`).toBe(401);
      }
      expect(await writeCounts(env)).toEqual(before);
      // The two public routes really are public.
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    });
  });
});
