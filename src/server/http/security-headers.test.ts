import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/databases.ts';
import { expectError } from '../../../test/errors.ts';
import { useTestEnv } from '../../../test/harness.ts';
import { count } from '../../../test/record-fixtures.ts';
import { killHard, type ServerProcess, spawnServer } from '../../../test/server-process.ts';
import { buildApp } from '../app.ts';
import { type AppConfig, loadConfig } from '../config.ts';
import { openHostWarning } from './allowed-hosts.ts';
import { STRICT_TRANSPORT_SECURITY } from './security-headers.ts';
import { WEB_ROOT } from './static.ts';
import type { AppInstance } from './types.ts';

function cspOf(response: LightMyRequestResponse): Map<string, string[]> {
  const header = String(response.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name ?? '', values]),
  );
}

function expectSecurityHeaders(response: LightMyRequestResponse): void {
  const csp = cspOf(response);
  expect(csp.get('script-src'), 'no inline or eval script').toEqual(["'self'"]);
  expect(csp.get('script-src-attr')).toEqual(["'none'"]);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'self'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  expect(csp.has('upgrade-insecure-requests'), 'would break plain-HTTP LAN use').toBe(false);
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(response.headers['x-powered-by']).toBeUndefined();
  expect(response.headers['strict-transport-security'], 'HSTS only over HTTPS').toBeUndefined();
}

/** The hashed JavaScript files of the build that vitest's global setup made (test/build-web-app.ts). */
const builtScripts = () => readdirSync(path.join(WEB_ROOT, 'assets')).filter((name) => name.endsWith('.js'));

