import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import type { DatabaseConfig } from '../src/server/config.ts';

export type DialectUnderTest = 'sqlite' | 'postgres';

/** The server tests run against unless KARTOTEKA_TEST_PG says otherwise. */
export const DEFAULT_TEST_PG = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_PG = DEFAULT_TEST_PG;

/**
 * Every database test runs on both dialects. PostgreSQL is required (a missing server fails
 * the run, as on CI); KARTOTEKA_TEST_PG=off is an explicit opt-out for a machine without it.
 */
export const DIALECTS: DialectUnderTest[] =
  process.env.KARTOTEKA_TEST_PG === 'off' ? ['sqlite'] : ['sqlite', 'postgres'];

export interface TestDatabase {
  config: DatabaseConfig;
  drop(): Promise<void>;
}

/** A fresh, empty database of the given dialect, dropped by `drop()`. */
export async function createTestDatabase(dialect: DialectUnderTest): Promise<TestDatabase> {
  const name = `kt_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-test-'));
    return {
      config: { kind: 'sqlite', file: path.join(dir, `${name}.db`) },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.KARTOTEKA_TEST_PG || DEFAULT_PG;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    config: { kind: 'postgres', url: url.toString() },
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await waitForSessionsToEnd(client, name);
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * A closed pool has told its connections to go, but their server sessions may not have ended
 * yet; a FORCE drop at that moment terminates them and the client sees an error. Give them a
 * moment to leave on their own; FORCE then only deals with a test that forgot to close.
 */
async function waitForSessionsToEnd(client: pg.Client, database: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const result = await client.query<{ sessions: number }>(
      'SELECT count(*)::int AS sessions FROM pg_stat_activity WHERE datname = $1',
      [database],
    );
    if ((result.rows[0]?.sessions ?? 0) === 0) return;
    await delay(20);
  }
}
