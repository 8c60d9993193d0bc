import { once } from 'node:events';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { testConfig, useTestEnv } from '../../../../test/harness.ts';
import { caseRole, openCase, post, settle, staffMember } from '../../../../test/notification-fixtures.ts';
import { SseClient } from '../../../../test/sse-client.ts';
import { buildApp } from '../../app.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { openServices } from '../../runtime.ts';
import type { NotificationItem } from './store.ts';
import { NotificationStream, type ReadNew } from './stream.ts';

interface NotificationEvent {
  items: NotificationItem[];
  unreadCount: number;
}

/** A stage's notification: by object and id, since a case may have the same id as a stage. */
const isStage = (recordId: number) => (item: NotificationItem) =>
  item.object === 'case_stage' && item.recordId === recordId;

const about = (recordId: number) => (event: { event: string; data: string }) =>
  event.event === 'notification' &&
  (JSON.parse(event.data) as NotificationEvent).items.some(isStage(recordId));

async function listen(app: AppInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  return `http://127.0.0.1:${address.port}`;
}

describe.each(DIALECTS)('live notification stream (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  let base = '';
  let role = 0;
  const clients: SseClient[] = [];
  beforeAll(async () => {
    await settle(env);
    role = await caseRole(env, 'all');
    base = await listen(env().app);
  });
  afterAll(async () => {
    for (const client of clients) await client.close();
  });
  const connect = async (cookie: string, headers: Record<string, string> = {}) => {
    const client = await SseClient.connect(`${base}/api/notifications/stream`, { cookie, ...headers });
    clients.push(client);
    return client;
  };
  const stage = async (caseId: number, note: string) => {
    const made = await post(env, 'case_stage', { case: caseId, at: new Date().toISOString(), note });
    await settle(env);
    return made;
  };

  it('sends the unread count on connect, then each new notification, and the count when read elsewhere', async () => {
    const lead = await staffMember(env, role);
    const watched = await openCase(env, 'Live', lead.employeeId);
    await settle(env);
    const client = await connect(lead.account.session.cookie);
    const hello = await client.next((e) => e.event === 'unread');
    // "You are responsible for…" from opening the case.
    expect(JSON.parse(hello.data)).toEqual({ unreadCount: 1 });
    expect(client.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');

    const made = await stage(watched.id, 'Happening now');
    const event = await client.next(about(made.id));
    const payload = JSON.parse(event.data) as NotificationEvent;
    expect(payload.unreadCount).toBe(2);
    expect(payload.items).toHaveLength(1);
    expect(payload.items[0]).toMatchObject({
      kind: 'case.stage',
      body: expect.stringContaining('Happening now'),
    });
    expect(event.id).toBe(String(payload.items[0]?.id));

    const read = await env().api('POST', '/api/notifications/read', { all: true }, lead.account.session);
    expect(read.statusCode, read.body).toBe(200);
    await client.next((e) => e.event === 'unread' && JSON.parse(e.data).unreadCount === 0);

    // Away for a while: reconnecting with the last id gets what came meanwhile.
    await client.close();
    const missed = await stage(watched.id, 'While you were away');
    const again = await connect(lead.account.session.cookie, { 'last-event-id': String(event.id) });
    await again.next(about(missed.id));
  });

  it('refuses a stream without a session', async () => {
    await expect(SseClient.connect(`${base}/api/notifications/stream`, {})).rejects.toThrow(/401/);
  });
});

