import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { ensureAdmin } from '../src/server/access/users.ts';
import { buildApp } from '../src/server/app.ts';
import { type AppConfig, loadConfig } from '../src/server/config.ts';
import type { Dialect } from '../src/server/db/dialects/dialect.ts';
import type { AppInstance, AppServices } from '../src/server/http/types.ts';
import { openServices } from '../src/server/runtime.ts';
import { createTestDatabase, type DialectUnderTest, type TestDatabase } from './databases.ts';

export const ADMIN_PASSWORD = 'correct-horse-battery';

export interface Session {
  cookie: string;
  csrfToken: string;
}

export interface TestEnv {
  dialect: DialectUnderTest;
  /** Where the test database is, for tests that open a second connection (a second instance). */
  databaseConfig: AppConfig['database'];
  services: AppServices;
  app: AppInstance;
  admin: Session;
  /** Sends a request as a logged-in browser would (cookie + CSRF header on writes). */
  api(method: string, url: string, body?: unknown, session?: Session): Promise<LightMyRequestResponse>;
  login(login: string, password: string): Promise<Session>;
}

export function testConfig(database: AppConfig['database']): AppConfig {
  return { ...loadConfig({}), database, logLevel: 'silent' };
}

/** Builds a fresh database and app for a `describe` block and tears it down afterwards. */
export function useTestEnv(dialect: DialectUnderTest, options: { now?: () => Date } = {}): () => TestEnv {
  let env: TestEnv | undefined;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const services = await openServices(testConfig(database.config), { now: options.now });
    await ensureAdmin(services.dialect, ADMIN_PASSWORD, new Date());
    const app = await buildApp(services, { logger: false });
    await app.ready();
    const login = async (name: string, password: string): Promise<Session> => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: name, password },
      });
      if (response.statusCode !== 200)
        throw new Error(`login failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'kt_session');
      if (!cookie) throw new Error('no session cookie');
      return {
        cookie: `kt_session=${cookie.value}`,
        csrfToken: (response.json() as { csrfToken: string }).csrfToken,
      };
    };
    const admin = await login('admin', ADMIN_PASSWORD);
    env = {
      dialect,
      databaseConfig: database.config,
      services,
      app,
      admin,
      login,
      api: (method, url, body, session = admin) =>
        app.inject({
          method: method as 'GET',
          url,
          headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
          ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
        }),
    };
  }, 60_000);
  afterAll(async () => {
    await env?.app.close();
    await env?.services.dialect.close();
    await database?.drop();
  });
  return () => {
    if (!env) throw new Error('test environment not ready');
    return env;
  };
}

/** A fresh, migrated database without the app around it, for tests of the data layer itself. */
export function useTestDialect(dialect: DialectUnderTest): () => Dialect {
  let database: TestDatabase | undefined;
  let opened: Dialect | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    opened = (await openServices(testConfig(database.config))).dialect;
  });
  afterAll(async () => {
    await opened?.close();
    await database?.drop();
  });
  return () => {
    if (!opened) throw new Error('test database not ready');
    return opened;
  };
}