describe.each(DIALECTS)('security headers and allowed hosts (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  const apps: AppInstance[] = [];
  /** The test app again, with other settings (same database and services). */
  const appWith = async (settings: Partial<AppConfig>) => {
    const { services } = env();
    const app = await buildApp(
      { ...services, config: { ...services.config, ...settings } },
      { logger: false },
    );
    apps.push(app);
    return app;
  };
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it('are on every kind of response: API, errors, 404s, the web app, its assets, the API docs', async () => {
    const { app, api } = env();
    const script = builtScripts()[0];
    const responses: Array<[status: number, response: LightMyRequestResponse]> = [
      [200, await app.inject({ url: '/api/health' })],
      [401, await app.inject({ url: '/api/auth/me' })],
      [404, await api('GET', '/api/no-such-route')],
      [400, await api('POST', '/api/records/company', {})],
      [
        400,
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'content-type': 'application/json' },
          payload: '{not json',
        }),
      ],
      [200, await app.inject({ url: '/records/company/12' })],
      [200, await app.inject({ url: `/assets/${script}` })],
      [404, await app.inject({ url: `/assets/${script}.map` })],
      [200, await api('GET', '/api/docs/')],
    ];
    for (const [status, response] of responses) {
      expect(response.statusCode, response.body.slice(0, 200)).toBe(status);
      expectSecurityHeaders(response);
    }
  });

  it('send Strict-Transport-Security only over HTTPS, including a trusted proxy’s', async () => {
    const proxied = await appWith({ trustProxy: true });
    const viaHttps = await proxied.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(viaHttps.headers['strict-transport-security']).toBe(STRICT_TRANSPORT_SECURITY);
    const viaHttp = await proxied.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'http' } });
    expect(viaHttp.headers['strict-transport-security']).toBeUndefined();
    // Not behind a trusted proxy, anyone could claim https.
    const untrusted = await env().app.inject({
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(untrusted.headers['strict-transport-security']).toBeUndefined();
  });

  it('the web app and the API docs work under that policy: no inline scripts, no source maps served', async () => {
    const { app, api } = env();
    const index = readFileSync(path.join(WEB_ROOT, 'index.html'), 'utf8');
    const docs = (await api('GET', '/api/docs/')).body;
    for (const html of [index, docs]) {
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(attributes).toMatch(/\ssrc="[^"]+"/);
        expect(body?.trim()).toBe('');
      }
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    }
    // vite `sourcemap: 'hidden'`: the maps are written, but nothing points at them…
    const maps = readdirSync(path.join(WEB_ROOT, 'assets')).filter((name) => name.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(0);
    const pointing = builtScripts().filter((script) =>
      readFileSync(path.join(WEB_ROOT, 'assets', script), 'utf8').includes('sourceMappingURL'),
    );
    expect(pointing).toEqual([]);
    // …and the server does not hand them out, however the name is spelt.
    const map = maps[0] ?? '';
    for (const url of [`/assets/${map}`, `/assets/${map.replace(/\.map$/, '%2Emap')}`, `/${map}`]) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expectError(response, 404, 'not_found');
    }
  });

  describe('allowed hosts', () => {
    const health = (app: AppInstance, host: string, headers: Record<string, string> = {}) =>
      app.inject({ url: '/api/health', headers: { host, ...headers } });

    async function expectRefused(response: Promise<LightMyRequestResponse>, host: string) {
      const answered = await response;
      const error = expectError(answered, 421, 'host_not_allowed', /does not answer for the host/);
      expect(error.details).toEqual({ host });
      expectSecurityHeaders(answered);
    }

    it('listening on loopback with nothing configured, answers only loopback names', async () => {
      const { app } = env();
      for (const host of ['localhost', 'LOCALHOST:3000', '127.0.0.1:3000', '127.0.0.2', '[::1]:3000']) {
        expect((await health(app, host)).statusCode, host).toBe(200);
      }
      for (const host of [
        'evil.example',
        'evil.example:3000',
        'localhost.evil.example',
        '127.0.0.1.nip.io',
      ]) {
        await expectRefused(health(app, host), host);
      }
    });

    it('refuses before anything runs: a login for a foreign host writes no session', async () => {
      const before = await count(env, 'session');
      const login = env().app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { host: 'evil.example' },
        payload: { login: 'admin', password: 'correct-horse-battery' },
      });
      await expectRefused(login, 'evil.example');
      expect(await count(env, 'session')).toBe(before);
    });

    it('with KARTOTEKA_PUBLIC_URL and KARTOTEKA_ALLOWED_HOSTS, answers those names (and loopback) only', async () => {
      const { publicUrl, allowedHosts } = loadConfig({
        KARTOTEKA_PUBLIC_URL: 'https://crm.example.com',
        KARTOTEKA_ALLOWED_HOSTS: '10.0.0.5:3000,crm.internal',
      });
      // Listening on every address changes nothing once the names are given.
      const app = await appWith({ publicUrl, allowedHosts, host: '0.0.0.0' });
      const allowed = ['crm.example.com', 'CRM.Example.com', 'crm.example.com:8443', '10.0.0.5:3000'];
      for (const host of [...allowed, 'crm.internal:1234', 'localhost:3000']) {
        expect((await health(app, host)).statusCode, host).toBe(200);
      }
      for (const host of ['10.0.0.5', '10.0.0.5:3001', 'evil.example', 'crm.example.com.evil.example']) {
        await expectRefused(health(app, host), host);
      }
    });

    it('behind a trusted proxy, every X-Forwarded-Host must be allowed as well as Host', async () => {
      const allowedHosts = loadConfig({ KARTOTEKA_ALLOWED_HOSTS: 'crm.example.com' }).allowedHosts;
      const proxied = await appWith({ allowedHosts, trustProxy: true });
      const forwarded = (host: string) => ({ 'x-forwarded-host': host });
      expect((await health(proxied, 'crm.example.com', forwarded('crm.example.com'))).statusCode).toBe(200);
      // A proxy that does not pass Host on talks to 127.0.0.1.
      expect((await health(proxied, '127.0.0.1:3000', forwarded('crm.example.com'))).statusCode).toBe(200);
      // Script on a rebound page can add the header to its own requests: it must not vouch for Host.
      await expectRefused(health(proxied, 'crm.example.com', forwarded('evil.example')), 'evil.example');
      await expectRefused(health(proxied, 'evil.example', forwarded('crm.example.com')), 'evil.example');
      await expectRefused(
        health(proxied, 'crm.example.com', forwarded('crm.example.com, evil.example')),
        'evil.example',
      );
      // Without a trusted proxy the header means nothing and is not looked at.
      const direct = await appWith({ allowedHosts });
      expect((await health(direct, 'crm.example.com', forwarded('evil.example'))).statusCode).toBe(200);
    });

    it('listening on the network with nothing configured, answers any name and says why at start', async () => {
      const app = await appWith({ host: '0.0.0.0' });
      expect((await health(app, 'evil.example')).statusCode).toBe(200);
      expect(openHostWarning({ host: '0.0.0.0', allowedHosts: [] })).toMatch(/KARTOTEKA_PUBLIC_URL/);
      expect(openHostWarning({ host: '::', allowedHosts: [] })).toMatch(/DNS rebinding/);
      for (const host of ['127.0.0.1', 'localhost', '::1']) {
        expect(openHostWarning({ host, allowedHosts: [] }), host).toBeNull();
      }
      const { allowedHosts } = loadConfig({ KARTOTEKA_ALLOWED_HOSTS: 'crm.example.com' });
      expect(openHostWarning({ host: '0.0.0.0', allowedHosts })).toBeNull();
    });
  });
});

describe.each(DIALECTS)('the start-up warning of a server open to any host name (%s)', (dialect) => {
  let database: TestDatabase | undefined;
  let server: ServerProcess | undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kartoteka-hosts-'));

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    server = await spawnServer({
      KARTOTEKA_DATA: dataDir,
      HOST: '0.0.0.0',
      ...(database.config.kind === 'postgres' ? { DATABASE_URL: database.config.url } : {}),
    });
  });
  afterAll(async () => {
    if (server) await killHard(server);
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is logged once, and any Host is answered', async () => {
    if (!server) throw new Error('server not started');
    const port = Number(new URL(server.url).port);
    for (const host of ['evil.example', 'crm.example.com', '192.0.2.1:3000']) {
      // fetch() will not send a Host of our choosing; http.get will.
      const status = await new Promise<number | undefined>((resolve, reject) =>
        get({ host: '127.0.0.1', port, path: '/api/health', headers: { host } }, (response) => {
          response.resume();
          resolve(response.statusCode);
        }).on('error', reject),
      );
      expect(status, host).toBe(200);
    }
    // The server's output reaches this process through a pipe, apart from the HTTP answers.
    const running = server;
    const warnings = () =>
      running.output().match(/without KARTOTEKA_PUBLIC_URL or KARTOTEKA_ALLOWED_HOSTS/g) ?? [];
    await expect.poll(() => warnings().length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(warnings()).toHaveLength(1);
  });
});
