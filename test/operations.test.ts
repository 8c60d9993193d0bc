import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, DEFAULT_TEST_PG, DIALECTS, type TestDatabase } from './databases.ts';
import { killHard, loginOverHttp, type ServerProcess, spawnServer } from './server-process.ts';
import { SseClient } from './sse-client.ts';

const PASSWORD = 'operations-password-1';
const CLI = path.resolve(import.meta.dirname, '../src/server/cli.ts');

function serverEnv(database: TestDatabase): Record<string, string> {
  return {
    ...(database.config.kind === 'sqlite'
      ? { KARTOTEKA_DATA: path.dirname(database.config.file) }
      : { DATABASE_URL: database.config.url }),
    KARTOTEKA_ADMIN_PASSWORD: PASSWORD,
    KARTOTEKA_DEMO: '0',
    KARTOTEKA_LOG_LEVEL: 'info',
  };
}

const exited = (server: ServerProcess) =>
  new Promise<number | null>((resolve) => {
    if (server.child.exitCode !== null) resolve(server.child.exitCode);
    else server.child.once('exit', (code) => resolve(code));
  });

/** A write whose body arrives in two halves: it is in flight for as long as the test likes. */
function slowCreate(url: string, headers: Record<string, string>, name: string) {
  const body = Buffer.from(JSON.stringify({ name }));
  const request = http.request(`${url}/api/records/company`, {
    method: 'POST',
    headers: { ...headers, 'content-length': String(body.length) },
  });
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('error', reject);
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
  });
  request.write(body.subarray(0, 10));
  return { answered, finish: () => request.end(body.subarray(10)) };
}

async function ready(url: string) {
  const response = await fetch(`${url}/api/health/ready`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe.each(DIALECTS)('running the server (%s)', (dialect) => {
  it('shuts down on SIGTERM: the request in flight is answered, streams end, the exit is clean', async () => {
    const database = await createTestDatabase(dialect);
    const server = await spawnServer(serverEnv(database));
    try {
      expect(await ready(server.url)).toEqual({
        status: 200,
        body: { ready: true, database: 'reachable', migrations: 'done', jobs: 'running' },
      });
      const headers = await loginOverHttp(server.url, 'admin', PASSWORD);
      const stream = await SseClient.connect(`${server.url}/api/notifications/stream`, {
        cookie: headers.cookie ?? '',
      });
      const write = slowCreate(server.url, headers, 'Wysłane przed zamknięciem');
      // The headers are in, the body is not: the request is in flight.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const exit = exited(server);
      server.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 300));
      write.finish();
      const answer = await write.answered;
      expect(answer.status, answer.body).toBe(201);
      await stream.end();
      expect(await exit).toBe(0);

      // Every log line is JSON; those of a request carry its id.
      const lines = server
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { reqId?: string; msg?: string; req?: { url?: string } });
      const login = lines.find((line) => line.req?.url === '/api/auth/login');
      expect(login?.reqId).toMatch(/^[0-9a-f-]{36}$/);
      expect(lines.filter((line) => line.reqId === login?.reqId).length).toBeGreaterThanOrEqual(2);
      expect(lines.some((line) => line.msg === 'SIGTERM: stopped')).toBe(true);
    } finally {
      await killHard(server);
      await database.drop();
    }
  });
});

/**
 * A server on a PostgreSQL database of its own that the test can take away and give back, as
 * a restart does: every connection is cut and new ones are refused until `bringBack`.
 */
