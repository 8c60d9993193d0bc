import { type ColumnDefinitionBuilder, sql } from 'kysely';
import { columnTypes, type MigrationDb, withId, withRecordColumns } from './ddl.ts';

/**
 * Cases (`client_case`: CASE is an SQL keyword), their stages, activities and notes (issue 9),
 * with the employees watching a case and the people and employees taking part in an activity.
 * The indexes serve the reads that matter: a client's cases, activities and notes in its file,
 * "my next actions", a case's stages newest first, an organiser's calendar, an activity's
 * follow-up (the one whose previous it is).
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  const id = sql.raw(t.id);
  const bool = sql.raw(t.bool);
  const date = sql.raw(t.date);
  const instant = sql.raw(t.instant);
  const dictionary = (c: ColumnDefinitionBuilder) => c.references('dictionary_value.id');
  const employee = (c: ColumnDefinitionBuilder) => c.references('employee.id');

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('client_case'))
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('company_id', id, (c) => c.notNull().references('company.id'))
      .addColumn('contact_id', id, (c) => c.references('person.id'))
      .addColumn('lead_id', id, employee)
      .addColumn('status_id', id, (c) => c.notNull().references('dictionary_value.id'))
      .addColumn('type_id', id, dictionary)
      .addColumn('priority_id', id, dictionary)
      .addColumn('opened_on', date, (c) => c.notNull())
      .addColumn('due_on', date)
      .addColumn('closed_on', date)
      .addColumn('result', 'text')
      .addColumn('next_action_type_id', id, dictionary)
      .addColumn('next_action_date', date)
      .addColumn('description', 'text'),
  ).execute();

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('case_stage'))
      .addColumn('case_id', id, (c) => c.notNull().references('client_case.id'))
      .addColumn('at', instant, (c) => c.notNull())
      .addColumn('by_id', id, employee)
      .addColumn('kind_id', id, dictionary)
      .addColumn('note', 'text')
      .addColumn('next_action_type_id', id, dictionary)
      .addColumn('next_action_date', date),
  ).execute();

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('activity'))
      .addColumn('type_id', id, dictionary)
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('starts_at', instant, (c) => c.notNull())
      .addColumn('ends_at', instant)
      .addColumn('all_day', bool, (c) => c.notNull())
      .addColumn('company_id', id, (c) => c.references('company.id'))
      .addColumn('case_id', id, (c) => c.references('client_case.id'))
      .addColumn('organiser_id', id, employee)
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text')
      .addColumn('previous_id', id, (c) => c.references('activity.id')),
  ).execute();

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('note'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('pinned', bool, (c) => c.notNull())
      .addColumn('company_id', id, (c) => c.references('company.id'))
      .addColumn('person_id', id, (c) => c.references('person.id'))
      .addColumn('case_id', id, (c) => c.references('client_case.id'))
      .addColumn('activity_id', id, (c) => c.references('activity.id')),
  ).execute();

  // Memberships, kept like group members: gone with either side, found from both.
  const links: Array<[table: string, source: [string, string], target: [string, string]]> = [
    ['case_watcher', ['case_id', 'client_case'], ['employee_id', 'employee']],
    ['activity_person', ['activity_id', 'activity'], ['person_id', 'person']],
    ['activity_employee', ['activity_id', 'activity'], ['employee_id', 'employee']],
  ];
  for (const [table, [sourceColumn, sourceTable], [targetColumn, targetTable]] of links) {
    await db.schema
      .createTable(table)
      .addColumn(sourceColumn, id, (c) => c.notNull().references(`${sourceTable}.id`).onDelete('cascade'))
      .addColumn(targetColumn, id, (c) => c.notNull().references(`${targetTable}.id`).onDelete('cascade'))
      .addColumn('created_at', instant, (c) => c.notNull())
      .addColumn('created_by', id)
      .addPrimaryKeyConstraint(`${table}_pk`, [sourceColumn, targetColumn])
      .execute();
    // "Cases I watch", "activities with this person": the primary key serves the other way.
    await db.schema.createIndex(`${table}_${targetColumn}`).on(table).column(targetColumn).execute();
  }

  const indexes: Array<[table: string, columns: string[]]> = [
    // A client's cases, newest first.
    ['client_case', ['company_id', 'opened_on']],
    // "My next actions": a lead's cases by next action date.
    ['client_case', ['lead_id', 'next_action_date']],
    ['client_case', ['contact_id']],
    // A case's stages, newest first (and the newest one, which sets the case's next action).
    ['case_stage', ['case_id', 'at', 'id']],
    // A client's activities in its file, an organiser's calendar, a case's activities.
    ['activity', ['company_id', 'starts_at', 'id']],
    ['activity', ['organiser_id', 'starts_at']],
    ['activity', ['case_id', 'starts_at']],
    // The follow-up of an activity: the one whose previous it is.
    ['activity', ['previous_id']],
    // The notes of a client, a person, a case, an activity.
    ['note', ['company_id', 'created_at']],
    ['note', ['person_id']],
    ['note', ['case_id']],
    ['note', ['activity_id']],
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
  for (const table of [
    'case_watcher',
    'activity_person',
    'activity_employee',
    'note',
    'activity',
    'case_stage',
    'client_case',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
