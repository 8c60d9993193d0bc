import path from 'node:path';
import type { AppConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { VERSION } from '../../runtime.ts';
import { BackupError } from './archive.ts';
import { createBackup } from './backup.ts';
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
