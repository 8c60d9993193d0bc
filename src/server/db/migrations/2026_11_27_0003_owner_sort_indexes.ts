import { sql } from 'kysely';
import { isPostgres, type MigrationDb } from './ddl.ts';

/**
 * "My clients, by name": the list a salesperson opens most. The row scope `own` makes it
 * `account_manager_id = :me ORDER BY name`; with one index per locale on (owner, name in that
 * locale's order, id) that is a walk of the salesperson's own rows in order, instead of
 * fetching all of them (20,000 of a million) and sorting. The engine names these
 * `<table>_owner_sort_<locale>` (records/reader.ts); they exist for objects whose owner is one
 * relation away and that have a title sort index.
 */
export async function up(db: MigrationDb): Promise<void> {
  const owned: Array<[table: string, owner: string, columns: string[]]> = [
    ['company', 'account_manager_id', ['name']],
  ];
  for (const locale of ['en', 'pl', 'hu']) {
    for (const [table, owner, columns] of owned) {
      const keys = isPostgres(db)
        ? [owner, ...columns.map((c) => `${c} COLLATE "${locale}-x-icu"`), 'id']
        : [owner, ...columns.map((c) => `kt_collate(${c}, '${locale}')`)];
      await sql
        .raw(
          `CREATE INDEX ${table}_owner_sort_${locale} ON ${table} (${keys.join(', ')}) WHERE deleted_at IS NULL`,
        )
        .execute(db);
    }
  }
}
