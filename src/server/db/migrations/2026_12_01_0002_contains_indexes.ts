import { sql } from 'kysely';
import { isPostgres, type MigrationDb } from './ddl.ts';

/**
 * "Name contains 'kow'" over a million companies read every row (on PostgreSQL up to 1.9 s).
 * A trigram index of each field's folded text (kt_fold: case and accents away, as the filter
 * compares) finds the rows holding a three-letter piece at once. The objects name these
 * fields `containsIndexes`; the engine calls the index `<table>_contains_<column>`.
 *
 * - PostgreSQL: pg_trgm (a trusted extension: the database owner may create it) and a GIN
 *   index on kt_fold(column) of live rows, which `kt_fold(column) LIKE '%…%'` uses by itself.
 * - SQLite: a contentless FTS5 table with the trigram tokenizer whose rowid is the record's
 *   id, holding live rows' folded text. Triggers keep it: a write by any path (the engine,
 *   an import, a restore of the trash) changes it in the same transaction.
 */
const CONTAINS_INDEXES: Array<[table: string, column: string]> = [
  ['company', 'name'],
  ['company', 'email'],
  ['person', 'last_name'],
  ['person', 'email'],
];

export async function up(db: MigrationDb): Promise<void> {
  if (isPostgres(db)) {
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
    for (const [table, column] of CONTAINS_INDEXES) {
      await sql
        .raw(
          `CREATE INDEX ${table}_contains_${column} ON ${table} USING gin (kt_fold(${column}) gin_trgm_ops) WHERE deleted_at IS NULL`,
        )
        .execute(db);
    }
    return;
  }
  for (const [table, column] of CONTAINS_INDEXES) {
    const index = `${table}_contains_${column}`;
    const live = (row: string) => `${row}.deleted_at IS NULL AND ${row}.${column} IS NOT NULL`;
    await sql
      .raw(
        `CREATE VIRTUAL TABLE ${index} USING fts5(value, tokenize = 'trigram', content = '', contentless_delete = 1)`,
      )
      .execute(db);
    await sql
      .raw(
        `INSERT INTO ${index} (rowid, value) SELECT id, kt_fold(${column}) FROM ${table} t WHERE ${live('t')}`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${index}_insert AFTER INSERT ON ${table} WHEN ${live('new')} BEGIN
          INSERT INTO ${index} (rowid, value) VALUES (new.id, kt_fold(new.${column}));
        END`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${index}_update AFTER UPDATE OF ${column}, deleted_at ON ${table} BEGIN
          DELETE FROM ${index} WHERE rowid = old.id;
          INSERT INTO ${index} (rowid, value) SELECT new.id, kt_fold(new.${column}) WHERE ${live('new')};
        END`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${index}_delete AFTER DELETE ON ${table} BEGIN
          DELETE FROM ${index} WHERE rowid = old.id;
        END`,
      )
      .execute(db);
  }
}
