import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { migrateToLatest } from '../../db/database.ts';
import type { Dialect } from '../../db/dialects/dialect.ts';
import { BackupError, type BackupManifest, unpackArchive } from './archive.ts';
import { BACKUP_JOB } from './jobs.ts';

/** Kysely's own bookkeeping: a database with only these holds no data. */
const BOOKKEEPING = new Set(['kysely_migration', 'kysely_migration_lock']);

/** Whether any table holds a row: such a database is only replaced when asked to (--force). */
export async function holdsData(dialect: Dialect): Promise<boolean> {
  const tables = await dialect.db.introspection.getTables();
  for (const table of tables) {
    if (BOOKKEEPING.has(table.name)) continue;
    const row = await sql`SELECT 1 AS one FROM ${sql.table(table.name)} LIMIT 1`.execute(dialect.db);
    if (row.rows.length > 0) return true;
  }
  return false;
}

/**
 * The snapshot was taken while its own backup ran: in the restored database that run and its
 * job are still "running", and the job's lapsed lease would have a worker write a backup again
 * at the first start. That backup is this file: both are done.
 */
async function settleTheRunThatWroteIt(dialect: Dialect, file: string, now: Date): Promise<void> {
  const at = now.toISOString();
  const { size } = await fs.stat(file);
  await dialect.db
    .updateTable('backup_run')
    .set({ status: 'done', progress: 1, file_name: path.basename(file), bytes: size, finished_at: at })
    .where('status', '=', 'running')
    .execute();
  await dialect.db
    .updateTable('job')
    .set({ status: 'done', finished_at: at, locked_by: null, locked_until: null, updated_at: at })
    .where('name', '=', BACKUP_JOB)
    .where('status', '=', 'running')
    .execute();
}

export interface RestoreOptions {
  dialect: Dialect;
  file: string;
  dataDir: string;
  force: boolean;
}

/**
 * `kartoteka restore FILE`: checks the whole file first (BackupError, nothing touched), refuses
 * a database with data unless forced, restores into the same dialect, puts the stored files
 * back, and brings an older backup's schema up to this build's.
 */
export async function restoreBackup(options: RestoreOptions): Promise<BackupManifest> {
  const { dialect, file } = options;
  await fs.mkdir(options.dataDir, { recursive: true });
  const staging = await fs.mkdtemp(path.join(options.dataDir, '.restore-'));
  try {
    const manifest = await unpackArchive(file, staging);
    if (manifest.dialect !== dialect.name)
      throw new BackupError(
        `${file} is a backup of a ${manifest.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} database and this one is ${dialect.name === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: restore it where it came from, then move with "kartoteka copy". Nothing was changed.`,
      );
    if (!options.force && (await holdsData(dialect)))
      throw new BackupError(
        'The database already holds data. Restoring replaces all of it: run again with --force if that is what you want. Nothing was changed.',
      );
    await dialect.clearForRestore();
    await dialect.restoreSnapshot(path.join(staging, manifest.snapshot.member), manifest.snapshot.format);
    const files = path.join(staging, 'files');
    if (await fs.stat(files).catch(() => null)) {
      const target = path.join(options.dataDir, 'files');
      await fs.rm(target, { recursive: true, force: true });
      await fs.cp(files, target, { recursive: true });
    }
    await migrateToLatest(dialect);
    await settleTheRunThatWroteIt(dialect, file, new Date());
    return manifest;
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}
