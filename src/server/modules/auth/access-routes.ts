import { z } from 'zod';
import { logSecurityEvent } from '../../access/security-log.ts';
import { endSession, listSessions, SESSION_COOKIE } from '../../access/sessions.ts';
import {
  createApiToken,
  DEFAULT_TOKEN_DAYS,
  listTokens,
  MAX_TOKEN_DAYS,
  revokeToken,
  tokenExpiry,
} from '../../access/tokens.ts';
import { errors } from '../../errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { createdTokenSchema, sessionListSchema, tokenListSchema } from './schema.ts';

const sessionParams = z.object({ id: z.string().min(1).max(64) });
const tokenParams = z.object({ id: z.string().regex(/^\d{1,15}$/, 'must be a token id') });

/**
 * The caller's own ways in: browser sessions and API tokens. Only ever the caller's own: an id
 * of someone else's session or token answers 404, exactly like an id that does not exist.
 */
export async function accessRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const db = services.dialect.db;

  app.get(
    '/api/auth/sessions',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Your live sessions (browsers where you are logged in), most recently active first',
        response: { 200: sessionListSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (actor.kind !== 'user') throw errors.unauthorized();
      return { items: await listSessions(db, actor.userId, request.session?.id ?? null, services.now()) };
    },
  );

  app.delete(
    '/api/auth/sessions/:id',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'End one of your sessions (log that browser out); ending the current one is a logout',
        params: sessionParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.kind !== 'user') throw errors.unauthorized();
      const ended = await endSession(db, actor.userId, request.params.id);
      if (!ended) throw errors.notFound('No such session');
      await logSecurityEvent(db, {
        kind: 'session_ended',
        accountId: actor.userId,
        login: actor.login,
        ip: request.ip,
        details: { session: request.params.id, reason: 'ended_by_user' },
        at: services.now(),
      });
      if (ended === request.session?.id) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/tokens',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Your API tokens, newest first, revoked and expired ones included (never the secret)',
        response: { 200: tokenListSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (actor.kind !== 'user') throw errors.unauthorized();
      return { items: await listTokens(db, actor.userId) };
    },
  );

  app.post(
    '/api/auth/tokens',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: `Create an API token for integrations (shown once); use it as Authorization: Bearer …. It expires after expiresInDays (default ${DEFAULT_TOKEN_DAYS}, at most ${MAX_TOKEN_DAYS}); a password change revokes it`,
        body: z.object({
          name: z.string().trim().min(1).max(100),
          expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).optional(),
        }),
        response: { 201: createdTokenSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.kind !== 'user') throw errors.unauthorized();
      // A leaked token must not be able to mint more of itself: tokens come from a logged-in person.
      if (!request.session)
        throw errors.forbidden('API tokens are created from a logged-in session, not with a token');
      const now = services.now();
      const expiresAt = tokenExpiry(now, request.body.expiresInDays);
      const created = await createApiToken(db, actor.userId, request.body.name, expiresAt, now);
      await logSecurityEvent(db, {
        kind: 'token_created',
        accountId: actor.userId,
        login: actor.login,
        ip: request.ip,
        details: { tokenId: created.id, name: created.name, expiresAt },
        at: now,
      });
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/auth/tokens/:id',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Revoke one of your API tokens: it stops working at once (revoking twice is harmless)',
        params: tokenParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.kind !== 'user') throw errors.unauthorized();
      const now = services.now();
      const tokenId = Number(request.params.id);
      const outcome = await revokeToken(db, actor.userId, tokenId, now);
      if (outcome === 'unknown') throw errors.notFound('No such token');
      if (outcome === 'revoked') {
        await logSecurityEvent(db, {
          kind: 'token_revoked',
          accountId: actor.userId,
          login: actor.login,
          ip: request.ip,
          details: { tokenId, reason: 'revoked_by_user' },
          at: now,
        });
      }
      return reply.status(204).send(null);
    },
  );
}