async function serverOnAWaywardDatabase(dialect: 'sqlite' | 'postgres') {
  const database = await createTestDatabase(dialect);
  if (database.config.kind !== 'postgres') throw new Error('PostgreSQL only');
  const url = database.config.url;
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: process.env.KARTOTEKA_TEST_PG || DEFAULT_TEST_PG });
  await admin.connect();
  const server = await spawnServer(serverEnv(database));
  const allow = (allowed: boolean) => admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS ${allowed}`);
  return {
    server,
    url,
    takeAway: async () => {
      await allow(false);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
    },
    bringBack: () => allow(true),
    close: async () => {
      await killHard(server);
      await allow(true);
      await admin.end();
      await database.drop();
    },
  };
}

/** Only PostgreSQL can be away while the server runs: SQLite is a file inside it. */
describe.each(DIALECTS.filter((dialect) => dialect === 'postgres'))(
  'a database that goes away (%s)',
  (dialect) => {
    it('reports not ready while the database refuses connections, and ready again after, losing nothing', async () => {
      const database = await serverOnAWaywardDatabase(dialect);
      const { server } = database;
      try {
        const headers = await loginOverHttp(server.url, 'admin', PASSWORD);
        const create = (companyName: string) =>
          fetch(`${server.url}/api/records/company`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ name: companyName }),
          });
        expect((await create('Przed awarią')).status).toBe(201);

        // As when PostgreSQL restarts: every connection is cut and new ones are refused.
        await database.takeAway();
        expect(await ready(server.url)).toEqual({
          status: 503,
          body: { ready: false, database: 'unreachable', migrations: 'unknown', jobs: 'running' },
        });
        const during = await create('W czasie awarii');
        // Refused cleanly: another instance, or this one in a moment, may take it.
        expect(during.status).toBe(503);
        expect(((await during.json()) as { error: { code: string } }).error.code).toBe(
          'database_unavailable',
        );

        await database.bringBack();
        expect((await ready(server.url)).status).toBe(200);
        expect((await create('Po awarii')).status).toBe(201);
        const names = await fetch(`${server.url}/api/records/company?fields=name&sort=name`, { headers });
        const items = ((await names.json()) as { items: Array<{ name: string }> }).items.map(
          (item) => item.name,
        );
        expect(items).toEqual(['Po awarii', 'Przed awarią']);
      } finally {
        await database.close();
      }
    });

    it('under load: requests in flight when PostgreSQL restarts fail cleanly, later ones succeed, nothing acknowledged is lost', async () => {
      const database = await serverOnAWaywardDatabase(dialect);
      const { server } = database;
      try {
        const headers = await loginOverHttp(server.url, 'admin', PASSWORD);
        const acknowledged = new Map<number, string>();
        const answers = new Map<string, number>();
        let writing = true;
        let afterOutage = 0;
        let back = false;
        const lane = async (n: number) => {
          for (let i = 0; writing; i++) {
            const companyName = `Obciążenie ${n}-${i}`;
            const response = await fetch(`${server.url}/api/records/company`, {
              method: 'POST',
              headers,
              body: JSON.stringify({ name: companyName }),
            });
            const body = (await response.json()) as { id?: number; error?: { code: string } };
            const outcome = response.status === 201 ? '201' : `${response.status} ${body.error?.code}`;
            answers.set(outcome, (answers.get(outcome) ?? 0) + 1);
            if (response.status === 201 && body.id) {
              acknowledged.set(body.id, companyName);
              if (back) afterOutage += 1;
            } else await new Promise((resolve) => setTimeout(resolve, 20));
          }
        };
        const lanes = [0, 1, 2, 3].map(lane);
        while (acknowledged.size < 20) await new Promise((resolve) => setTimeout(resolve, 10));
        await database.takeAway();
        await new Promise((resolve) => setTimeout(resolve, 500));
        await database.bringBack();
        back = true;
        const waitUntil = Date.now() + 20_000;
        while (afterOutage < 20 && Date.now() < waitUntil)
          await new Promise((resolve) => setTimeout(resolve, 10));
        // Writes go through again once PostgreSQL is back (they hung for good while cut
        // connections were handed out again).
        expect(afterOutage, JSON.stringify([...answers])).toBeGreaterThanOrEqual(20);
        writing = false;
        await Promise.all(lanes);

        // Nothing but successes and clean refusals; the outage was seen.
        const unexpected = server
          .output()
          .split('\n')
          .filter((line) => line.includes('unhandled error'))
          .map((line) => (JSON.parse(line) as { err?: { message?: string } }).err?.message);
        expect([...answers.keys()].sort(), JSON.stringify(unexpected)).toEqual([
          '201',
          '503 database_unavailable',
        ]);
        const check = new pg.Client({ connectionString: database.url });
        await check.connect();
        try {
          const rows = await check.query<{ id: string; name: string }>('SELECT id, name FROM company');
          const found = new Map(rows.rows.map((row) => [Number(row.id), row.name]));
          const lost = [...acknowledged].filter(([id, companyName]) => found.get(id) !== companyName);
          expect(lost).toEqual([]);
        } finally {
          await check.end();
        }
      } finally {
        await database.close();
      }
    }, 60_000);
  },
);

/** `kartoteka <args>` as an administrator runs it; resolves with what it printed and its exit code. */
function cli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.each(DIALECTS)('backups from the command line (%s)', (dialect) => {
  it('backs up a serving installation and restores it elsewhere, refusing to overwrite data', async () => {
    const source = await createTestDatabase(dialect);
    const target = await createTestDatabase(dialect);
    const backups = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-cli-backups-'));
    const server = await spawnServer(serverEnv(source));
    try {
      const headers = await loginOverHttp(server.url, 'admin', PASSWORD);
      const created = await fetch(`${server.url}/api/records/company`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: 'Zapisana przed kopią' }),
      });
      expect(created.status).toBe(201);

      const backup = await cli(['backup', '--to', backups], serverEnv(source));
      expect(backup.code, backup.stderr).toBe(0);
      const file = backup.stdout.trim();
      expect(path.dirname(file)).toBe(backups);
      expect(path.basename(file)).toMatch(/^kartoteka-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.tar$/);

      const restored = await cli(['restore', file], serverEnv(target));
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stdout).toMatch(/^Restored the backup of /);
      const again = await cli(['restore', file], serverEnv(target));
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/already holds data.*--force.*Nothing was changed/s);
    } finally {
      await killHard(server);
      fs.rmSync(backups, { recursive: true, force: true });
      await source.drop();
      await target.drop();
    }
    // A server and three command-line runs, each a Node process that loads the whole product
    // through tsx (5–8 s apiece beside the other test worker): about 30 s on CI, no margin
    // under the default limit.
  }, 120_000);
});
