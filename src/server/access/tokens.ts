import { randomBytes } from 'node:crypto';
import type { TokenInfo } from '../../shared/access/api.ts';
import type { Db } from '../db/dialects/dialect.ts';
import { logSecurityEvent } from './security-log.ts';
import { hashToken } from './sessions.ts';

const TOKEN_PREFIX = 'kt_';
/** A token nobody gave an expiry still ends: a forgotten integration does not stay open for ever. */
export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 3650;
/** `last_used_at` (and the `token_used` log entry) is written at most this often per token. */
const USE_RECORD_INTERVAL_MS = 60_000;

/** Creates an API token; the secret is returned once and only its hash is kept. */
export async function createApiToken(
  db: Db,
  userId: number,
  name: string,
  expiresAt: string | null,
  now: Date,
): Promise<{ id: number; name: string; token: string; expiresAt: string | null; createdAt: string }> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const row = await db
    .insertInto('api_token')
    .values({
      user_id: userId,
      name,
      token_hash: hashToken(token),
      created_at: now.toISOString(),
      expires_at: expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), name, token, expiresAt, createdAt: now.toISOString() };
}

/** The expiry of a new token: `days` from now, or the default when none is asked for. */
export function tokenExpiry(now: Date, days: number | undefined): string {
  return new Date(now.getTime() + (days ?? DEFAULT_TOKEN_DAYS) * 86_400_000).toISOString();
}

/**
 * The user a bearer token belongs to, if the token is live. A use is recorded (last_used_at and
 * a `token_used` security event) at most once a minute per token, so a busy integration does not
 * turn every read into a write.
 */
export async function userIdForToken(db: Db, token: string, now: Date): Promise<number | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await db
    .selectFrom('api_token')
    .select(['id', 'user_id', 'name', 'expires_at', 'last_used_at'])
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  if (row.expires_at && Date.parse(String(row.expires_at)) <= now.getTime()) return null;
  const lastUsed = row.last_used_at ? Date.parse(String(row.last_used_at)) : 0;
  if (now.getTime() - lastUsed > USE_RECORD_INTERVAL_MS) {
    await db
      .updateTable('api_token')
      .set({ last_used_at: now.toISOString() })
      .where('id', '=', row.id)
      .execute();
    await logSecurityEvent(db, {
      kind: 'token_used',
      accountId: Number(row.user_id),
      details: { tokenId: Number(row.id), name: String(row.name) },
      at: now,
    });
  }
  return Number(row.user_id);
}

/** The user's tokens, newest first; never the secret (only its hash is kept anyway). */
export async function listTokens(db: Db, userId: number): Promise<TokenInfo[]> {
  const rows = await db
    .selectFrom('api_token')
    .select(['id', 'name', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    name: String(row.name),
    createdAt: String(row.created_at),
    expiresAt: optionalText(row.expires_at),
    lastUsedAt: optionalText(row.last_used_at),
    revokedAt: optionalText(row.revoked_at),
  }));
}

/**
 * Revokes one of the user's own tokens. Answers 'revoked', 'already' (revoked before: nothing to
 * do) or 'unknown' (no such token of this user: another user's id is as unknown as a made-up one).
 */
export async function revokeToken(
  db: Db,
  userId: number,
  tokenId: number,
  now: Date,
): Promise<'revoked' | 'already' | 'unknown'> {
  const result = await db
    .updateTable('api_token')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) > 0) return 'revoked';
  const exists = await db
    .selectFrom('api_token')
    .select('id')
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return exists ? 'already' : 'unknown';
}

/** Revokes every live token of the user (after a password change); answers how many. */
export async function revokeAllTokens(db: Db, userId: number, now: Date): Promise<number> {
  const result = await db
    .updateTable('api_token')
    .set({ revoked_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

function optionalText(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
