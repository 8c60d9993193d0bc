import { type ColumnDefinitionBuilder, sql } from 'kysely';
import { columnTypes, type MigrationDb, withId, withRecordColumns } from './ddl.ts';

/**
 * The client card's child records: addresses (one main, mirrored onto the company's own
 * columns), additional phones and e-mails, financial years with money in minor units, bank
 * accounts; a person's employment history and consents; a person's name day and preferences.
 * Every child is found by its parent through an index, since the card lists them all at once.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  const id = sql.raw(t.id);
  const bool = sql.raw(t.bool);
  const date = sql.raw(t.date);
  const instant = sql.raw(t.instant);
  const company = (c: ColumnDefinitionBuilder) => c.notNull().references('company.id');
  const dictionary = 'dictionary_value.id';

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('address'))
      .addColumn('company_id', id, company)
      .addColumn('kind_id', id, (c) => c.references(dictionary))
      .addColumn('street', 'text')
      .addColumn('building', 'text')
      .addColumn('postal_code', 'text')
      .addColumn('city', 'text', (c) => c.notNull())
      .addColumn('region', 'text')
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('is_main', bool, (c) => c.notNull())
      .addColumn('notes', 'text'),
  ).execute();

  for (const [table, value] of [
    ['company_phone', 'phone'],
    ['company_email', 'email'],
  ] as const) {
    await withRecordColumns(
      db,
      withId(db, db.schema.createTable(table))
        .addColumn('company_id', id, company)
        .addColumn('kind_id', id, (c) => c.references(dictionary))
        .addColumn(value, 'text', (c) => c.notNull())
        .addColumn('note', 'text'),
    ).execute();
  }

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('financial_year'))
      .addColumn('company_id', id, company)
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('revenue_amount', id)
      .addColumn('revenue_currency', 'text')
      .addColumn('profit_amount', id)
      .addColumn('profit_currency', 'text')
      .addColumn('assets_amount', id)
      .addColumn('assets_currency', 'text')
      .addColumn('employees', 'integer')
      .addColumn('note', 'text'),
  ).execute();
  // One row per client and year among the live ones (a deleted year may be entered again).
  await sql`CREATE UNIQUE INDEX financial_year_company_year ON financial_year (company_id, year) WHERE deleted_at IS NULL`.execute(
    db,
  );

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('bank_account'))
      .addColumn('company_id', id, company)
      .addColumn('iban', 'text', (c) => c.notNull())
      .addColumn('bank', 'text')
      .addColumn('currency', 'text')
      .addColumn('is_main', bool, (c) => c.notNull())
      .addColumn('note', 'text'),
  ).execute();

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('person_employment'))
      .addColumn('person_id', id, (c) => c.notNull().references('person.id'))
      .addColumn('company_id', id, (c) => c.references('company.id'))
      .addColumn('position', 'text')
      .addColumn('department', 'text')
      .addColumn('started_on', date)
      .addColumn('ended_on', date)
      .addColumn('note', 'text'),
  ).execute();

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('consent'))
      .addColumn('person_id', id, (c) => c.notNull().references('person.id'))
      .addColumn('channel_id', id, (c) => c.notNull().references(dictionary))
      .addColumn('given', bool, (c) => c.notNull())
      .addColumn('recorded_at', instant, (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('text_version', 'text')
      .addColumn('note', 'text'),
  ).execute();

  for (const [table, column] of [
    ['address', 'company_id'],
    ['company_phone', 'company_id'],
    ['company_email', 'company_id'],
    ['bank_account', 'company_id'],
    ['person_employment', 'person_id'],
    ['person_employment', 'company_id'],
    ['consent', 'person_id'],
  ] as const) {
    await db.schema.createIndex(`${table}_${column}`).on(table).column(column).execute();
  }
  // The duplicate check compares a client's further phones and e-mails too (the e-mail
  // without case: the e-mail check admits ASCII only, so lower() agrees on both dialects).
  await db.schema.createIndex('company_phone_by_phone').on('company_phone').column('phone').execute();
  await sql`CREATE INDEX company_email_by_email ON company_email (lower(email))`.execute(db);
  // "Who may we e-mail": consents filtered by channel across all people.
  await db.schema.createIndex('consent_channel_id').on('consent').column('channel_id').execute();

  // What a prospect is interested in: the marketing section of its card.
  await db.schema.alterTable('company').addColumn('interest', 'text').execute();

  await db.schema.alterTable('person').addColumn('name_day', 'text').execute();
  await db.schema
    .alterTable('person')
    .addColumn('preferred_language_id', id, (c) => c.references(dictionary))
    .execute();
  await db.schema
    .alterTable('person')
    .addColumn('preferred_channel_id', id, (c) => c.references(dictionary))
    .execute();
  // A group is static (chosen members) or dynamic (a saved filter, members computed when read).
  for (const table of ['company_group', 'person_group']) {
    await db.schema
      .alterTable(table)
      .addColumn('kind', 'text', (c) => c.notNull().defaultTo('static'))
      .execute();
    await db.schema.alterTable(table).addColumn('filter', 'text').execute();
  }

  // Birthdays and name days coming up: a list sorted and filtered by the day of the year.
  await db.schema.createIndex('person_name_day').on('person').column('name_day').execute();
}
