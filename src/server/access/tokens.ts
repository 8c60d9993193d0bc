import { randomBytes } from 'node:crypto';
import type { Db } from '../db/dialects/dialect.ts';
import { hashToken } from './sessions.ts';

const TOKEN_PREFIX = 'kt_';

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

/** The user a bearer token belongs to, if the token is live. */
export async function userIdForToken(db: Db, token: string, now: Date): Promise<number | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await db
    .selectFrom('api_token')
    .select(['id', 'user_id', 'expires_at', 'last_used_at'])
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  if (row.expires_at && Date.parse(String(row.expires_at)) <= now.getTime()) return null;
  const lastUsed = row.last_used_at ? Date.parse(String(row.last_used_at)) : 0;
  if (now.getTime() - lastUsed > 60_000) {
    await db
      .updateTable('api_token')
      .set({ last_used_at: now.toISOString() })
      .where('id', '=', row.id)
      .execute();
  }
  return Number(row.user_id);
}
