import { z } from 'zod';
import type { Actor } from '../../access/actor.ts';
import { errors } from '../../errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { signalRecipients } from './consumer.ts';
import { NotificationHub } from './hub.ts';
import { CHANNELS, NOTIFICATION_KINDS } from './kinds.ts';
import {
  listNotifications,
  MAX_PAGE,
  markRead,
  newestId,
  notificationsAfter,
  readPreferences,
  unreadCount,
  writePreferences,
} from './store.ts';
import { DEFAULT_LIMITS, NotificationStream } from './stream.ts';

const item = z.object({
  id: z.number(),
  kind: z.string().describe(`One of ${NOTIFICATION_KINDS.join(', ')}`),
  title: z.string().describe("In the recipient's language, as it was when the notification was made"),
  body: z.string(),
  object: z.string().describe('The record it is about: open /records/<object>/<recordId>'),
  recordId: z.number(),
  actor: z.object({ id: z.number(), name: z.string() }).nullable().describe('Who made the change'),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

const preferences = z.object({
  preferences: z.array(z.object({ kind: z.enum(NOTIFICATION_KINDS), channel: z.enum(CHANNELS) }).strict()),
});

/** Notifications are a user's own: the system actor has none, and no route is run as it. */
function userOf(request: Parameters<typeof actorOf>[0]): Extract<Actor, { kind: 'user' }> {
  const actor = actorOf(request);
  if (actor.kind !== 'user') throw errors.forbidden('Notifications belong to user accounts');
  return actor;
}

/** A user's notifications: list, mark read, preferences, and the live stream. */
export async function notificationRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const db = services.dialect.db;
  const hub = new NotificationHub(services.dialect);
  // Open streams would keep the server from closing: they end before it does.
  app.addHook('preClose', async () => hub.close());
  services.metrics.gauge(
    'kartoteka_sse_clients',
    'Open live notification streams (SSE) of this instance',
    [],
    async () => [{ labels: {}, value: hub.size }],
  );

  app.get(
    '/api/notifications',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary:
          "The caller's notifications, newest first, paged by keyset (cursor: nextCursor of the last page)",
        querystring: z.object({
          unread: z.enum(['0', '1', 'true', 'false']).optional().describe('1: unread ones only'),
          limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(30),
          cursor: z
            .string()
            .regex(/^\d{1,15}$/, 'must be the nextCursor of an earlier page')
            .optional(),
        }),
        response: {
          200: z.object({ items: z.array(item), unreadCount: z.number(), nextCursor: z.string().nullable() }),
        },
      },
    },
    async (request) => {
      const user = userOf(request);
      const { unread, limit, cursor } = request.query;
      const page = await listNotifications(db, user.userId, user.locale, {
        unreadOnly: unread === '1' || unread === 'true',
        limit,
        before: cursor === undefined ? null : Number(cursor),
      });
      return { ...page, unreadCount: await unreadCount(db, user.userId) };
    },
  );

  app.post(
    '/api/notifications/read',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary:
          'Marks notifications read: the listed ones ({ids}) or every one ({all: true}); others’ ids change nothing',
        body: z
          .object({
            ids: z.array(z.number().int().positive()).min(1).max(1000).optional(),
            all: z.literal(true).optional(),
          })
          .strict(),
        response: { 200: z.object({ unreadCount: z.number() }) },
      },
    },
    async (request) => {
      const user = userOf(request);
      const { ids, all } = request.body;
      if ((ids === undefined) === (all === undefined)) {
        throw errors.badRequest('Send either {"ids": [...]} or {"all": true}, not both and not neither');
      }
      await markRead(db, user.userId, all ? { all: true } : { ids: ids ?? [] }, services.now().toISOString());
      // The user's other tabs and devices update their count.
      await signalRecipients(services.dialect, [user.userId]).catch((error: unknown) =>
        request.log.warn({ err: error }, 'notification signal failed'),
      );
      return { unreadCount: await unreadCount(db, user.userId) };
    },
  );

  app.get(
    '/api/notifications/preferences',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'How the caller wants each kind of notification delivered (defaults filled in)',
        response: { 200: preferences },
      },
    },
    async (request) => ({ preferences: await readPreferences(db, userOf(request).userId) }),
  );

  app.put(
    '/api/notifications/preferences',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary:
          'Sets the channel of the listed kinds (app, email, both, digest, none); kinds not listed keep theirs. Answers with every kind',
        body: preferences.strict(),
        response: { 200: preferences },
      },
    },
    async (request) => {
      const user = userOf(request);
      const seen = new Set<string>();
      for (const { kind } of request.body.preferences) {
        if (seen.has(kind)) throw errors.badRequest(`preferences: kind "${kind}" is listed twice`);
        seen.add(kind);
      }
      await writePreferences(db, user.userId, request.body.preferences, services.now().toISOString());
      return { preferences: await readPreferences(db, user.userId) };
    },
  );

  app.get(
    '/api/notifications/stream',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary:
          'Server-Sent Events: `unread` ({unreadCount}) on connect and when only the count changes, `notification` ({items, unreadCount}, id: the newest id) for new ones, a comment every 25 s. Reconnect with Last-Event-ID to get what was missed',
        headers: z.looseObject({
          'last-event-id': z
            .string()
            .regex(/^\d{1,15}$/)
            .optional(),
        }),
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const resumeFrom = request.headers['last-event-id'];
      const lastId = resumeFrom === undefined ? await newestId(db, user.userId) : Number(resumeFrom);
      const unread = await unreadCount(db, user.userId);
      reply.hijack();
      const response = reply.raw;
      // Headers set so far (security headers) go along; hijacked, Fastify sends nothing itself.
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (value !== undefined) response.setHeader(name, value);
      }
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // nginx would otherwise buffer the stream and deliver events minutes late.
        'x-accel-buffering': 'no',
      });
      // HEAD (Fastify answers it with the GET handler): the headers, then nothing to stream.
      if (request.method === 'HEAD') {
        response.end();
        return;
      }
      const read = async (afterId: number) => ({
        items: await notificationsAfter(db, user.userId, user.locale, afterId, DEFAULT_LIMITS.pageSize),
        unreadCount: await unreadCount(db, user.userId),
      });
      const stream = new NotificationStream(response, read, lastId, unread, request.log);
      stream.start();
      try {
        const unsubscribe = await hub.subscribe(user.userId, stream);
        stream.onDispose = unsubscribe;
        // Gone while subscribing: nothing will call onDispose any more.
        if (response.destroyed || response.writableEnded) unsubscribe();
      } catch (error) {
        request.log.warn({ err: error }, 'notification stream could not subscribe');
        stream.close();
        return;
      }
      // Anything made between reading the start and subscribing (or missed before a reconnect).
      stream.wake();
    },
  );
}
