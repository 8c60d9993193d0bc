import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, errors } from '../../errors.ts';
import { actorOf } from '../../http/auth.ts';
import { publicOrigin } from '../../http/origin.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { createFeed, feedText, listFeeds, revokeFeed } from './feeds.ts';

const tags = ['calendar'];

/**
 * Private iCalendar feeds of one's own calendar, which Google Calendar, Outlook and
 * Thunderbird subscribe to by URL: made and revoked by their owner; read by anyone holding the
 * link (it is the secret), as the owner, with the owner's rights as they are at each refresh.
 */
export async function calendarFeedRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const origin = (request: FastifyRequest) => publicOrigin(services.config, request);

  app.post(
    '/api/calendar/feeds',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'Publish my calendar as a private iCalendar feed: the token and the URL are shown once',
        description: '400 `no_employee` for an account without an employee (it has no calendar)',
        response: { 201: z.object({ id: z.number(), token: z.string(), url: z.string() }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.kind !== 'user' || actor.employeeId === null)
        throw new AppError(
          400,
          'no_employee',
          'Your account is not linked to an employee: it has no calendar',
        );
      const { id, token } = await createFeed(services.dialect.db, actor.userId, services.now());
      return reply.status(201).send({ id, token, url: `${origin(request)}/api/calendar/feed/${token}.ics` });
    },
  );

  app.get(
    '/api/calendar/feeds',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'My live feeds, newest first (their links were shown once, when each was made)',
        response: { 200: z.array(z.object({ id: z.number(), createdAt: z.string() })) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return actor.kind === 'user' ? listFeeds(services.dialect.db, actor.userId) : [];
    },
  );

  app.delete(
    '/api/calendar/feeds/:token',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'Revoke one of my feeds, named by its token or its id: its URL answers 404 from now on',
        params: z.object({ token: z.string().max(200) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.kind !== 'user') throw errors.forbidden('Only users have feeds');
      const revoked = await revokeFeed(
        services.dialect.db,
        actor.userId,
        request.params.token,
        services.now(),
      );
      if (!revoked) throw errors.notFound('No such feed of yours');
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/calendar/feed/:file',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary:
          'A private calendar feed (`<token>.ics`, text/calendar); unknown or revoked: 404, nothing more',
        params: z.object({ file: z.string().max(200) }),
        response: { 200: z.string().describe('text/calendar; charset=utf-8') },
      },
    },
    async (request, reply) => {
      const { file } = request.params;
      const text = file.endsWith('.ics')
        ? await feedText(services, file.slice(0, -4), origin(request))
        : null;
      if (text === null) throw errors.notFound('Not found');
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(text);
    },
  );
}
