import { describe, expect, it } from 'vitest';
import { createToken, writeCounts } from '../../../../test/auth-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { type ErrorBody, expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { hashToken } from '../../access/sessions.ts';
import { DEFAULT_TOKEN_DAYS } from '../../access/tokens.ts';
import { buildApp } from '../../app.ts';

describe.each(DIALECTS)('API tokens and route policies over HTTP (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  describe('API tokens', () => {
    it('returns a kt_ token once and stores only its hash', async () => {
      const created = await createToken(env, 'crm-sync');
      expect(created.token).toMatch(/^kt_[\w-]{30,}$/);
      expect(created.name).toBe('crm-sync');
      // No expiry asked for: the default, not "never".
      const days = (Date.parse(created.expiresAt ?? '') - Date.parse(created.createdAt)) / 86_400_000;
      expect(days).toBe(DEFAULT_TOKEN_DAYS);
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

    it('refuses a real token with anything after it', async () => {
      const created = await createToken(env);
      const before = await writeCounts(env);
      for (const authorization of [
        `Bearer ${created.token} junk`,
        `Bearer ${created.token},x`,
        `Bearer  ${created.token}`,
      ]) {
        const response = await env().app.inject({
          method: 'POST',
          url: '/api/records/company',
          headers: { authorization },
          payload: { name: 'Smuggled' },
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
      // A calendar feed's link is its key: without one it is a bare 404 (a subscribed
      // calendar sends no credentials). Health and metrics are for load balancers and scrapers
      // (metrics guard themselves: health.test.ts).
      const open = new Set([
        '/api/health',
        '/api/health/ready',
        '/metrics',
        '/api/auth/login',
        '/api/calendar/feed/{file}',
      ]);
      const before = await writeCounts(env);
      for (const [path, operations] of Object.entries(paths)) {
        if (open.has(path)) continue;
        // Any other path parameter ({id}, {shareId}…) gets a plausible id: 401 comes before lookup.
        const url = path.replaceAll('{object}', 'company').replace(/\{\w+\}/g, '1');
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
          'GET /api/auth/tokens',
          'DELETE /api/auth/tokens/{id}',
          'GET /api/auth/sessions',
          'DELETE /api/auth/sessions/{id}',
          'GET /api/auth/totp',
          'POST /api/auth/totp/setup',
          'POST /api/auth/totp/enable',
          'POST /api/auth/totp/disable',
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
