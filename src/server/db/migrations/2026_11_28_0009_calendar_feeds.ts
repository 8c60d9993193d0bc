import { sql } from 'kysely';
import { columnTypes, type MigrationDb, withId } from './ddl.ts';

/**
 * Private iCalendar feeds (issue 10): a secret token per feed, kept only as its hash, for the
 * account whose calendar it publishes; revoked feeds stay (the link must keep saying nothing).
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  const instant = sql.raw(t.instant);
  await withId(db, db.schema.createTable('calendar_feed'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('account_id', sql.raw(t.id), (c) =>
      c.notNull().references('user_account.id').onDelete('cascade'),
    )
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('revoked_at', instant)
    .execute();
  await db.schema.createIndex('calendar_feed_account_id').on('calendar_feed').column('account_id').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('calendar_feed').execute();
}
