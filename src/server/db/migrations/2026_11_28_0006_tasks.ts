import { type ColumnDefinitionBuilder, sql } from 'kysely';
import { columnTypes, type MigrationDb, withId, withRecordColumns } from './ddl.ts';

/**
 * Task registers with their readers (members, departments, work groups) and topics, tasks
 * with their watchers, and requests to take on a task (issue 10). The indexes serve the reads that matter: my tasks by due
 * time, a register's tasks, a task's subtasks (and the roll-up walking the tree), a client's
 * tasks, the registers a reader belongs to.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  const id = sql.raw(t.id);
  const bool = sql.raw(t.bool);
  const instant = sql.raw(t.instant);
  const employee = (c: ColumnDefinitionBuilder) => c.references('employee.id');
  const dictionary = (c: ColumnDefinitionBuilder) => c.references('dictionary_value.id');

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('task_register'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('colour', 'text')
      .addColumn('description', 'text')
      .addColumn('keeper_id', id, employee)
      .addColumn('active', bool, (c) => c.notNull()),
  ).execute();

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('task_topic'))
      .addColumn('register_id', id, (c) => c.notNull().references('task_register.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('active', bool, (c) => c.notNull()),
  ).execute();

  // Chain templates and their ordered steps; a chain's tasks name their step.
  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('task_chain'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('active', bool, (c) => c.notNull()),
  ).execute();
  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('task_chain_step'))
      .addColumn('chain_id', id, (c) => c.notNull().references('task_chain.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('register_id', id, (c) => c.notNull().references('task_register.id'))
      .addColumn('assignee_id', id, employee)
      .addColumn('assignee_role', 'text', (c) => c.notNull())
      .addColumn('due_offset_days', 'integer')
      .addColumn('condition', 'text', (c) => c.notNull()),
  ).execute();
  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('task'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('register_id', id, (c) => c.notNull().references('task_register.id'))
      .addColumn('topic_id', id, (c) => c.references('task_topic.id'))
      .addColumn('description', 'text')
      .addColumn('status_id', id, (c) => c.notNull().references('dictionary_value.id'))
      .addColumn('priority_id', id, dictionary)
      .addColumn('assignee_id', id, employee)
      .addColumn('requester_id', id, employee)
      .addColumn('due_at', instant)
      .addColumn('done_at', instant)
      .addColumn('company_id', id, (c) => c.references('company.id'))
      .addColumn('case_id', id, (c) => c.references('client_case.id'))
      .addColumn('person_id', id, (c) => c.references('person.id'))
      .addColumn('parent_id', id, (c) => c.references('task.id'))
      .addColumn('progress', 'integer')
      .addColumn('chain_step_id', id, (c) => c.references('task_chain_step.id'))
      .addColumn('previous_task_id', id, (c) => c.references('task.id')),
  ).execute();

  // A finished step makes its follower once, even when two instances finish it at the same time.
  await db.schema
    .createIndex('task_previous_task_id_unique')
    .on('task')
    .column('previous_task_id')
    .unique()
    .execute();

  // "Ask to be assigned": requests to take on a task, decided by its requester or register keeper.
  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('task_claim'))
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('task_id', id, (c) => c.notNull().references('task.id'))
      .addColumn('claimant_id', id, (c) => c.notNull().references('employee.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('decided_by_id', id, employee)
      .addColumn('decided_at', instant),
  ).execute();

  // Memberships, kept like group members: gone with either side, found from both.
  const links: Array<[table: string, source: [string, string], target: [string, string]]> = [
    ['task_register_member', ['register_id', 'task_register'], ['employee_id', 'employee']],
    ['task_register_department', ['register_id', 'task_register'], ['department_id', 'department']],
    ['task_register_work_group', ['register_id', 'task_register'], ['work_group_id', 'work_group']],
    ['task_watcher', ['task_id', 'task'], ['employee_id', 'employee']],
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
    // "Registers I belong to", "tasks I watch": the primary key serves the other way.
    await db.schema.createIndex(`${table}_${targetColumn}`).on(table).column(targetColumn).execute();
  }

  const indexes: Array<[table: string, columns: string[]]> = [
    ['task_topic', ['register_id']],
    // My tasks by due time (and the calendar of an assignee).
    ['task', ['assignee_id', 'due_at']],
    ['task', ['requester_id']],
    // A register's tasks by due time: the readers of a register see them through it.
    ['task', ['register_id', 'due_at']],
    // A task's subtasks, and the roll-up's walk down the tree.
    ['task', ['parent_id']],
    ['task', ['company_id', 'due_at']],
    ['task', ['case_id']],
    ['task', ['person_id']],
    // A task's open requests; "my requests".
    ['task_claim', ['task_id', 'status']],
    ['task_claim', ['claimant_id']],
    ['task_chain_step', ['chain_id', 'position']],
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
    'task_watcher',
    'task_register_work_group',
    'task_register_department',
    'task_register_member',
    'task_claim',
    'task',
    'task_chain_step',
    'task_chain',
    'task_topic',
    'task_register',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
