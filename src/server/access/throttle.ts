import { sql } from 'kysely';
import type { Db } from '../db/dialects/dialect.ts';

/**
 * Failed logins allowed within the window, per login *from one address*, and per address over
 * all logins. There is deliberately no lock on a login alone: anyone could then keep `admin`
 * locked out for ever by failing five times every quarter of an hour. Guessing one login from
 * many addresses is bounded by the per-address limit of each and by two-factor login.
 */
export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxFailuresPerLogin: 5,
  maxFailuresPerAddress: 30,
} as const;

function normalisedLogin(login: string): string {
  return login.trim().toLowerCase();
}

/**
 * The prefix of every key of one login. The login is URI-encoded so it can never contain the
 * `|` that ends it: the prefix of `ann` is not a prefix of `ann|x`'s keys.
 */
function loginPrefix(login: string): string {
  return `login:${encodeURIComponent(normalisedLogin(login))}|`;
}

export function throttleKeys(login: string, ip: string): { login: string; address: string } {
  return { login: `${loginPrefix(login)}ip:${ip}`, address: `ip:${ip}` };
}

/** Seconds until the key may try again, or 0. Unknown and known logins are treated the same. */
export async function lockedFor(db: Db, keys: string[], now: Date): Promise<number> {
  const rows = await db
    .selectFrom('login_throttle')
    .select('locked_until')
    .where('login_key', 'in', keys)
    .execute();
  const until = Math.max(0, ...rows.map((r) => (r.locked_until ? Date.parse(String(r.locked_until)) : 0)));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/**
 * Counts a failure; reaching the limit locks the key for a while. Kept in the database so every
 * instance agrees, and counted by single SQL statements so parallel attempts cannot lose a count.
 * Answers true when this failure is the one that reached the limit (for the security log).
 */
export async function recordFailure(db: Db, key: string, limit: number, now: Date): Promise<boolean> {
  const nowIso = now.toISOString();
  const windowStart = new Date(now.getTime() - THROTTLE.windowMs).toISOString();
  await db
    .insertInto('login_throttle')
    .values({ login_key: key, failures: 0, first_failure_at: nowIso, locked_until: null })
    .onConflict((conflict) => conflict.column('login_key').doNothing())
    .execute();
  const counted = await db
    .updateTable('login_throttle')
    .set({
      failures: sql`CASE WHEN first_failure_at > ${windowStart} THEN failures + 1 ELSE 1 END`,
      first_failure_at: sql`CASE WHEN first_failure_at > ${windowStart} THEN first_failure_at ELSE ${nowIso} END`,
    })
    .where('login_key', '=', key)
    .returning('failures')
    .executeTakeFirst();
  const failures = Number(counted?.failures ?? 0);
  if (failures < limit) return false;
  const lockedUntil = new Date(now.getTime() + THROTTLE.lockMs).toISOString();
  // Only ever extends a lock: a slower parallel request must not lift one just set.
  await db
    .updateTable('login_throttle')
    .set({ locked_until: lockedUntil })
    .where('login_key', '=', key)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', lockedUntil)]))
    .execute();
  return failures === limit;
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('login_key', '=', key).execute();
}

/**
 * Lifts every lock and failure count of a login, from whichever address (`kartoteka user
 * unlock`). Locks of an address as a whole stay: they are about that address, not the login.
 * Answers how many keys were cleared.
 */
export async function unlockLogin(db: Db, login: string): Promise<number> {
  const prefix = loginPrefix(login);
  const result = await db
    .deleteFrom('login_throttle')
    .where(sql`substr(login_key, 1, ${sql.lit(prefix.length)})`, '=', prefix)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
