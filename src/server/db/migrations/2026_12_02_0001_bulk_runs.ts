import { sql } from 'kysely';
import { columnTypes, type MigrationDb, withId } from './ddl.ts';

/**
 * Bulk actions run in the background (issue 11 §6): a selection larger than one transaction
 * should hold, changed batch by batch. The run's cursor and counts are written in each batch's
 * own transaction, so a run resumed after a crash neither repeats nor skips a record, and every
 * instance shows the same progress.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  const instant = sql.raw(t.instant);
  const count = sql.raw(t.id);
  await withId(db, db.schema.createTable('bulk_run'))
    .addColumn('object', 'text', (c) => c.notNull())
    // The request as it was checked: {selection, action} in JSON.
    .addColumn('request', 'text', (c) => c.notNull())
    // queued → running → done | failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total', count, (c) => c.notNull())
    .addColumn('total_exact', sql.raw(t.bool), (c) => c.notNull())
    .addColumn('processed', count, (c) => c.notNull().defaultTo(0))
    .addColumn('updated', count, (c) => c.notNull().defaultTo(0))
    .addColumn('failed', count, (c) => c.notNull().defaultTo(0))
    // The batches refused, each with its ids' range and reason, in JSON (the first 100).
    .addColumn('failures', 'text', (c) => c.notNull().defaultTo('[]'))
    // The highest id done: the next batch starts after it.
    .addColumn('last_id', count, (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('requested_by', sql.raw(t.id), (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('started_at', instant)
    .addColumn('finished_at', instant)
    .execute();
  await db.schema
    .createIndex('bulk_run_requested_by')
    .on('bulk_run')
    .columns(['requested_by', 'created_at'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('bulk_run').execute();
}
