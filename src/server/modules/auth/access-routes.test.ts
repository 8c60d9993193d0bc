import { describe, expect, it } from 'vitest';
import {
  createUser,
  freshAddress,
  login,
  securityEvents,
  sessionOf,
  type TokenBody,
  tokenOf,
} from '../../../../test/auth-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { type Session, useTestEnv } from '../../../../test/harness.ts';
import type { SessionInfo as SessionItem, TokenInfo as TokenItem } from '../../../shared/access/api.ts';
import { hashToken, SESSION_COOKIE } from '../../access/sessions.ts';
import { DEFAULT_TOKEN_DAYS } from '../../access/tokens.ts';

describe.each(DIALECTS)('own sessions and API tokens (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  async function person(password = 'sessions-and-tokens-pw') {
    const user = await createUser(env, password);
    const browser = (userAgent: string, remoteAddress = freshAddress()) =>
      login(env, user.login, password, { remoteAddress, userAgent }).then(sessionOf);
    return { ...user, password, browser };
  }

  const sessionsOf = async (session: Session) => {
    const response = await env().api('GET', '/api/auth/sessions', undefined, session);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: SessionItem[] }>().items;
  };
  const tokensOf = async (session: Session) => {
    const response = await env().api('GET', '/api/auth/tokens', undefined, session);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: TokenItem[] }>().items;
  };
  const newToken = async (session: Session, body: Record<string, unknown> = { name: 'sync' }) => {
    const response = await env().api('POST', '/api/auth/tokens', body, session);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<TokenBody>();
  };
  const bearerMe = (token: string) =>
    env().app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });

  it('lists the caller’s live sessions with an opaque id, and marks the current one', async () => {
    const user = await person();
    const address = freshAddress();
    const laptop = await user.browser('Laptop Firefox', address);
    const phone = await user.browser('Phone Safari');
    const someoneElse = await person();
    await someoneElse.browser('Not theirs');
    // An expired session is not live.
    const stale = await user.browser('Old tablet');
    await env()
      .services.dialect.db.updateTable('session')
      .set({ expires_at: new Date(Date.now() - 60_000).toISOString() })
      .where('id', '=', hashToken(tokenOf(stale)))
      .execute();

    const items = await sessionsOf(laptop);
    expect(items.map((s) => s.userAgent).sort()).toEqual(['Laptop Firefox', 'Phone Safari']);
    const current = items.find((s) => s.current);
    expect(current).toMatchObject({ userAgent: 'Laptop Firefox', ip: address });
    expect(items.filter((s) => s.current)).toHaveLength(1);
    for (const item of items) {
      expect(item.id).toMatch(/^[\w-]{16,}$/);
      expect(Date.parse(item.createdAt)).not.toBeNaN();
      expect(Date.parse(item.lastSeenAt)).not.toBeNaN();
      expect(Date.parse(item.expiresAt)).toBeGreaterThan(Date.now());
    }
    const secrets = [laptop, phone].flatMap((s) => [tokenOf(s), hashToken(tokenOf(s)), s.csrfToken]);
    const text = JSON.stringify(items);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect((await sessionsOf(phone)).find((s) => s.current)?.userAgent).toBe('Phone Safari');
  });

  it('ends one of the caller’s sessions; another user’s session id is 404 and stays alive', async () => {
    const user = await person();
    const laptop = await user.browser('Laptop');
    const phone = await user.browser('Phone');
    const other = await person();
    const theirs = await other.browser('Theirs');
    const phoneId = (await sessionsOf(laptop)).find((s) => s.userAgent === 'Phone')?.id;
    const theirId = (await sessionsOf(theirs)).find((s) => s.current)?.id;

    expectError(
      await env().api('DELETE', `/api/auth/sessions/${theirId}`, undefined, laptop),
      404,
      'not_found',
    );
    expectError(
      await env().api('DELETE', '/api/auth/sessions/made-up-id', undefined, laptop),
      404,
      'not_found',
    );
    expect((await env().api('GET', '/api/auth/me', undefined, theirs)).statusCode).toBe(200);

    const ended = await env().api('DELETE', `/api/auth/sessions/${phoneId}`, undefined, laptop);
    expect(ended.statusCode, ended.body).toBe(204);
    expectError(await env().api('GET', '/api/auth/me', undefined, phone), 401, 'session_expired');
    expect((await sessionsOf(laptop)).map((s) => s.userAgent)).toEqual(['Laptop']);
    expect((await securityEvents(env, user.login)).filter((e) => e.kind === 'session_ended')).toEqual([
      expect.objectContaining({ accountId: user.id, details: { session: phoneId, reason: 'ended_by_user' } }),
    ]);

    // Ending the current session is a logout: the cookie is cleared too.
    const ownId = (await sessionsOf(laptop))[0]?.id;
    const self = await env().api('DELETE', `/api/auth/sessions/${ownId}`, undefined, laptop);
    expect(self.statusCode).toBe(204);
    expect(self.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
    expectError(await env().api('GET', '/api/auth/me', undefined, laptop), 401, 'session_expired');
  });

  it('lists the caller’s tokens without secrets, revokes one, and 404s another user’s', async () => {
    const user = await person();
    const browser = await user.browser('Browser');
    const first = await newToken(browser, { name: 'first' });
    const second = await newToken(browser, { name: 'second', expiresInDays: 3650 });
    const other = await person();
    const theirs = await newToken(await other.browser('Other'), { name: 'theirs' });

    expect((await bearerMe(first.token)).statusCode).toBe(200);
    const items = await tokensOf(browser);
    expect(items.map((t) => t.name)).toEqual(['second', 'first']);
    expect(items.find((t) => t.name === 'first')).toMatchObject({
      revokedAt: null,
      lastUsedAt: expect.any(String),
    });
    const tenYears = (Date.parse(second.expiresAt ?? '') - Date.parse(second.createdAt)) / 86_400_000;
    expect(tenYears).toBe(3650);
    const text = JSON.stringify(items);
    for (const token of [first, second]) {
      expect(text).not.toContain(token.token);
      expect(text).not.toContain(hashToken(token.token));
    }
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(
      ['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'revokedAt'].sort(),
    );

    expectError(
      await env().api('DELETE', `/api/auth/tokens/${theirs.id}`, undefined, browser),
      404,
      'not_found',
    );
    expectError(await env().api('DELETE', '/api/auth/tokens/999999', undefined, browser), 404, 'not_found');
    expect((await bearerMe(theirs.token)).statusCode).toBe(200);

    const revoked = await env().api('DELETE', `/api/auth/tokens/${first.id}`, undefined, browser);
    expect(revoked.statusCode, revoked.body).toBe(204);
    expectError(await bearerMe(first.token), 401, 'invalid_token');
    expect((await bearerMe(second.token)).statusCode).toBe(200);
    expect((await tokensOf(browser)).find((t) => t.id === first.id)?.revokedAt).toEqual(expect.any(String));
    // Revoking again changes nothing and is not an error.
    expect((await env().api('DELETE', `/api/auth/tokens/${first.id}`, undefined, browser)).statusCode).toBe(
      204,
    );

    const kinds = (await securityEvents(env, user.login)).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'token_created')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'token_revoked')).toHaveLength(1);
    const used = await env()
      .services.dialect.db.selectFrom('security_event')
      .select('details')
      .where('kind', '=', 'token_used')
      .where('account_id', '=', user.id)
      .execute();
    expect(used.length).toBeGreaterThanOrEqual(1);
  });

  it('gives new tokens a default expiry and refuses one beyond ten years', async () => {
    const user = await person();
    const browser = await user.browser('Browser');
    const token = await newToken(browser, { name: 'default' });
    expect((Date.parse(token.expiresAt ?? '') - Date.parse(token.createdAt)) / 86_400_000).toBe(
      DEFAULT_TOKEN_DAYS,
    );
    expectError(
      await env().api('POST', '/api/auth/tokens', { name: 'forever', expiresInDays: 3651 }, browser),
      400,
      'validation_failed',
    );
  });

  it('revokes the tokens and ends the other sessions at a password change', async () => {
    const user = await person('before-change-password');
    const laptop = await user.browser('Laptop');
    const phone = await user.browser('Phone');
    const token = await newToken(laptop, { name: 'integration' });
    expect((await bearerMe(token.token)).statusCode).toBe(200);
    const changed = await env().api(
      'POST',
      '/api/auth/password',
      { currentPassword: 'before-change-password', newPassword: 'after-change-password' },
      laptop,
    );
    expect(changed.statusCode, changed.body).toBe(204);
    expectError(await bearerMe(token.token), 401, 'invalid_token');
    expectError(await env().api('GET', '/api/auth/me', undefined, phone), 401, 'session_expired');
    expect((await sessionsOf(laptop)).map((s) => s.userAgent)).toEqual(['Laptop']);
    expect((await tokensOf(laptop))[0]?.revokedAt).toEqual(expect.any(String));
    const events = await securityEvents(env, user.login);
    expect(events.find((e) => e.kind === 'password_changed')).toMatchObject({
      accountId: user.id,
      details: { sessionsEnded: 1, tokensRevoked: 1 },
    });
  });
});
