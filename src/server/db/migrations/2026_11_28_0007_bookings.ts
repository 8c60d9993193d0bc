import { sql } from 'kysely';
import { columnTypes, isPostgres, type MigrationDb, withId, withRecordColumns } from './ddl.ts';

/**
 * Resources (rooms, cars, projectors) and their bookings (issue 10). Two bookings of one
 * resource must not overlap: on PostgreSQL an exclusion constraint refuses the second of two
 * writers even when both commit at the same moment (ADR 0014); SQLite has one writer at a
 * time, and the application checks inside its write. The name `booking_no_overlap` is what the
 * application answers a violation by.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  const id = sql.raw(t.id);
  const bool = sql.raw(t.bool);
  const instant = sql.raw(t.instant);

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('resource'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('capacity', 'integer')
      .addColumn('colour', 'text')
      .addColumn('location', 'text')
      .addColumn('description', 'text')
      .addColumn('active', bool, (c) => c.notNull()),
  ).execute();

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('booking'))
      .addColumn('resource_id', id, (c) => c.notNull().references('resource.id'))
      .addColumn('starts_at', instant, (c) => c.notNull())
      .addColumn('ends_at', instant, (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('activity_id', id, (c) => c.references('activity.id'))
      .addColumn('task_id', id, (c) => c.references('task.id'))
      .addColumn('booked_by_id', id, (c) => c.references('employee.id'))
      .addColumn('note', 'text'),
  ).execute();

  if (isPostgres(db)) {
    // btree_gist lets one GiST index compare the resource by equality and the times by overlap.
    // A trusted extension (PostgreSQL 13+): a database owner without superuser may create it.
    await sql`CREATE EXTENSION IF NOT EXISTS btree_gist`.execute(db);
    // Half-open ranges: one booking ending at 10:00 and the next starting then do not clash.
    // Only live bookings count. Rows whose end is not after their start are left out, so the
    // range is never built from them (tstzrange would fail with an error of its own); the
    // application refuses them with a 400 before commit.
    await sql`ALTER TABLE booking ADD CONSTRAINT booking_no_overlap
      EXCLUDE USING gist (resource_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
      WHERE (deleted_at IS NULL AND ends_at > starts_at)`.execute(db);
  }

  const indexes: Array<[table: string, columns: string[]]> = [
    // A resource's bookings around a time: the overlap check and its free slots.
    ['booking', ['resource_id', 'starts_at']],
    // My bookings by time.
    ['booking', ['booked_by_id', 'starts_at']],
    ['booking', ['activity_id']],
    ['booking', ['task_id']],
  ];
  for (const [table, columns] of indexes) {
    await db.schema
      .createIndex(`${table}_${columns.join('_')}`)
      .on(table)
      .columns(columns)
      .execute();
  }
}

export async function down(db: MigrationDb): Promise<void> {
  // btree_gist stays: other tables may have come to use it.
  await db.schema.dropTable('booking').execute();
  await db.schema.dropTable('resource').execute();
}
