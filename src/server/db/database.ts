import { Migrator } from 'kysely';
import type { DatabaseConfig } from '../config.ts';
import type { Dialect } from './dialects/dialect.ts';
import { openPostgres } from './dialects/postgres.ts';
import { openSqlite } from './dialects/sqlite.ts';
import { migrations } from './migrations/index.ts';

export function openDatabase(config: DatabaseConfig): Dialect {
  return config.kind === 'postgres' ? openPostgres(config.url) : openSqlite(config.file);
}

function migratorOf(dialect: Dialect): Migrator {
  return new Migrator({ db: dialect.db, provider: { getMigrations: async () => migrations } });
}

/** Migrations this build has that the database has not run (readiness: none may be left). */
export async function pendingMigrations(dialect: Dialect): Promise<string[]> {
  const known = await migratorOf(dialect).getMigrations();
  return known.filter((migration) => !migration.executedAt).map((migration) => migration.name);
}

/** The newest migration the database has run: what a backup of it needs to be read. */
export async function schemaVersion(dialect: Dialect): Promise<string | null> {
  const known = await migratorOf(dialect).getMigrations();
  return known.filter((migration) => migration.executedAt).at(-1)?.name ?? null;
}

/** Whether this build knows a schema version (a backup from a newer build names one it does not). */
export function knowsSchemaVersion(name: string): boolean {
  return Object.hasOwn(migrations, name);
}

/** Brings the schema up to date; run at every start, safe to run from several instances at once. */
export async function migrateToLatest(dialect: Dialect): Promise<string[]> {
  const migrator = migratorOf(dialect);
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
