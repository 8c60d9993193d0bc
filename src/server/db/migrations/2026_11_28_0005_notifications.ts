import { sql } from 'kysely';
import { columnTypes, type MigrationDb, withId } from './ddl.ts';

/**
 * Notifications (issue 9): what the notifications consumer tells a user about changes others
 * made (a stage on a case they lead or watch, a case given to them, a mention in a note…).
 *
 * - `notification`: one row per recipient, kind and outbox event. `UNIQUE (event_id,
 *   recipient_id, kind)` makes the consumer idempotent: a replayed event (a cursor reset, a
 *   batch handled again after a crash) finds its rows there and makes none twice, and so
 *   queues no second mail. `channel` is the recipient's preference when it was made (`app`,
 *   `email`, `both`, `digest`): which mail it gets; `mailed_at` says it went (immediately or
 *   in a digest). Rows for e-mail only are written already read (`read_at`).
 *   Indexes: a user's list newest first (recipient_id, id) and their unread ones, partial, so
 *   the unread count reads only what is unread however long the history grows.
 * - `notification_preference`: a user's channel per kind; no row is the default (`both`).
 *
 * Mails are jobs of the job queue (`notifications.mail`, unique key `mail:<notification id>`),
 * so no table of their own.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  const id = sql.raw(t.id);
  const instant = sql.raw(t.instant);

  await withId(db, db.schema.createTable('notification'))
    .addColumn('recipient_id', id, (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('event_id', id, (c) => c.notNull())
    .addColumn('object', 'text', (c) => c.notNull())
    .addColumn('record_id', id, (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('actor_id', id)
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('read_at', instant)
    .addColumn('mailed_at', instant)
    .addUniqueConstraint('notification_event_recipient_kind', ['event_id', 'recipient_id', 'kind'])
    .execute();
  await sql`CREATE INDEX notification_recipient ON notification (recipient_id, id DESC)`.execute(db);
  await sql`CREATE INDEX notification_unread ON notification (recipient_id, id) WHERE read_at IS NULL`.execute(
    db,
  );

  await db.schema
    .createTable('notification_preference')
    .addColumn('user_id', id, (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preference_pk', ['user_id', 'kind'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('notification_preference').execute();
  await db.schema.dropTable('notification').execute();
}