// An empty list under KARTOTEKA_TEST_PG=off: the block is not defined at all, rather than skipped.
const onPostgres = DIALECTS.filter((d) => d === 'postgres');
describe.each(onPostgres)('notification stream across instances (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  let second: AppServices | undefined;
  let secondApp: AppInstance | undefined;
  afterAll(async () => {
    await secondApp?.close();
    await second?.dialect.close();
  });

  it('reaches a client of instance B when instance A makes the notification, and ends with B', async () => {
    await settle(env);
    const role = await caseRole(env, 'all');
    const lead = await staffMember(env, role);
    const watched = await openCase(env, 'Two instances', lead.employeeId);
    // Instance B: its own services and app on the same database, as a second server would be.
    second = await openServices(testConfig(env().databaseConfig));
    secondApp = await buildApp(second, { logger: false });
    const client = await SseClient.connect(`${await listen(secondApp)}/api/notifications/stream`, {
      cookie: lead.account.session.cookie,
    });
    await client.next((e) => e.event === 'unread');
    // Written through instance A, whose consumer makes the notification and signals.
    const made = await post(env, 'case_stage', {
      case: watched.id,
      at: new Date().toISOString(),
      note: 'From A',
    });
    await settle(env);
    const event = await client.next(about(made.id));
    // One event may bring several notifications (the case's "assigned" one too, when late).
    const items = (JSON.parse(event.data) as NotificationEvent).items;
    expect(items.find(isStage(made.id))?.body).toContain('From A');
    // Long after B's stream started: only A's signal, through PostgreSQL, can bring this one.
    const later = await post(env, 'case_stage', {
      case: watched.id,
      at: new Date().toISOString(),
      note: 'Later',
    });
    await settle(env);
    await client.next(about(later.id));
    // B stops with a stream open: the stream ends and the server closes.
    await secondApp.close();
    secondApp = undefined;
    await client.end();
  });
});

describe('a stream whose client does not read', () => {
  const log = { info: () => undefined, warn: () => undefined };
  const item = (id: number): NotificationItem => ({
    id,
    kind: 'case.stage',
    title: `Notification ${id}`,
    body: 'x'.repeat(200),
    object: 'case_stage',
    recordId: id,
    actor: null,
    createdAt: new Date(0).toISOString(),
    readAt: null,
  });

  /** A socket that accepts writes only when the test says so. */
  function stalledSocket() {
    const pending: Array<() => void> = [];
    const written: string[] = [];
    const socket = new Writable({
      highWaterMark: 16,
      write(chunk: Buffer, _encoding, callback) {
        written.push(chunk.toString());
        pending.push(() => callback());
      },
    });
    return {
      socket,
      written,
      release: () => {
        for (const done of pending.splice(0)) done();
      },
    };
  }

  it('coalesces wakes while the socket is full, reads once when it drains, and holds at most one event', async () => {
    const { socket, written, release } = stalledSocket();
    const reads: number[] = [];
    let readDone: () => void = () => undefined;
    const read: ReadNew = async (afterId) => {
      reads.push(afterId);
      const result = { items: [item(afterId + 1)], unreadCount: afterId + 1 };
      readDone();
      return result;
    };
    const stream = new NotificationStream(socket, read, 0, 0, log, {
      pageSize: 50,
      stallMs: 60_000,
      maxBufferedBytes: 100_000,
    });
    stream.start();
    // The greeting fills the 16-byte buffer: from now on wakes only set a flag.
    for (let i = 0; i < 1000; i++) stream.wake();
    expect(reads).toEqual([]);
    expect(socket.writableLength).toBeLessThan(200);
    const readOnce = new Promise<void>((resolve) => {
      readDone = resolve;
    });
    release();
    await readOnce;
    await new Promise((resolve) => setImmediate(resolve));
    // A thousand wakes, one read, one event queued.
    expect(reads).toEqual([0]);
    expect(written.filter((chunk) => chunk.includes('event: notification'))).toHaveLength(1);
    stream.close();
    release();
  });

  it('drops a client that does not read for too long, and one whose buffer grows past the limit', async () => {
    const stalled = stalledSocket();
    const quiet = new NotificationStream(
      stalled.socket,
      async () => ({ items: [], unreadCount: 0 }),
      0,
      0,
      log,
      {
        pageSize: 50,
        stallMs: 0,
        maxBufferedBytes: 100_000,
      },
    );
    quiet.start();
    await once(stalled.socket, 'close');
    expect(stalled.socket.destroyed).toBe(true);

    const flooded = stalledSocket();
    const big = new NotificationStream(
      flooded.socket,
      async (afterId) => ({
        items: Array.from({ length: 50 }, (_, i) => item(afterId + i + 1)),
        unreadCount: 0,
      }),
      0,
      0,
      log,
      { pageSize: 50, stallMs: 60_000, maxBufferedBytes: 1_000 },
    );
    big.wake();
    await once(flooded.socket, 'close');
    expect(flooded.socket.destroyed).toBe(true);
  });
});
