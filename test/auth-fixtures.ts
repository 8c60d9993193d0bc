import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { SESSION_COOKIE } from '../src/server/access/sessions.ts';
import { setPassword } from '../src/server/access/users.ts';
import type { Session } from './harness.ts';
import { count, type EnvGetter } from './record-fixtures.ts';

export interface LoginBody {
  user: { id: number; login: string; role: string; locale: string; timeZone: string };
  csrfToken: string;
  expiresAt: string;
}

export interface TokenBody {
  id: number;
  name: string;
  token: string;
  expiresAt: string | null;
  createdAt: string;
}

/** The token inside a `kt_session=…` cookie header. */
export function tokenOf(session: Session): string {
  return session.cookie.slice(`${SESSION_COOKIE}=`.length);
}

let addresses = 0;
/** A client address of its own, so the per-address login throttle of one test never reaches another. */
export function freshAddress(): string {
  addresses += 1;
  return `10.77.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}`;
}

/** POST /api/auth/login without any session, optionally from a given address or with a cookie. */
export function login(
  env: EnvGetter,
  name: string,
  password: string,
  options: { remoteAddress?: string; cookie?: string } = {},
): Promise<LightMyRequestResponse> {
  return env().app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login: name, password },
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
    ...(options.cookie ? { headers: { cookie: options.cookie } } : {}),
  });
}

/** GET /api/auth/me with exactly the given headers. */
export function me(env: EnvGetter, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return env().app.inject({ method: 'GET', url: '/api/auth/me', headers });
}

/** Row counts of the tables a record write touches. */
export async function writeCounts(env: EnvGetter): Promise<Record<string, number>> {
  return {
    company: await count(env, 'company'),
    record_history: await count(env, 'record_history'),
    outbox_event: await count(env, 'outbox_event'),
  };
}

let users = 0;
/** A new login with a known password, created through the API as an administrator would. */
export async function createUser(env: EnvGetter, password: string): Promise<{ id: number; login: string }> {
  users += 1;
  const name = `user-${env().dialect}-${users}-${Date.now().toString(36)}`;
  const created = await env().api('POST', '/api/records/user_account', { login: name });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json<{ id: number }>().id;
  await setPassword(env().services.dialect.db, id, password);
  return { id, login: name };
}

export async function createToken(env: EnvGetter, name = 'integration'): Promise<TokenBody> {
  const response = await env().api('POST', '/api/auth/tokens', { name });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TokenBody>();
}
