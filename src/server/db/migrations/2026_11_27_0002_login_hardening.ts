import { sql } from 'kysely';
import { columnTypes, isPostgres, type MigrationDb, withId } from './ddl.ts';

/**
 * Login hardening: TOTP two-factor login, recovery codes, an opaque public id per session (so a
 * session can be listed and ended without ever showing its cookie token or the token's hash),
 * and the security log.
 *
 * `totp_pending_secret` is the secret shown at setup; it becomes `totp_secret` only once the
 * user proves with a code that their authenticator has it. `totp_last_step` is the RFC 6238 time
 * step of the last accepted code: a code of that step or an earlier one is refused (no replay).
 *
 * `security_event.account_id` deliberately has no foreign key: the log must outlive the account
 * and keep saying which account it was.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  const id = sql.raw(t.id);
  const instant = sql.raw(t.instant);

  await db.schema.alterTable('user_account').addColumn('totp_secret', 'text').execute();
  await db.schema.alterTable('user_account').addColumn('totp_pending_secret', 'text').execute();
  await db.schema.alterTable('user_account').addColumn('totp_enabled_at', instant).execute();
  await db.schema.alterTable('user_account').addColumn('totp_last_step', id).execute();

  await withId(db, db.schema.createTable('totp_recovery_code'))
    .addColumn('user_id', id, (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('used_at', instant)
    .execute();
  await db.schema
    .createIndex('totp_recovery_code_user')
    .on('totp_recovery_code')
    .columns(['user_id', 'code_hash'])
    .execute();

  await db.schema.alterTable('session').addColumn('public_id', 'text').execute();
  // Sessions that exist at upgrade get a random public id, so nobody is logged out.
  await (isPostgres(db)
    ? sql`UPDATE session SET public_id = replace(gen_random_uuid()::text, '-', '')`
    : sql`UPDATE session SET public_id = lower(hex(randomblob(16)))`
  ).execute(db);
  await db.schema.createIndex('session_public_id').on('session').column('public_id').unique().execute();

  await withId(db, db.schema.createTable('security_event'))
    .addColumn('at', instant, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('account_id', id)
    .addColumn('login', 'text')
    .addColumn('ip', 'text')
    .addColumn('details', sql.raw(t.json))
    .execute();
  await db.schema.createIndex('security_event_at').on('security_event').column('at').execute();
  await db.schema
    .createIndex('security_event_account')
    .on('security_event')
    .columns(['account_id', 'at'])
    .execute();
  await db.schema.createIndex('security_event_kind').on('security_event').columns(['kind', 'at']).execute();
}
