import path from 'node:path';
import type { AppConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { VERSION } from '../../runtime.ts';
import { standardRegistry } from '../objects.ts';
import { BackupError } from './archive.ts';
import { createBackup } from './backup.ts';
import { copyDatabase } from './copy.ts';
import { restoreBackup } from './restore.ts';

/** A whole percent at a time on standard error, so a terminal shows it moving. */
function progressPrinter(): (fraction: number) => void {
  let shown = -1;
  return (fraction) => {
    const percent = Math.floor(fraction * 100);
    if (percent === shown) return;
    shown = percent;
    process.stderr.write(`\r${percent}%`);
    if (percent === 100) process.stderr.write('\n');
  };
}

async function reported(work: () => Promise<void>): Promise<number> {
  try {
    await work();
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    process.stderr.write(`\n${error.message}\n`);
    return 1;
  }
}

/** `kartoteka backup [--to DIR]`: one file, written while the server (if any) keeps serving. */
export async function backupCommand(config: AppConfig, to: string | undefined): Promise<number> {
  const dialect = openDatabase(config.database);
  try {
    return await reported(async () => {
      const dir = to ? path.resolve(to) : config.backup.dir;
      const file = await createBackup({
        dialect,
        dir,
        dataDir: config.dataDir,
        productVersion: VERSION,
        now: new Date(),
        onProgress: progressPrinter(),
      });
      process.stdout.write(`${path.join(dir, file.name)}\n`);
    });
  } finally {
    await dialect.close();
  }
}

/** `kartoteka restore FILE [--force]`: run with the server stopped. */
export async function restoreCommand(config: AppConfig, file: string, force: boolean): Promise<number> {
  const dialect = openDatabase(config.database);
  try {
    return await reported(async () => {
      const manifest = await restoreBackup({
        dialect,
        file: path.resolve(file),
        dataDir: config.dataDir,
        force,
      });
      process.stdout.write(
        `Restored the backup of ${manifest.createdAt} (Kartoteka ${manifest.productVersion}). Start the server again.\n`,
      );
    });
  } finally {
    await dialect.close();
  }
}

/** The address as shown: the password is the administrator's to keep, not the terminal log's. */
function shownUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** `kartoteka copy --to postgres://…`: this installation's database into an empty PostgreSQL one. */
export async function copyCommand(config: AppConfig, to: string | undefined): Promise<number> {
  if (!to || !/^postgres(ql)?:\/\/.+/.test(to)) {
    process.stderr.write('Usage: kartoteka copy --to postgres://user:password@host:5432/database\n');
    return 1;
  }
  const source = openDatabase(config.database);
  const target = openDatabase({ kind: 'postgres', url: to });
  try {
    return await reported(async () => {
      const tables = await copyDatabase({
        source,
        target,
        registry: standardRegistry(),
        onTable: (table, rows) => process.stderr.write(`${table}: ${rows} rows\n`),
      });
      const rows = tables.reduce((sum, table) => sum + table.rows, 0);
      process.stdout.write(
        `Copied ${tables.length} tables, ${rows} rows; every table's row count and checksum match.\n` +
          'To switch, stop the server, set\n' +
          `  DATABASE_URL=${shownUrl(to)}\n` +
          'and start it again. The SQLite file stays as it was.\n',
      );
    });
  } finally {
    await target.close();
    await source.close();
  }
}
