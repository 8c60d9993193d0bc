import { sql } from 'kysely';
import { columnTypes, isPostgres, type MigrationDb } from './ddl.ts';

/**
 * Events delivered at least once (ADR 0011):
 *
 * - `event_consumer`: one row per consumer (timeline, notifications…) holding its cursor, the
 *   position of the last event it handled, and its failures. Replay after a restart is the cursor.
 * - `outbox_event.tx_id`: on PostgreSQL the writing transaction's id. Ids are drawn before
 *   commit, so id 11 can be visible while 10 is still in flight; a consumer reads only events
 *   of transactions older than every transaction still running (the snapshot's xmin), in
 *   (tx_id, id) order, so it never steps past one that commits later. SQLite has one writer: 0.
 * - `dispatched_at` goes: delivery is a consumer's cursor, not a mark on the event.
 * - `subject_object`, `subject_id` on history and events: the client whose file a change
 *   belongs in, indexed, so a client's timeline and notifications find them without a scan.
 *   Existing rows of the client objects get theirs here (frozen copy of their `subject`
 *   declarations on 2026-11-28).
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  const id = sql.raw(t.id);
  const instant = sql.raw(t.instant);
  await db.schema
    .createTable('event_consumer')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('last_tx_id', id, (c) => c.notNull().defaultTo(0))
    .addColumn('last_event_id', id, (c) => c.notNull().defaultTo(0))
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retry_at', instant)
    .addColumn('last_error', 'text')
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();

  await sql`DROP INDEX outbox_event_pending`.execute(db);
  await db.schema.alterTable('outbox_event').dropColumn('dispatched_at').execute();
  const txDefault = isPostgres(db) ? sql`(pg_current_xact_id()::text::bigint)` : sql`0`;
  await sql`ALTER TABLE outbox_event ADD COLUMN tx_id ${id} NOT NULL DEFAULT ${txDefault}`.execute(db);
  await db.schema.createIndex('outbox_event_order').on('outbox_event').columns(['tx_id', 'id']).execute();

  for (const table of ['outbox_event', 'record_history']) {
    await db.schema.alterTable(table).addColumn('subject_object', 'text').execute();
    await db.schema.alterTable(table).addColumn('subject_id', id).execute();
    // History is read per object within a client's file (its own fields, its people, its
    // addresses…), so the object comes before the id there.
    const columns =
      table === 'record_history'
        ? ['subject_object', 'subject_id', 'object', 'id']
        : ['subject_object', 'subject_id', 'id'];
    await db.schema.createIndex(`${table}_subject`).on(table).columns(columns).execute();
    await fillSubjects(db, table);
  }
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of ['outbox_event', 'record_history']) {
    await db.schema.dropIndex(`${table}_subject`).execute();
    await db.schema.alterTable(table).dropColumn('subject_id').execute();
    await db.schema.alterTable(table).dropColumn('subject_object').execute();
  }
  await db.schema.dropIndex('outbox_event_order').execute();
  await db.schema.alterTable('outbox_event').dropColumn('tx_id').execute();
  await db.schema
    .alterTable('outbox_event')
    .addColumn('dispatched_at', sql.raw(columnTypes(db).instant))
    .execute();
  await sql`CREATE INDEX outbox_event_pending ON outbox_event (id) WHERE dispatched_at IS NULL`.execute(db);
  await db.schema.dropTable('event_consumer').execute();
}

/** Objects whose rows name their company directly, and the column that does. */
const THROUGH_COMPANY: ReadonlyArray<readonly [object: string, table: string]> = [
  ['person', 'person'],
  ['address', 'address'],
  ['company_phone', 'company_phone'],
  ['company_email', 'company_email'],
  ['financial_year', 'financial_year'],
  ['bank_account', 'bank_account'],
  // A past job belongs in the file of the company it was at.
  ['person_employment', 'person_employment'],
];

/** Objects that belong to a person, whose company is the subject. */
const THROUGH_PERSON: ReadonlyArray<readonly [object: string, table: string]> = [['consent', 'consent']];

export async function fillSubjects(db: MigrationDb, table: string): Promise<void> {
  await sql`UPDATE ${sql.table(table)} SET subject_object = 'company', subject_id = record_id
    WHERE object = 'company'`.execute(db);
  for (const [object, source] of THROUGH_COMPANY) {
    await sql`UPDATE ${sql.table(table)} SET subject_object = 'company', subject_id = (
        SELECT s.company_id FROM ${sql.table(source)} s WHERE s.id = ${sql.table(table)}.record_id)
      WHERE object = ${object}`.execute(db);
  }
  for (const [object, source] of THROUGH_PERSON) {
    await sql`UPDATE ${sql.table(table)} SET subject_object = 'company', subject_id = (
        SELECT p.company_id FROM ${sql.table(source)} s JOIN person p ON p.id = s.person_id
        WHERE s.id = ${sql.table(table)}.record_id)
      WHERE object = ${object}`.execute(db);
  }
  // A person without a company concerns no client's file.
  await sql`UPDATE ${sql.table(table)} SET subject_object = NULL WHERE subject_id IS NULL`.execute(db);
}
