import { sql } from 'kysely';
import { columnTypes, type MigrationDb, withId, withRecordColumns } from './ddl.ts';

/**
 * The sales pipeline (issue 13): scenarios and their ordered stages, opportunities, every
 * stage a deal entered, and the targets the forecast is set against. The board reads a scenario's deals stage by stage, a stage's cards by
 * their place on the board (`board_position`, kept by the move command), the funnel the stage
 * history by stage and time.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  const id = sql.raw(t.id);
  const bool = sql.raw(t.bool);
  const date = sql.raw(t.date);
  const instant = sql.raw(t.instant);

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('sales_scenario'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('active', bool, (c) => c.notNull()),
  ).execute();

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('sales_stage'))
      .addColumn('scenario_id', id, (c) => c.notNull().references('sales_scenario.id'))
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('name_pl', 'text', (c) => c.notNull())
      .addColumn('name_hu', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('probability', 'integer', (c) => c.notNull())
      .addColumn('rots_after_days', 'integer')
      .addColumn('required_fields', 'text')
      .addColumn('next_action', 'text')
      .addColumn('colour', 'text'),
  ).execute();

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('opportunity'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('company_id', id, (c) => c.notNull().references('company.id'))
      .addColumn('contact_id', id, (c) => c.references('person.id'))
      .addColumn('owner_id', id, (c) => c.references('employee.id'))
      .addColumn('scenario_id', id, (c) => c.notNull().references('sales_scenario.id'))
      .addColumn('stage_id', id, (c) => c.references('sales_stage.id'))
      .addColumn('amount_amount', id)
      .addColumn('amount_currency', 'text')
      .addColumn('probability', 'integer')
      .addColumn('expected_close', date)
      .addColumn('source_id', id, (c) => c.references('dictionary_value.id'))
      .addColumn('lost_reason', 'text')
      .addColumn('next_action', 'text')
      .addColumn('next_action_date', date)
      .addColumn('description', 'text')
      .addColumn('stage_changed_at', instant)
      .addColumn('closed_on', date)
      .addColumn('board_position', id),
  ).execute();

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('stage_history'))
      .addColumn('opportunity_id', id, (c) => c.notNull().references('opportunity.id'))
      .addColumn('from_stage_id', id, (c) => c.references('sales_stage.id'))
      .addColumn('to_stage_id', id, (c) => c.notNull().references('sales_stage.id'))
      .addColumn('changed_at', instant, (c) => c.notNull())
      .addColumn('changed_by_id', id, (c) => c.references('employee.id'))
      .addColumn('amount_amount', id)
      .addColumn('amount_currency', 'text')
      .addColumn('note', 'text'),
  ).execute();

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('sales_target'))
      .addColumn('month', date, (c) => c.notNull())
      .addColumn('employee_id', id, (c) => c.references('employee.id'))
      .addColumn('department_id', id, (c) => c.references('department.id'))
      .addColumn('amount_amount', id, (c) => c.notNull())
      .addColumn('amount_currency', 'text', (c) => c.notNull())
      .addColumn('note', 'text'),
  ).execute();

  const indexes: Array<[table: string, columns: string[]]> = [
    ['sales_target', ['month']],
    ['sales_stage', ['scenario_id', 'position']],
    // A board column: the scenario's deals in one stage, in their place.
    ['opportunity', ['scenario_id', 'stage_id', 'board_position']],
    // A salesperson's deals by when they should close (the forecast, "my pipeline").
    ['opportunity', ['owner_id', 'expected_close']],
    ['opportunity', ['expected_close']],
    ['opportunity', ['company_id']],
    ['opportunity', ['contact_id']],
    ['stage_history', ['opportunity_id', 'changed_at']],
    // The funnel: who entered a stage when.
    ['stage_history', ['to_stage_id', 'changed_at']],
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
  for (const table of ['sales_target', 'stage_history', 'opportunity', 'sales_stage', 'sales_scenario']) {
    await db.schema.dropTable(table).execute();
  }
}
