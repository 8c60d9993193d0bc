import { sql } from 'kysely';
import { isPostgres, type MigrationDb } from './ddl.ts';

/**
 * PostgreSQL folded every row's text again on every read: kt_fold (case and accents away) takes
 * tens of microseconds a value, so "e-mail contains 'kowalew'" walking the last-name index
 * through 200,000 people took 2 s, and its planner, knowing nothing of that cost nor of how
 * many rows hold a stem, could not tell. Each `containsIndexes` field now has its folded text
 * stored beside it (`<column>_folded`, a generated column: kept by the database on every write,
 * by any path), its trigram index covers that column, and its statistics give the planner
 * real estimates for `LIKE '%…%'`. SQLite keeps the folded text in its FTS5 trigram tables.
 */
const CONTAINS_INDEXES: Array<[table: string, column: string]> = [
  ['company', 'name'],
  ['company', 'email'],
  ['person', 'last_name'],
  ['person', 'email'],
];

export async function up(db: MigrationDb): Promise<void> {
  if (!isPostgres(db)) return;
  for (const [table, column] of CONTAINS_INDEXES) {
    const index = `${table}_contains_${column}`;
    await sql
      .raw(
        `ALTER TABLE ${table} ADD COLUMN ${column}_folded text GENERATED ALWAYS AS (kt_fold(${column})) STORED`,
      )
      .execute(db);
    await sql.raw(`DROP INDEX ${index}`).execute(db);
    await sql
      .raw(
        `CREATE INDEX ${index} ON ${table} USING gin (${column}_folded gin_trgm_ops) WHERE deleted_at IS NULL`,
      )
      .execute(db);
  }
  for (const table of new Set(CONTAINS_INDEXES.map(([table]) => table)))
    await sql.raw(`ANALYZE ${table}`).execute(db);
}

export async function down(db: MigrationDb): Promise<void> {
  if (!isPostgres(db)) return;
  for (const [table, column] of CONTAINS_INDEXES) {
    await sql.raw(`DROP INDEX ${table}_contains_${column}`).execute(db);
    await sql.raw(`ALTER TABLE ${table} DROP COLUMN ${column}_folded`).execute(db);
    await sql
      .raw(
        `CREATE INDEX ${table}_contains_${column} ON ${table} USING gin (kt_fold(${column}) gin_trgm_ops) WHERE deleted_at IS NULL`,
      )
      .execute(db);
  }
}
