import { sql } from 'kysely';
import { columnTypes, type MigrationDb, withId } from './ddl.ts';

/**
 * Comments on records (issue 10): a conversation under any record of an object that takes
 * them, read oldest first by the record's (object, id); written by an account (and its
 * employee, for mentions and notifications), edited or deleted only by its author.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  const id = sql.raw(t.id);
  const instant = sql.raw(t.instant);
  await withId(db, db.schema.createTable('record_comment'))
    .addColumn('object', 'text', (c) => c.notNull())
    .addColumn('record_id', id, (c) => c.notNull())
    .addColumn('author_id', id, (c) => c.references('user_account.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('deleted_at', instant)
    .execute();
  await db.schema
    .createIndex('record_comment_object_record_id_id')
    .on('record_comment')
    .columns(['object', 'record_id', 'id'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('record_comment').execute();
}
