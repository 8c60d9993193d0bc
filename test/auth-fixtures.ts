import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { SESSION_COOKIE } from '../src/server/access/sessions.ts';
import { setPassword } from '../src/server/access/users.ts';
import type { Session } from './harness.ts';
import { count, type EnvGetter } from './record-fixtures.ts';

export interface LoginBody {
  user: { id: number; login: string; locale: string; timeZone: string };
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

/**
 * POST /api/auth/login without any session, optionally from a given address, with a cookie, or
 * with a two-factor code.
 */
export function login(
  env: EnvGetter,
  name: string,
  password: string,
  options: { remoteAddress?: string; cookie?: string; totp?: string; userAgent?: string } = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.userAgent) headers['user-agent'] = options.userAgent;
  return env().app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login: name, password, ...(options.totp === undefined ? {} : { totp: options.totp }) },
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
    headers,
  });
}

/** The session a successful login response set up, for `env().api(…, session)`. */
export function sessionOf(response: LightMyRequestResponse): Session {
  expect(response.statusCode, response.body).toBe(200);
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('no session cookie');
  return { cookie: `${SESSION_COOKIE}=${cookie.value}`, csrfToken: response.json<LoginBody>().csrfToken };
}

/** Rows of the security log about one login, oldest first, with details parsed on both dialects. */
export async function securityEvents(
  env: EnvGetter,
  login: string,
): Promise<Array<{ kind: string; accountId: number | null; ip: string | null; details: unknown }>> {
  const rows = await env()
    .services.dialect.db.selectFrom('security_event')
    .select(['kind', 'account_id', 'ip', 'details'])
    .where('login', '=', login)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    kind: String(row.kind),
    accountId: row.account_id === null ? null : Number(row.account_id),
    ip: (row.ip as string | null) ?? null,
    details: typeof row.details === 'string' ? (JSON.parse(row.details) as unknown) : row.details,
  }));
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
