import { sql } from 'kysely';
import { columnTypes, isPostgres, type MigrationDb, withId } from './ddl.ts';

/**
 * Backup runs (issue 11 §1): each backup an administrator started or the schedule queued, with
 * its progress and outcome. In the database, so every instance shows the same runs and a run
 * started on one is polled through another.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  const instant = sql.raw(t.instant);
  await withId(db, db.schema.createTable('backup_run'))
    // queued → running → done | failed
    .addColumn('status', 'text', (c) => c.notNull())
    // 0..1, as the snapshot reports it
    .addColumn('progress', sql.raw(isPostgres(db) ? 'double precision' : 'real'), (c) =>
      c.notNull().defaultTo(0),
    )
    .addColumn('file_name', 'text')
    .addColumn('bytes', sql.raw(t.id))
    .addColumn('error', 'text')
    // Null for the schedule's runs.
    .addColumn('requested_by', sql.raw(t.id), (c) => c.references('user_account.id').onDelete('set null'))
    // The job running it: a retry of the same job carries on with the same run.
    .addColumn('job_id', sql.raw(t.id))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('started_at', instant)
    .addColumn('finished_at', instant)
    .execute();
  // One backup at a time across every instance: the index holds at most one queued or running run
  // (its key is the same `true` for each), so a second start is refused by the database itself.
  await sql`CREATE UNIQUE INDEX backup_run_one_active ON backup_run ((status IN ('queued', 'running'))) WHERE status IN ('queued', 'running')`.execute(
    db,
  );
  await db.schema.createIndex('backup_run_created_at').on('backup_run').column('created_at').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('backup_run').execute();
}
