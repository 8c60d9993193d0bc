// Frozen helpers for migrations: like the migrations themselves they import nothing from
// the application, so an old migration keeps meaning what it meant when it was written.
import { type CreateTableBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

export type MigrationDb = Kysely<unknown>;

export function isPostgres(db: MigrationDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export interface ColumnTypes {
  id: string;
  bool: string;
  date: string;
  instant: string;
  json: string;
}

export function columnTypes(db: MigrationDb): ColumnTypes {
  return isPostgres(db)
    ? { id: 'bigint', bool: 'boolean', date: 'date', instant: 'timestamptz', json: 'jsonb' }
    : { id: 'integer', bool: 'integer', date: 'text', instant: 'text', json: 'text' };
}

/** An integer primary key that is never reused (history rows keep pointing at the right record). */
export function withId<T extends string>(
  db: MigrationDb,
  table: CreateTableBuilder<T>,
): CreateTableBuilder<T> {
  return isPostgres(db)
    ? table.addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** The columns every business record carries: audit, optimistic lock and trash. */
export function withRecordColumns<T extends string>(
  db: MigrationDb,
  table: CreateTableBuilder<T>,
): CreateTableBuilder<T> {
  const t = columnTypes(db);
  return table
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('created_by', sql.raw(t.id))
    .addColumn('updated_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('updated_by', sql.raw(t.id))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('deleted_at', sql.raw(t.instant))
    .addColumn('deleted_by', sql.raw(t.id));
}
