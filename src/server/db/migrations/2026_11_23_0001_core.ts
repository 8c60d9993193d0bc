import { sql } from 'kysely';
import { columnTypes, isPostgres, type MigrationDb, withId, withRecordColumns } from './ddl.ts';

/** Core tables: dictionaries, companies, people, groups, employees, users, audit, outbox, jobs. */
export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  const id = sql.raw(t.id);
  const bool = sql.raw(t.bool);
  const date = sql.raw(t.date);
  const instant = sql.raw(t.instant);

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('dictionary_value'))
      .addColumn('dictionary', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('label_en', 'text', (c) => c.notNull())
      .addColumn('label_pl', 'text', (c) => c.notNull())
      .addColumn('label_hu', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('color', 'text')
      .addColumn('active', bool, (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('dictionary_value_code')
    .on('dictionary_value')
    .columns(['dictionary', 'code'])
    .unique()
    .execute();

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('employee'))
      .addColumn('first_name', 'text', (c) => c.notNull())
      .addColumn('last_name', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('position', 'text')
      .addColumn('department', 'text')
      .addColumn('birth_date', date)
      .addColumn('hired_on', date)
      .addColumn('active', bool, (c) => c.notNull()),
  ).execute();

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('user_account'))
      .addColumn('login', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text')
      .addColumn('employee_id', id, (c) => c.references('employee.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('active', bool, (c) => c.notNull())
      .addColumn('locale', 'text')
      .addColumn('time_zone', 'text')
      .addColumn('last_login_at', instant),
  ).execute();
  await db.schema.createIndex('user_account_login').on('user_account').column('login').unique().execute();
  await db.schema.createIndex('user_account_employee').on('user_account').column('employee_id').execute();

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('company'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('short_name', 'text')
      .addColumn('tax_id', 'text')
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('website', 'text')
      .addColumn('street', 'text')
      .addColumn('postal_code', 'text')
      .addColumn('city', 'text')
      .addColumn('country', 'text')
      .addColumn('industry_id', id, (c) => c.references('dictionary_value.id'))
      .addColumn('status_id', id, (c) => c.references('dictionary_value.id'))
      .addColumn('category_id', id, (c) => c.references('dictionary_value.id'))
      .addColumn('customer_type_id', id, (c) => c.references('dictionary_value.id'))
      .addColumn('account_manager_id', id, (c) => c.references('employee.id'))
      .addColumn('employee_count', 'integer')
      .addColumn('next_action_date', date)
      .addColumn('notes', 'text'),
  ).execute();
  for (const column of [
    'industry_id',
    'status_id',
    'category_id',
    'customer_type_id',
    'account_manager_id',
  ]) {
    await db.schema.createIndex(`company_${column}`).on('company').column(column).execute();
  }
  await db.schema.createIndex('company_tax_id').on('company').column('tax_id').execute();
  await db.schema.createIndex('company_city').on('company').column('city').execute();

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('person'))
      .addColumn('company_id', id, (c) => c.references('company.id'))
      .addColumn('first_name', 'text', (c) => c.notNull())
      .addColumn('last_name', 'text', (c) => c.notNull())
      .addColumn('position', 'text')
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('mobile', 'text')
      .addColumn('birth_date', date)
      .addColumn('notes', 'text'),
  ).execute();
  await db.schema.createIndex('person_company').on('person').column('company_id').execute();
  await db.schema.createIndex('person_email').on('person').column('email').execute();

  for (const kind of ['company', 'person'] as const) {
    await withRecordColumns(
      db,
      withId(db, db.schema.createTable(`${kind}_group`))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('color', 'text'),
    ).execute();
    await db.schema
      .createTable(`${kind}_group_member`)
      .addColumn('group_id', id, (c) => c.notNull().references(`${kind}_group.id`).onDelete('cascade'))
      .addColumn(`${kind}_id`, id, (c) => c.notNull().references(`${kind}.id`).onDelete('cascade'))
      .addColumn('created_at', instant, (c) => c.notNull())
      .addColumn('created_by', id)
      .addPrimaryKeyConstraint(`${kind}_group_member_pk`, ['group_id', `${kind}_id`])
      .execute();
    await db.schema
      .createIndex(`${kind}_group_member_${kind}`)
      .on(`${kind}_group_member`)
      .column(`${kind}_id`)
      .execute();
  }

  await createSortIndexes(db);
  await createAuditTables(db);
  await createAccessTables(db);
  await createJobTables(db);
  await createSearchTables(db);
}

/** Keyset paging sorts by title in the reader's alphabet: one index per locale keeps it fast. */
async function createSortIndexes(db: MigrationDb): Promise<void> {
  const sortColumns: Array<[string, string[]]> = [
    ['company', ['name']],
    ['person', ['last_name', 'first_name']],
    ['employee', ['last_name', 'first_name']],
  ];
  for (const locale of ['en', 'pl', 'hu']) {
    for (const [table, columns] of sortColumns) {
      const keys = isPostgres(db)
        ? [...columns.map((c) => `${c} COLLATE "${locale}-x-icu"`), 'id']
        : columns.map((c) => `kt_collate(${c}, '${locale}')`);
      await sql
        .raw(`CREATE INDEX ${table}_sort_${locale} ON ${table} (${keys.join(', ')}) WHERE deleted_at IS NULL`)
        .execute(db);
    }
  }
}

async function createAuditTables(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  await withId(db, db.schema.createTable('record_history'))
    .addColumn('object', 'text', (c) => c.notNull())
    .addColumn('record_id', sql.raw(t.id), (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('field', 'text')
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('changed_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('changed_by', sql.raw(t.id))
    .execute();
  await db.schema
    .createIndex('record_history_record')
    .on('record_history')
    .columns(['object', 'record_id', 'id'])
    .execute();

  await withId(db, db.schema.createTable('outbox_event'))
    .addColumn('object', 'text', (c) => c.notNull())
    .addColumn('record_id', sql.raw(t.id), (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', sql.raw(t.json), (c) => c.notNull())
    .addColumn('actor_id', sql.raw(t.id))
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('dispatched_at', sql.raw(t.instant))
    .execute();
  await sql`CREATE INDEX outbox_event_pending ON outbox_event (id) WHERE dispatched_at IS NULL`.execute(db);

  await db.schema
    .createTable('app_setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', sql.raw(t.instant), (c) => c.notNull())
    .execute();
}

async function createAccessTables(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  const id = sql.raw(t.id);
  const instant = sql.raw(t.instant);
  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', id, (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('expires_at', instant, (c) => c.notNull())
    .addColumn('last_seen_at', instant, (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('session_user').on('session').column('user_id').execute();

  await withId(db, db.schema.createTable('api_token'))
    .addColumn('user_id', id, (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('expires_at', instant)
    .addColumn('last_used_at', instant)
    .addColumn('revoked_at', instant)
    .execute();

  await db.schema
    .createTable('login_throttle')
    .addColumn('login_key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('first_failure_at', instant, (c) => c.notNull())
    .addColumn('locked_until', instant)
    .execute();
}

async function createJobTables(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  const instant = sql.raw(t.instant);
  await withId(db, db.schema.createTable('job'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('run_at', instant, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', instant)
    .addColumn('last_error', 'text')
    .addColumn('unique_key', 'text', (c) => c.unique())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addColumn('finished_at', instant)
    .execute();
  await db.schema.createIndex('job_due').on('job').columns(['status', 'run_at']).execute();
}

async function createSearchTables(db: MigrationDb): Promise<void> {
  if (isPostgres(db)) {
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
    await sql`
      CREATE TABLE search_doc (
        id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        object text NOT NULL,
        record_id bigint NOT NULL,
        title text NOT NULL,
        title_folded text NOT NULL,
        body text NOT NULL,
        tsv tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple', title_folded), 'A') || setweight(to_tsvector('simple', body), 'B')
        ) STORED,
        UNIQUE (object, record_id)
      )`.execute(db);
    await sql`CREATE INDEX search_doc_tsv ON search_doc USING gin (tsv)`.execute(db);
  } else {
    await sql`
      CREATE TABLE search_doc (
        id integer PRIMARY KEY AUTOINCREMENT,
        object text NOT NULL,
        record_id integer NOT NULL,
        title text NOT NULL,
        UNIQUE (object, record_id)
      )`.execute(db);
    // Contentless: search_doc keeps what is shown, the FTS table only the folded tokens.
    await sql`
      CREATE VIRTUAL TABLE search_fts USING fts5(
        title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0',
        prefix='2 3'
      )`.execute(db);
  }
}
