import { sql } from 'kysely';
import { columnTypes, type MigrationDb, withId, withRecordColumns } from './ddl.ts';

/**
 * Reminders (issue 10): for an employee, once or repeating by an RRULE in a time zone,
 * optionally about any record. `next_at` is when the queued delivery comes; the indexes serve
 * "my reminders, soonest first" and a record's reminders.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  const id = sql.raw(t.id);
  const instant = sql.raw(t.instant);
  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('reminder'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('for_employee_id', id, (c) => c.notNull().references('employee.id'))
      .addColumn('set_by_id', id, (c) => c.references('employee.id'))
      .addColumn('at', instant, (c) => c.notNull())
      .addColumn('repeat', 'text')
      .addColumn('time_zone', 'text')
      .addColumn('email', sql.raw(t.bool), (c) => c.notNull())
      .addColumn('record_object', 'text')
      .addColumn('record_id', id)
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('next_at', instant)
      .addColumn('snoozed_until', instant)
      .addColumn('fired_at', instant),
  ).execute();
  const indexes: Array<[name: string, columns: string[]]> = [
    ['reminder_for_employee_id_next_at', ['for_employee_id', 'next_at']],
    ['reminder_set_by_id', ['set_by_id']],
    ['reminder_record_object_record_id', ['record_object', 'record_id']],
  ];
  for (const [name, columns] of indexes)
    await db.schema.createIndex(name).on('reminder').columns(columns).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('reminder').execute();
}
