import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';

/**
 * Native whole-database copies (issue 11 §1): SQLite's online backup API, PostgreSQL's
 * pg_dump/pg_restore. Both are taken while others keep writing, and both are consistent: the
 * backup API restarts a step a writer changed, pg_dump reads one snapshot.
 */
export type SnapshotFormat = 'sqlite' | 'pg_dump';

export class SnapshotToolMissing extends Error {}

/** Copies a live SQLite database page by page, a slice at a time so writers are not held up. */
export async function sqliteSnapshot(
  database: Database.Database,
  file: string,
  onProgress: (fraction: number) => void,
): Promise<void> {
  await database.backup(file, {
    progress: ({ totalPages, remainingPages }) => {
      onProgress(totalPages === 0 ? 1 : (totalPages - remainingPages) / totalPages);
      return 1_000;
    },
  });
}

/**
 * Replaces the database's pages with the snapshot's through the same backup API, in one
 * transaction of the destination: a failure leaves the database as it was.
 */
export async function sqliteRestore(file: string, snapshot: string): Promise<void> {
  const source = new Database(snapshot, { readonly: true, fileMustExist: true });
  try {
    await source.backup(file);
  } finally {
    source.close();
  }
}

interface Run {
  code: number | null;
  stderr: string;
}

function run(command: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new SnapshotToolMissing(`${command} is not installed (Debian: apt-get install postgresql-client)`)
          : error,
      ),
    );
    child.once('close', (code) => resolve({ code, stderr: stderr.trim() }));
  });
}

/** pg_dump's custom format: compressed, restored table by table by pg_restore. */
export async function pgSnapshot(url: string, file: string): Promise<void> {
  const result = await run('pg_dump', [
    '--format=custom',
    '--no-owner',
    '--no-privileges',
    `--file=${file}`,
    `--dbname=${url}`,
  ]);
  if (result.code !== 0) throw new Error(`pg_dump failed: ${result.stderr || `exit code ${result.code}`}`);
}

/** The dump in one transaction: a failure half-way leaves nothing of it behind. */
export async function pgRestore(url: string, snapshot: string): Promise<void> {
  const result = await run('pg_restore', [
    '--no-owner',
    '--no-privileges',
    '--single-transaction',
    '--exit-on-error',
    `--dbname=${url}`,
    snapshot,
  ]);
  if (result.code !== 0) throw new Error(`pg_restore failed: ${result.stderr || `exit code ${result.code}`}`);
}
