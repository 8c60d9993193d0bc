import fs from 'node:fs/promises';
import path from 'node:path';
import type { BackupFile } from '../../../shared/backups/types.ts';
import { schemaVersion } from '../../db/database.ts';
import type { Dialect } from '../../db/dialects/dialect.ts';
import {
  BackupError,
  type BackupManifest,
  describeMembers,
  FORMAT_VERSION,
  packArchive,
  storedFiles,
} from './archive.ts';

export interface BackupOptions {
  dialect: Dialect;
  /** Where backup files go (KARTOTEKA_BACKUP_DIR). */
  dir: string;
  /** The data folder: its `files/` (documents of later modules) go into the backup too. */
  dataDir: string;
  productVersion: string;
  now: Date;
  onProgress?: (fraction: number) => void;
}

/** `kartoteka-2026-11-27T02-00-00Z.tar`: sorts by time, and no colons (Windows, URLs). */
export function backupName(at: Date): string {
  return `kartoteka-${at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-')}.tar`;
}

const BACKUP_NAME = /^kartoteka-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z(-\d+)?\.tar$/;

export function isBackupName(name: string): boolean {
  return BACKUP_NAME.test(name);
}

const SNAPSHOT_MEMBER = { sqlite: 'database.sqlite', pg_dump: 'database.pgdump' } as const;

async function freeName(dir: string, at: Date): Promise<string> {
  const base = backupName(at);
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : base.replace(/\.tar$/, `-${n}.tar`);
    if (!(await fs.stat(path.join(dir, name)).catch(() => null))) return name;
  }
}

/**
 * Writes one consistent backup file while the server keeps serving. A failure (a full or
 * read-only disk, a missing pg_dump) leaves no file behind and says why.
 */
export async function createBackup(options: BackupOptions): Promise<BackupFile> {
  const { dialect, dir } = options;
  const progress = options.onProgress ?? (() => undefined);
  let staging: string | undefined;
  try {
    await fs.mkdir(dir, { recursive: true });
    staging = await fs.mkdtemp(path.join(dir, '.staging-'));
    const version = await schemaVersion(dialect);
    if (!version) throw new Error('the database has no schema yet');
    // The snapshot is most of the work; packing and checksums the last tenth.
    const taken = await dialect.snapshot(path.join(staging, 'database'), (fraction) =>
      progress(fraction * 0.9),
    );
    const member = SNAPSHOT_MEMBER[taken];
    await fs.rename(path.join(staging, 'database'), path.join(staging, member));
    const files = path.join(options.dataDir, 'files');
    if (await fs.stat(files).catch(() => null))
      await fs.cp(files, path.join(staging, 'files'), { recursive: true });
    const manifest: BackupManifest = {
      format: 'kartoteka-backup',
      formatVersion: FORMAT_VERSION,
      productVersion: options.productVersion,
      createdAt: options.now.toISOString(),
      dialect: dialect.name,
      schemaVersion: version,
      snapshot: { format: taken, member },
      members: await describeMembers(staging, [member, ...(await storedFiles(staging))]),
    };
    const name = await freeName(dir, options.now);
    await packArchive(staging, manifest, path.join(dir, name));
    progress(1);
    const stat = await fs.stat(path.join(dir, name));
    return { name, bytes: stat.size, createdAt: manifest.createdAt };
  } catch (error) {
    throw new BackupError(`The backup could not be written to ${dir}: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    if (staging) await fs.rm(staging, { recursive: true, force: true });
  }
}

/** The backup files in `dir`, newest first; partial and foreign files are not listed. */
export async function listBackups(dir: string): Promise<BackupFile[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const found: BackupFile[] = [];
  for (const name of names.filter(isBackupName)) {
    const stat = await fs.stat(path.join(dir, name)).catch(() => null);
    if (stat?.isFile()) found.push({ name, bytes: stat.size, createdAt: stat.mtime.toISOString() });
  }
  return found.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/**
 * Keeps the newest `keep` backups and deletes the rest, with what a crash left half-written
 * (partial archives and staging folders of backups no longer running).
 */
export async function pruneBackups(dir: string, keep: number, olderThan: Date): Promise<string[]> {
  const removed: string[] = [];
  for (const backup of (await listBackups(dir)).slice(keep)) {
    await fs.rm(path.join(dir, backup.name), { force: true });
    removed.push(backup.name);
  }
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    if (!name.startsWith('.staging-') && !name.endsWith('.tar.partial')) continue;
    const stat = await fs.stat(path.join(dir, name)).catch(() => null);
    if (stat && stat.mtime < olderThan) await fs.rm(path.join(dir, name), { recursive: true, force: true });
  }
  return removed;
}
