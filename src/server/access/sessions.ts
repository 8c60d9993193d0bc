import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { SessionInfo } from '../../shared/access/api.ts';
import type { Db, Dialect } from '../db/dialects/dialect.ts';
import { type Membership, membershipColumns, membershipOf } from './rights.ts';
import { type UserRow, userFromRow } from './users.ts';

export const SESSION_COOKIE = 'kt_session';
/** Sliding expiry is refreshed at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export interface SessionRow {
  /** The hash of the cookie's token: the primary key, never shown to anyone. */
  id: string;
  /** An opaque random id for listing and ending sessions (`/api/auth/sessions`). */
  publicId: string;
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
): Promise<{ token: string; csrfToken: string; expiresAt: string; publicId: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const publicId = randomBytes(16).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  await db
    .insertInto('session')
    .values({
      id: hashToken(token),
      public_id: publicId,
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      last_seen_at: now.toISOString(),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt, publicId };
}

/**
 * The live session for a cookie token with its (active, not deleted) user and the user's
 * membership (the key of their cached rights), in one query: it runs on every request. An
 * expired session is removed and reported as absent.
 */
export async function findSession(
  dialect: Dialect,
  token: string,
  ttlMs: number,
  now: Date,
): Promise<{ session: SessionRow; user: UserRow; membership: Membership } | null> {
  const id = hashToken(token);
  const row = await dialect.db
    .selectFrom('session as s')
    .innerJoin('user_account as u', 'u.id', 's.user_id')
    .select([
      's.csrf_token',
      's.public_id',
      's.expires_at',
      's.last_seen_at',
      'u.id',
      'u.login',
      'u.locale',
      'u.time_zone',
      'u.employee_id',
      'u.client_certificate',
      'u.totp_secret',
      'u.require_totp',
      ...membershipColumns(dialect, sql.ref('u.employee_id')),
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
  return {
    session: {
      id,
      publicId: String(row.public_id),
      userId: user.id,
      csrfToken: String(row.csrf_token),
      expiresAt,
    },
    user,
    membership: membershipOf(row),
  };
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

/** A user's live sessions, newest activity first; `currentId` is the caller's own session (its hash). */
export async function listSessions(
  db: Db,
  userId: number,
  currentId: string | null,
  now: Date,
): Promise<SessionInfo[]> {
  const rows = await db
    .selectFrom('session')
    .select(['id', 'public_id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now.toISOString())
    .orderBy('last_seen_at', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: String(row.public_id),
    createdAt: instant(row.created_at),
    lastSeenAt: instant(row.last_seen_at),
    expiresAt: instant(row.expires_at),
    ip: (row.ip as string | null) ?? null,
    userAgent: (row.user_agent as string | null) ?? null,
    current: row.id === currentId,
  }));
}

/**
 * Ends one of the user's own sessions by its public id. Answers the ended session's hash (so the
 * caller can tell it was its own), or null when the user has no such session: another user's id
 * is as unknown as a made-up one.
 */
export async function endSession(db: Db, userId: number, publicId: string): Promise<string | null> {
  const row = await db
    .deleteFrom('session')
    .where('public_id', '=', publicId)
    .where('user_id', '=', userId)
    .returning('id')
    .executeTakeFirst();
  return row ? String(row.id) : null;
}

/** Ends every session of the user except one (the caller's, after a password change); answers how many. */
export async function endOtherSessions(db: Db, userId: number, keepId: string | null): Promise<number> {
  let query = db.deleteFrom('session').where('user_id', '=', userId);
  if (keepId) query = query.where('id', '<>', keepId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** One ISO form for both dialects' instants. */
function instant(value: unknown): string {
  return new Date(String(value)).toISOString();
}
