import { sql } from 'kysely';
import { columnTypes, type MigrationDb, withId, withRecordColumns } from './ddl.ts';

/**
 * The organisation (departments as a tree, managers, work groups) and access control stored in
 * the database: roles with rights per object and field, the roles of accounts and of work
 * groups, record shares, and a revision counter that tells every instance when cached rights
 * are stale.
 *
 * `employee.department` was free text: each distinct text becomes a department. The old
 * `user_account.role` text goes: an account that had `admin` gets the built-in
 * `administrator` role, and a new account has no role at all (it can do nothing until given one).
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  const id = sql.raw(t.id);
  const instant = sql.raw(t.instant);
  const now = new Date().toISOString();

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('department'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('parent_id', id, (c) => c.references('department.id'))
      .addColumn('head_id', id, (c) => c.references('employee.id')),
  ).execute();
  await db.schema.createIndex('department_parent').on('department').column('parent_id').execute();

  await db.schema
    .alterTable('employee')
    .addColumn('department_id', id, (c) => c.references('department.id'))
    .execute();
  await db.schema
    .alterTable('employee')
    .addColumn('manager_id', id, (c) => c.references('employee.id'))
    .execute();
  await db.schema.alterTable('employee').addColumn('name_day', 'text').execute();
  await db.schema.createIndex('employee_department').on('employee').column('department_id').execute();
  await db.schema.createIndex('employee_manager').on('employee').column('manager_id').execute();
  await moveDepartmentNames(db, now);
  await db.schema.alterTable('employee').dropColumn('department').execute();

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('work_group'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text'),
  ).execute();
  await db.schema
    .createTable('work_group_member')
    .addColumn('work_group_id', id, (c) => c.notNull().references('work_group.id').onDelete('cascade'))
    .addColumn('employee_id', id, (c) => c.notNull().references('employee.id').onDelete('cascade'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('created_by', id)
    .addPrimaryKeyConstraint('work_group_member_pk', ['work_group_id', 'employee_id'])
    .execute();
  await db.schema
    .createIndex('work_group_member_employee')
    .on('work_group_member')
    .column('employee_id')
    .execute();

  // Under mutual TLS, the fingerprint of the certificate that identifies the account.
  await db.schema.alterTable('user_account').addColumn('client_certificate', 'text').execute();
  // An administrator can require two-factor login of one account (roles can require it too).
  await db.schema
    .alterTable('user_account')
    .addColumn('require_totp', sql.raw(t.bool), (c) => c.notNull().defaultTo(falseLiteral(db)))
    .execute();

  await createRoleTables(db);
  await createShareTable(db);
  await moveAccountRoles(db, now);
}

async function moveDepartmentNames(db: MigrationDb, now: string): Promise<void> {
  const rows = await sql<{ department: string }>`
    SELECT DISTINCT department FROM employee WHERE department IS NOT NULL AND department <> ''
    ORDER BY department`.execute(db);
  for (const { department } of rows.rows) {
    await sql`INSERT INTO department (name, created_at, updated_at, version)
      VALUES (${department}, ${now}, ${now}, 1)`.execute(db);
    await sql`UPDATE employee SET department_id = (SELECT max(id) FROM department WHERE name = ${department})
      WHERE department = ${department}`.execute(db);
  }
}

async function createRoleTables(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  const id = sql.raw(t.id);
  const instant = sql.raw(t.instant);
  // A role is configuration, not a business record: versioned, audited in the security log, no trash.
  await withId(db, db.schema.createTable('access_role'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text')
    .addColumn('builtin', 'text', (c) => c.unique())
    .addColumn('require_totp', sql.raw(t.bool), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('created_by', id)
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addColumn('updated_by', id)
    .execute();
  await db.schema
    .createTable('access_role_grant')
    .addColumn('role_id', id, (c) => c.notNull().references('access_role.id').onDelete('cascade'))
    .addColumn('object', 'text', (c) => c.notNull())
    .addColumn('right_name', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('access_role_grant_pk', ['role_id', 'object', 'right_name'])
    .execute();
  await db.schema
    .createTable('access_role_field')
    .addColumn('role_id', id, (c) => c.notNull().references('access_role.id').onDelete('cascade'))
    .addColumn('object', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('access', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('access_role_field_pk', ['role_id', 'object', 'field'])
    .execute();
  // Deleting a role in use is refused by the service (409), so no cascade from the role here.
  await db.schema
    .createTable('account_role')
    .addColumn('account_id', id, (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('role_id', id, (c) => c.notNull().references('access_role.id'))
    .addPrimaryKeyConstraint('account_role_pk', ['account_id', 'role_id'])
    .execute();
  await db.schema.createIndex('account_role_role').on('account_role').column('role_id').execute();
  await db.schema
    .createTable('work_group_role')
    .addColumn('work_group_id', id, (c) => c.notNull().references('work_group.id').onDelete('cascade'))
    .addColumn('role_id', id, (c) => c.notNull().references('access_role.id'))
    .addPrimaryKeyConstraint('work_group_role_pk', ['work_group_id', 'role_id'])
    .execute();
  await db.schema.createIndex('work_group_role_role').on('work_group_role').column('role_id').execute();
  await db.schema
    .createTable('access_revision')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO access_revision (id, revision) VALUES (1, 1)`.execute(db);
}

async function createShareTable(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  const id = sql.raw(t.id);
  await withId(db, db.schema.createTable('record_share'))
    .addColumn('object', 'text', (c) => c.notNull())
    .addColumn('record_id', id, (c) => c.notNull())
    .addColumn('account_id', id, (c) => c.references('user_account.id').onDelete('cascade'))
    .addColumn('department_id', id, (c) => c.references('department.id').onDelete('cascade'))
    .addColumn('work_group_id', id, (c) => c.references('work_group.id').onDelete('cascade'))
    .addColumn('access', 'text', (c) => c.notNull())
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('created_by', id)
    .execute();
  await db.schema
    .createIndex('record_share_record')
    .on('record_share')
    .columns(['object', 'record_id'])
    .execute();
  await db.schema.createIndex('record_share_account').on('record_share').column('account_id').execute();
}

function falseLiteral(db: MigrationDb) {
  return columnTypes(db).bool === 'boolean' ? sql`false` : sql`0`;
}

async function moveAccountRoles(db: MigrationDb, now: string): Promise<void> {
  const falseValue = falseLiteral(db);
  await sql`INSERT INTO access_role (name, description, builtin, require_totp, version, created_at, updated_at)
    VALUES ('Administrator', 'Every right on every object; cannot be changed', 'administrator',
      ${falseValue}, 1, ${now}, ${now})`.execute(db);
  await sql`INSERT INTO account_role (account_id, role_id)
    SELECT u.id, r.id FROM user_account u, access_role r
    WHERE u.role = 'admin' AND r.builtin = 'administrator'`.execute(db);
  await db.schema.alterTable('user_account').dropColumn('role').execute();
}
