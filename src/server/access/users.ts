import { ADMINISTRATOR_ROLE } from '../../shared/access/rights.ts';
import { timeZoneName } from '../../shared/field-types/time-zone.ts';
import { LOCALES, type Locale } from '../../shared/metadata/types.ts';
import type { Db, Dialect } from '../db/dialects/dialect.ts';
import { type Actor, DEFAULT_TIME_ZONE } from './actor.ts';
import { generatePassword, hashPassword } from './passwords.ts';
import type { AccessRights } from './rights.ts';

export interface UserRow {
  id: number;
  login: string;
  passwordHash: string | null;
  locale: Locale;
  /** The language the user chose; null until they choose (the browser's language then applies). */
  preferredLocale: Locale | null;
  timeZone: string;
  employeeId: number | null;
  /** Under mutual TLS: the SHA-256 fingerprint of the account's certificate, if recorded. */
  clientCertificate: string | null;
  /** Whether the account has two-factor login on. */
  totpEnabled: boolean;
  /** An administrator requires two-factor login of this account. */
  totpRequired: boolean;
}

function toLocale(value: unknown): Locale {
  return LOCALES.includes(value as Locale) ? (value as Locale) : 'en';
}

/** An active, not deleted account by login (case-insensitive) or id. */
export async function findActiveUser(
  dialect: Dialect,
  by: { login: string } | { id: number },
): Promise<UserRow | null> {
  let query = dialect.db
    .selectFrom('user_account')
    .selectAll()
    .where('deleted_at', 'is', null)
    .where('active', '=', dialect.encodeBoolean(true));
  query =
    'login' in by ? query.where('login', '=', by.login.trim().toLowerCase()) : query.where('id', '=', by.id);
  const row = await query.executeTakeFirst();
  return row ? userFromRow(row) : null;
}

/** Maps a `user_account` row (also when joined under its own column names). */
export function userFromRow(row: Record<string, unknown>): UserRow {
  return {
    id: Number(row.id),
    login: String(row.login),
    passwordHash: (row.password_hash as string | null) ?? null,
    locale: toLocale(row.locale),
    preferredLocale: LOCALES.includes(row.locale as Locale) ? (row.locale as Locale) : null,
    // A zone stored before zones were checked on every write would fail each of the user's reads.
    timeZone: (typeof row.time_zone === 'string' ? timeZoneName(row.time_zone) : null) ?? DEFAULT_TIME_ZONE,
    employeeId: row.employee_id === null ? null : Number(row.employee_id),
    clientCertificate: (row.client_certificate as string | null | undefined) ?? null,
    totpEnabled: row.totp_secret !== null && row.totp_secret !== undefined,
    totpRequired: row.require_totp === true || Number(row.require_totp) === 1,
  };
}

export function actorFor(user: UserRow, rights: AccessRights): Actor {
  return {
    kind: 'user',
    userId: user.id,
    login: user.login,
    employeeId: user.employeeId,
    rights,
    totpEnabled: user.totpEnabled,
    totpRequired: user.totpRequired || rights.requireTotp,
    locale: user.locale,
    preferredLocale: user.preferredLocale,
    timeZone: user.timeZone,
  };
}

export async function setPassword(db: Db, userId: number, password: string): Promise<void> {
  await db
    .updateTable('user_account')
    .set({ password_hash: await hashPassword(password) })
    .where('id', '=', userId)
    .execute();
}

/**
 * The first start creates `admin`. With no configured password a random one is made and
 * returned so the caller can print it once; it is never stored in clear.
 */
export async function ensureAdmin(
  dialect: Dialect,
  configuredPassword: string | undefined,
  now: Date,
): Promise<{ created: boolean; password: string | null }> {
  const existing = await dialect.db.selectFrom('user_account').select('id').limit(1).executeTakeFirst();
  if (existing) return { created: false, password: null };
  const password = configuredPassword ?? generatePassword();
  const at = now.toISOString();
  const passwordHash = await hashPassword(password);
  // Bootstrap of an empty database, before any actor exists: the account and its role together.
  await dialect.db.transaction().execute(async (trx) => {
    const account = await trx
      .insertInto('user_account')
      .values({
        login: 'admin',
        password_hash: passwordHash,
        active: dialect.encodeBoolean(true),
        locale: null,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const role = await trx
      .selectFrom('access_role')
      .select('id')
      .where('builtin', '=', ADMINISTRATOR_ROLE)
      .executeTakeFirstOrThrow();
    await trx.insertInto('account_role').values({ account_id: account.id, role_id: role.id }).execute();
  });
  return { created: true, password: configuredPassword ? null : password };
}
