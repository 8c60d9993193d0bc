import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/databases.ts';
import { ADMIN_PASSWORD, testConfig } from '../../../test/harness.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { type RunningServer, startServer } from '../server.ts';
import { STRICT_TRANSPORT_SECURITY } from './security-headers.ts';

/**
 * A throwaway PKI made with openssl: our CA, a server certificate for 127.0.0.1 and a client
 * certificate from that CA, and a stranger's CA with a client certificate of its own.
 */
const pki = mkdtempSync(path.join(tmpdir(), 'kartoteka-tls-'));
const file = (name: string) => path.join(pki, name);
const pem = (name: string) => readFileSync(file(name));

function makePki(): void {
  const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: pki, stdio: 'pipe' });
  const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  for (const ca of ['ca', 'other-ca']) {
    openssl([
      'req',
      '-x509',
      ...newKey,
      '-keyout',
      `${ca}.key`,
      '-out',
      `${ca}.crt`,
      '-days',
      '2',
      '-subj',
      `/CN=${ca}`,
    ]);
  }
  const issue = (name: string, ca: string, extensions: string) => {
    openssl(['req', ...newKey, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`]);
    writeFileSync(file(`${name}.ext`), extensions);
    openssl(
      [
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        `${ca}.crt`,
        '-CAkey',
        `${ca}.key`,
        '-CAcreateserial',
      ].concat(['-days', '2', '-extfile', `${name}.ext`, '-out', `${name}.crt`]),
    );
  };
  issue('server', 'ca', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  // CN = the login: the certificate identifies the admin account (see client-certificate.ts).
  issue('admin', 'ca', 'extendedKeyUsage=clientAuth\n');
  issue('client', 'ca', 'extendedKeyUsage=clientAuth\n');
  issue('stranger', 'other-ca', 'extendedKeyUsage=clientAuth\n');
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One HTTPS request on a fresh connection (no agent: each case has its own handshake). */
function request(url: string, options: https.RequestOptions & { body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = https.request(url, { agent: false, ca: pem('ca.crt'), ...options }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
      response.on('error', reject);
    });
    sent.on('error', reject);
    sent.end(options.body);
  });
}

/** The TLS problems KARTOTEKA_TLS_* cause, or [] when the configuration loads. */
function tlsProblems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems;
  }
}

beforeAll(makePki);
afterAll(() => rmSync(pki, { recursive: true, force: true }));

describe('TLS settings are checked at start', () => {
  it('loads the certificate, the key and the client CA', () => {
    const config = loadConfig({
      KARTOTEKA_TLS_CERT: file('server.crt'),
      KARTOTEKA_TLS_KEY: file('server.key'),
      KARTOTEKA_TLS_CLIENT_CA: file('ca.crt'),
    });
    expect(config.tls).toEqual({ cert: pem('server.crt'), key: pem('server.key'), clientCa: pem('ca.crt') });
    expect(loadConfig({}).tls).toBeUndefined();
  });

  it('names the variable that is missing from a pair', () => {
    expect(tlsProblems({ KARTOTEKA_TLS_CERT: file('server.crt') })).toEqual([
      expect.stringMatching(/^KARTOTEKA_TLS_KEY: must be set when KARTOTEKA_TLS_CERT is/),
    ]);
    expect(tlsProblems({ KARTOTEKA_TLS_KEY: file('server.key') })).toEqual([
      expect.stringMatching(/^KARTOTEKA_TLS_CERT: must be set when KARTOTEKA_TLS_KEY is/),
    ]);
    expect(tlsProblems({ KARTOTEKA_TLS_CLIENT_CA: file('ca.crt') })).toEqual([
      expect.stringMatching(/^KARTOTEKA_TLS_CLIENT_CA: needs KARTOTEKA_TLS_CERT and KARTOTEKA_TLS_KEY/),
    ]);
  });

  it('names a file that cannot be read, or does not hold what it should', () => {
    mkdirSync(file('a-folder'), { recursive: true });
    writeFileSync(file('garbage.pem'), 'not a certificate');
    expect(
      tlsProblems({
        KARTOTEKA_TLS_CERT: file('missing.crt'),
        KARTOTEKA_TLS_KEY: file('a-folder'),
        KARTOTEKA_TLS_CLIENT_CA: file('garbage.pem'),
      }),
    ).toEqual([
      expect.stringMatching(/^KARTOTEKA_TLS_CERT=".*missing\.crt": cannot be read \(ENOENT/),
      expect.stringMatching(/^KARTOTEKA_TLS_KEY=".*a-folder": cannot be read \(EISDIR/),
      expect.stringMatching(/^KARTOTEKA_TLS_CLIENT_CA=".*garbage\.pem": is not a PEM CA certificate/),
    ]);
    expect(
      tlsProblems({ KARTOTEKA_TLS_CERT: file('server.key'), KARTOTEKA_TLS_KEY: file('server.key') }),
    ).toEqual([expect.stringMatching(/^KARTOTEKA_TLS_CERT=".*server\.key": is not a PEM certificate/)]);
    expect(
      tlsProblems({ KARTOTEKA_TLS_CERT: file('server.crt'), KARTOTEKA_TLS_KEY: file('server.crt') }),
    ).toEqual([
      expect.stringMatching(/^KARTOTEKA_TLS_KEY=".*server\.crt": is not an unencrypted PEM private key/),
    ]);
  });

  it('refuses a key that belongs to another certificate', () => {
    expect(
      tlsProblems({ KARTOTEKA_TLS_CERT: file('server.crt'), KARTOTEKA_TLS_KEY: file('client.key') }),
    ).toEqual([
      expect.stringMatching(/^KARTOTEKA_TLS_KEY=".*client\.key": is not the private key of the certificate/),
    ]);
  });
});

describe.each(DIALECTS)('HTTPS served by the server itself (%s)', (dialect) => {
  let database: TestDatabase | undefined;
  let plain: RunningServer | undefined;
  let mutual: RunningServer | undefined;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const base = {
      ...testConfig(database.config),
      port: 0,
      host: '127.0.0.1',
      adminPassword: ADMIN_PASSWORD,
    };
    const tls = (env: Record<string, string>) =>
      loadConfig({ KARTOTEKA_TLS_CERT: file('server.crt'), KARTOTEKA_TLS_KEY: file('server.key'), ...env })
        .tls;
    // startServer prints where it runs and how to log in; that banner is not for the test log.
    const banner = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      plain = await startServer({ ...base, tls: tls({}) });
      mutual = await startServer({ ...base, tls: tls({ KARTOTEKA_TLS_CLIENT_CA: file('ca.crt') }) });
    } finally {
      banner.mockRestore();
    }
  });

  afterAll(async () => {
    await plain?.stop();
    await mutual?.stop();
    await database?.drop();
  });

  const urlOf = (server: RunningServer | undefined) => {
    if (!server) throw new Error('server not started');
    return server.url;
  };

  it('answers over HTTPS with Strict-Transport-Security and the other security headers', async () => {
    expect(urlOf(plain)).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const health = await request(`${urlOf(plain)}/api/health`);
    expect(health.status).toBe(200);
    expect(health.headers['strict-transport-security']).toBe(STRICT_TRANSPORT_SECURITY);
    expect(health.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(health.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sets the session cookie Secure, and the session works over HTTPS', async () => {
    const login = await request(`${urlOf(plain)}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin', password: ADMIN_PASSWORD }),
    });
    expect(login.status, login.body).toBe(200);
    const cookie = (login.headers['set-cookie'] ?? []).find((line) => line.startsWith('kt_session='));
    expect(cookie).toBeDefined();
    expect(cookie?.split(';').map((part) => part.trim().toLowerCase())).toEqual(
      expect.arrayContaining(['secure', 'httponly']),
    );
    const me = await request(`${urlOf(plain)}/api/auth/me`, {
      headers: { cookie: cookie?.split(';')[0] ?? '' },
    });
    expect(me.status, me.body).toBe(200);
    expect(JSON.parse(me.body)).toMatchObject({ user: { login: 'admin' } });
  });

  it('with KARTOTEKA_TLS_CLIENT_CA lets in a client whose certificate that CA signed', async () => {
    const health = await request(`${urlOf(mutual)}/api/health`, {
      cert: pem('client.crt'),
      key: pem('client.key'),
    });
    expect(health.status).toBe(200);
    expect(health.headers['strict-transport-security']).toBe(STRICT_TRANSPORT_SECURITY);
  });

  /**
   * Runs a request against the mutual-TLS server and reports what the server saw: how many
   * connections completed the TLS handshake (none, when a client is refused at the TLS level,
   * so no HTTP request was ever read) and the handshake error it reported.
   */
  const attempt = async (options: https.RequestOptions = {}) => {
    const server = mutual?.app.server;
    if (!server) throw new Error('server not started');
    let secured = 0;
    const onSecure = () => {
      secured += 1;
    };
    server.on('secureConnection', onSecure);
    const failure = once(server, 'tlsClientError').then(([error]) => (error as Error).message);
    try {
      const client = await request(`${urlOf(mutual)}/api/health`, options).then(
        (received) => `answered ${received.status}`,
        (error: NodeJS.ErrnoException) => error.code ?? error.message,
      );
      // A refused handshake always ends in tlsClientError; an answered request never does.
      return { client, secured, serverError: client.startsWith('answered') ? null : await failure };
    } finally {
      server.off('secureConnection', onSecure);
    }
  };

  it('with KARTOTEKA_TLS_CLIENT_CA refuses, during the TLS handshake, a client without a certificate', async () => {
    const { client, secured, serverError } = await attempt();
    // TLS 1.3 reports the server's "certificate required" alert; an older client sees a reset.
    expect(client).toMatch(/^(ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED|ECONNRESET|EPROTO)$/);
    expect(serverError).toMatch(/peer did not return a certificate/);
    expect(secured).toBe(0);
  });

  it('with KARTOTEKA_TLS_CLIENT_CA refuses a certificate signed by another CA', async () => {
    const { client, secured } = await attempt({ cert: pem('stranger.crt'), key: pem('stranger.key') });
    expect(client).toMatch(/^(ERR_SSL_\w+|ECONNRESET|EPROTO)$/);
    expect(secured).toBe(0);
  });

  it('under mutual TLS lets an account in only with its own certificate: CN = login, or a recorded fingerprint', async () => {
    const url = urlOf(mutual);
    const as = (name: string) => ({ cert: pem(`${name}.crt`), key: pem(`${name}.key`) });
    const login = (name: string) =>
      request(`${url}/api/auth/login`, {
        ...as(name),
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'admin', password: ADMIN_PASSWORD }),
      });
    const withOwn = await login('admin');
    expect(withOwn.status, withOwn.body).toBe(200);
    const refused = await login('client');
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body).error.code).toBe('client_certificate_mismatch');
    // The admin's session cookie is of no use from a computer with another person's certificate.
    const cookie = (withOwn.headers['set-cookie'] ?? [])[0]?.split(';')[0] ?? '';
    const csrf = (JSON.parse(withOwn.body) as { csrfToken: string }).csrfToken;
    const me = await request(`${url}/api/auth/me`, { ...as('client'), headers: { cookie } });
    expect(me.status).toBe(403);
    const fingerprint = new X509Certificate(pem('client.crt')).fingerprint256;
    const accountId = (JSON.parse(withOwn.body) as { user: { id: number } }).user.id;
    const recorded = await request(`${url}/api/access/accounts/${accountId}/certificate`, {
      ...as('admin'),
      method: 'PUT',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ fingerprint }),
    });
    expect(recorded.status, recorded.body).toBe(200);
    expect((await login('client')).status).toBe(200);
  });
});
