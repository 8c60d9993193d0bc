import { createHash } from 'node:crypto';
import { Migrator, type QueryResult, type RawBuilder, sql } from 'kysely';
import { bulkInsertRows } from '../../db/bulk-insert.ts';
import { schemaVersion } from '../../db/database.ts';
import type { Dialect, Executor } from '../../db/dialects/dialect.ts';
import { migrations } from '../../db/migrations/index.ts';
import type { MetadataRegistry } from '../../metadata/registry.ts';
import { searchDocument } from '../../records/search-index.ts';
import { BackupError } from './archive.ts';
import { holdsData } from './restore.ts';

/** Kept by the migrations themselves, and the search index, rebuilt from the records. */
const NOT_COPIED = new Set(['kysely_migration', 'kysely_migration_lock', 'search_doc']);
const ROWS_PER_READ = 5_000;

export interface TableCopy {
  table: string;
  rows: number;
  /** SHA-256 of the table's rows in id order, each value in one form for both databases. */
  checksum: string;
}

/**
 * One spelling of a value for both databases: SQLite's 0/1 and PostgreSQL's booleans, JSON
 * text and parsed JSON (whose keys PostgreSQL reorders), numbers read as text or not.
 */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number' || typeof value === 'bigint') return String(Number(value));
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  if (typeof value === 'object') return JSON.stringify(sortedKeys(value));
  if (typeof value === 'string' && /^[[{]/.test(value)) {
    try {
      return JSON.stringify(sortedKeys(JSON.parse(value)));
    } catch {
      return value;
    }
  }
  return String(value);
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, inner]) => [key, sortedKeys(inner)]),
    );
  return value;
}

/**
 * Each table's columns, sorted, leaving out those the database computes itself (PostgreSQL's
 * stored folded text, `Dialect.foldedColumns`): they are neither copied nor compared.
 */
async function columnsOf(dialect: Dialect): Promise<Map<string, string[]>> {
  const tables = await dialect.db.introspection.getTables();
  const generated = new Set<string>();
  if (dialect.foldedColumns) {
    const found = await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND is_generated = 'ALWAYS'`.execute(dialect.db);
    for (const row of found.rows) generated.add(`${row.table_name}.${row.column_name}`);
  }
  return new Map(
    tables.map((table) => [
      table.name,
      table.columns
        .map((column) => column.name)
        .filter((name) => !generated.has(`${table.name}.${name}`))
        .sort(),
    ]),
  );
}

/**
 * Rows of a table in a stable order, a slice at a time (a million rows never sit in memory at
 * once): after the last id where there are ids, by offset in the link tables that have none.
 */
async function* rowsOf(executor: Executor, table: string, columns: string[]) {
  const selected = sql.join(columns.map((column) => sql.ref(column)));
  if (columns.includes('id')) {
    for (let after: number | null = null; ; ) {
      const past: RawBuilder<unknown> = after === null ? sql`` : sql`WHERE id > ${after}`;
      const page: QueryResult<Record<string, unknown>> = await sql<Record<string, unknown>>`
        SELECT ${selected} FROM ${sql.table(table)} ${past} ORDER BY id LIMIT ${ROWS_PER_READ}`.execute(
        executor,
      );
      if (page.rows.length === 0) return;
      yield page.rows;
      after = Number(page.rows.at(-1)?.id);
      if (page.rows.length < ROWS_PER_READ) return;
    }
  }
  const order = columns;
  for (let offset = 0; ; offset += ROWS_PER_READ) {
    const page = await sql<Record<string, unknown>>`
      SELECT ${sql.join(columns.map((column) => sql.ref(column)))} FROM ${sql.table(table)}
      ORDER BY ${sql.join(order.map((column) => sql.ref(column)))}
      LIMIT ${ROWS_PER_READ} OFFSET ${offset}`.execute(executor);
    if (page.rows.length === 0) return;
    yield page.rows;
    if (page.rows.length < ROWS_PER_READ) return;
  }
}

async function summarise(executor: Executor, table: string, columns: string[]): Promise<TableCopy> {
  const hash = createHash('sha256');
  let rows = 0;
  for await (const page of rowsOf(executor, table, columns)) {
    for (const row of page)
      hash.update(`${columns.map((column) => canonical(row[column])).join('\u001f')}\n`);
    rows += page.length;
  }
  return { table, rows, checksum: hash.digest('hex') };
}

export interface CopyOptions {
  source: Dialect;
  target: Dialect;
  registry: MetadataRegistry;
  onTable?: (table: string, rows: number) => void;
}

/**
 * `kartoteka copy`: every table of the source into an empty target of the other dialect, ids
 * kept and sequences moved past them, in one transaction of the target; the search index is
 * rebuilt from the records; then each table's row count and checksum are compared on both
 * sides. The source only reads; run it with the server stopped, or writes made meanwhile are
 * not copied.
 */
export async function copyDatabase(options: CopyOptions): Promise<TableCopy[]> {
  const { source, target, registry } = options;
  if (await holdsData(target))
    throw new BackupError(
      'The target database already holds data; copy only into an empty database. Nothing was changed.',
    );
  const version = await schemaVersion(source);
  if (!version) throw new BackupError('The source database has no schema yet: there is nothing to copy.');
  // The same schema as the source's, however far this build has moved since.
  const migrator = new Migrator({ db: target.db, provider: { getMigrations: async () => migrations } });
  const migrated = await migrator.migrateTo(version);
  if (migrated.error)
    throw new BackupError(`The target's schema could not be made: ${String(migrated.error)}`);

  const sourceTables = await columnsOf(source);
  const targetTables = await columnsOf(target);
  const tables = [...targetTables.keys()].filter((table) => !NOT_COPIED.has(table)).sort();
  for (const table of tables) {
    const from = sourceTables.get(table)?.join(',');
    if (from !== targetTables.get(table)?.join(','))
      throw new BackupError(`The table ${table} differs between the two databases; nothing was copied.`);
  }

  await target.bulkLoad(async (trx) => {
    // Some migrations write rows of their own (the access revision, standard roles): the
    // source's, as they are now, take their place.
    for (const table of tables) await sql`DELETE FROM ${sql.table(table)}`.execute(trx);
    for (const table of tables) {
      const columns = sourceTables.get(table) ?? [];
      let rows = 0;
      for await (const page of rowsOf(source.db, table, columns)) {
        await bulkInsertRows(trx, target.name, table, page);
        rows += page.length;
      }
      options.onTable?.(table, rows);
    }
    for (const definition of registry.list().filter((object) => object.searchFields.length > 0)) {
      const columns = targetTables.get(definition.table) ?? [];
      for await (const page of rowsOf(trx, definition.table, columns)) {
        const live = page.filter((row) => !row.deleted_at);
        await target.insertSearchDocuments(
          trx,
          live.map((row) => searchDocument(definition, row)),
        );
      }
    }
  });

  const copied: TableCopy[] = [];
  for (const table of tables) {
    const columns = sourceTables.get(table) ?? [];
    const [from, to] = [
      await summarise(source.db, table, columns),
      await summarise(target.db, table, columns),
    ];
    if (from.rows !== to.rows || from.checksum !== to.checksum)
      throw new BackupError(
        `The copy of ${table} does not match the source (${from.rows} rows there, ${to.rows} here); do not switch to it.`,
      );
    copied.push(to);
  }
  return copied;
}
