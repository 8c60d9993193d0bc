import { createHash, randomBytes } from 'node:crypto';
import type { Db, Dialect } from '../db/dialects/dialect.ts';
import { type UserRow, userFromRow } from './users.ts';

export const SESSION_COOKIE = 'kt_session';
/** Sliding expiry is refreshed at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export interface SessionRow {
  id: string;
  userId: number;
  csrfToken: string;
  expiresAt: string;
}

/** A new session; the cookie holds the token, the database only its hash. */
export async function createSession(
  db: Db,
  userId: number,
  ttlMs: number,
  meta: { ip: string; userAgent: string | undefined },
  now: Date,
): Promise<{ token: string; csrfToken: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  await db
    .insertInto('session')
    .values({
      id: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      last_seen_at: now.toISOString(),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/**
 * The live session for a cookie token with its (active, not deleted) user, in one query: it
 * runs on every request. An expired session is removed and reported as absent.
 */
export async function findSession(
  dialect: Dialect,
  token: string,
  ttlMs: number,
  now: Date,
): Promise<{ session: SessionRow; user: UserRow } | null> {
  const id = hashToken(token);
  const row = await dialect.db
    .selectFrom('session as s')
    .innerJoin('user_account as u', 'u.id', 's.user_id')
    .select([
      's.csrf_token',
      's.expires_at',
      's.last_seen_at',
      'u.id',
      'u.login',
      'u.role',
      'u.locale',
      'u.time_zone',
      'u.employee_id',
    ])
    .where('s.id', '=', id)
    .where('u.deleted_at', 'is', null)
    .where('u.active', '=', dialect.encodeBoolean(true))
    .executeTakeFirst();
  if (!row) return null;
  if (Date.parse(String(row.expires_at)) <= now.getTime()) {
    await dialect.db.deleteFrom('session').where('id', '=', id).execute();
    return null;
  }
  let expiresAt = String(row.expires_at);
  if (now.getTime() - Date.parse(String(row.last_seen_at)) > TOUCH_INTERVAL_MS) {
    expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    await dialect.db
      .updateTable('session')
      .set({ last_seen_at: now.toISOString(), expires_at: expiresAt })
      .where('id', '=', id)
      .execute();
  }
  const user = userFromRow({ ...row, password_hash: null });
  return { session: { id, userId: user.id, csrfToken: String(row.csrf_token), expiresAt }, user };
}

export async function destroySession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', hashToken(token)).execute();
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('session')
    .where('expires_at', '<', now.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
