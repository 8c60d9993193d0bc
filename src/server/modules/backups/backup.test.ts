import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import * as tar from 'tar';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../../test/databases.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { openDatabase } from '../../db/database.ts';
import type { Dialect } from '../../db/dialects/dialect.ts';
import { BackupError } from './archive.ts';
import { createBackup, listBackups, pruneBackups } from './backup.ts';
import { BACKUP_JOB } from './jobs.ts';
import { holdsData, restoreBackup } from './restore.ts';
import { pruneRuns } from './runs.ts';

/** Every table's rows, in a stable order: two databases are the same when these are equal. */
async function everyRow(dialect: Dialect): Promise<Record<string, unknown[]>> {
  const tables = (await dialect.db.introspection.getTables()).map((table) => table.name).sort();
  const rows: Record<string, unknown[]> = {};
  for (const table of tables) {
    const result = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.execute(dialect.db);
    rows[table] = result.rows.map((row) => JSON.stringify(row)).sort();
  }
  return rows;
}

describe.each(DIALECTS)('backup and restore (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  const tempDir = async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kartoteka-backup-'));
    cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
    return dir;
  };
  /** An empty database of the same dialect to restore into, closed and dropped at the end. */
  const freshTarget = async () => {
    const database: TestDatabase = await createTestDatabase(dialect);
    const target = openDatabase(database.config);
    cleanups.push(async () => {
      await target.close();
      await database.drop();
    });
    return target;
  };
  const backUp = async (dir: string) =>
    createBackup({
      dialect: env().services.dialect,
      dir,
      dataDir: await tempDir(),
      productVersion: 'test',
      now: new Date(),
    });
  const createCompany = async (name: string) => {
    const response = await env().api('POST', '/api/records/company', { name });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: number }>().id;
  };

  it('restores a backup taken at rest identical, every table row for row', async () => {
    for (const name of ['Kopia Zapasowa sp. z o.o.', 'Biztonsági Mentés Kft.']) await createCompany(name);
    // At rest: the events of those writes delivered, nothing left to change the database.
    await env().services.records.events.kick();
    const dir = await tempDir();
    const backup = await backUp(dir);
    expect(await listBackups(dir)).toEqual([
      expect.objectContaining({ name: backup.name, bytes: backup.bytes }),
    ]);
    expect(backup.name).toMatch(/^kartoteka-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.tar$/);

    const target = await freshTarget();
    const manifest = await restoreBackup({
      dialect: target,
      file: path.join(dir, backup.name),
      dataDir: await tempDir(),
      force: false,
    });
    expect(manifest.dialect).toBe(dialect);
    expect(await everyRow(target)).toEqual(await everyRow(env().services.dialect));
  });

  it('takes a consistent backup while writes go on: every write acknowledged before it is in it', async () => {
    const acknowledged: number[] = [];
    let writing = true;
    const writer = (async () => {
      for (let n = 0; writing; n++) acknowledged.push(await createCompany(`Pisze w trakcie ${n}`));
    })();
    while (acknowledged.length < 5) await new Promise((resolve) => setTimeout(resolve, 5));
    const before = [...acknowledged];
    const dir = await tempDir();
    const backup = await backUp(dir);
    writing = false;
    await writer;

    const target = await freshTarget();
    await restoreBackup({
      dialect: target,
      file: path.join(dir, backup.name),
      dataDir: await tempDir(),
      force: false,
    });
    const restored = (await target.db.selectFrom('company').select('id').execute()).map((row) =>
      Number(row.id),
    );
    expect(restored).toEqual(expect.arrayContaining(before));
    // Consistent: each restored company has its search document and its history, none half-written.
    const documents = await target.db
      .selectFrom('search_doc')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('object', '=', 'company')
      .executeTakeFirstOrThrow();
    expect(Number(documents.count)).toBe(restored.length);
  });

  it('refuses a cut-short, a damaged or a newer backup, and a database with data unless forced, changing nothing', async () => {
    await env().services.records.events.kick();
    const dir = await tempDir();
    const backup = await backUp(dir);
    const file = path.join(dir, backup.name);
    const target = await freshTarget();
    const restore = (from: string, force = false) =>
      restoreBackup({ dialect: target, file: from, dataDir: dir, force });

    const cut = path.join(dir, 'cut.tar');
    const whole = await fs.readFile(file);
    await fs.writeFile(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(restore(cut)).rejects.toThrow(BackupError);
    await expect(restore(cut)).rejects.toThrow(/cannot be restored: .*Nothing was changed/);

    // One byte changed inside the database snapshot: the checksum says so.
    const unpacked = await tempDir();
    await tar.extract({ file, cwd: unpacked });
    const manifest = JSON.parse(await fs.readFile(path.join(unpacked, 'manifest.json'), 'utf8'));
    const snapshot = path.join(unpacked, manifest.snapshot.member);
    const bytes = await fs.readFile(snapshot);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0xff;
    await fs.writeFile(snapshot, bytes);
    const damaged = path.join(dir, 'damaged.tar');
    await tar.create({ file: damaged, cwd: unpacked }, [manifest.snapshot.member, 'manifest.json']);
    await expect(restore(damaged)).rejects.toThrow(/is damaged \(it does not match its checksum\)/);

    // A schema this build does not know: made by a newer Kartoteka.
    await fs.writeFile(snapshot, await fs.readFile(path.join(unpacked, manifest.snapshot.member)));
    await fs.writeFile(
      path.join(unpacked, 'manifest.json'),
      JSON.stringify({ ...manifest, schemaVersion: '2099_01_01_0001_future', productVersion: '9.0.0' }),
    );
    const newer = path.join(dir, 'newer.tar');
    await tar.create({ file: newer, cwd: unpacked }, [manifest.snapshot.member, 'manifest.json']);
    await expect(restore(newer)).rejects.toThrow(/made by a newer version of Kartoteka \(9\.0\.0/);

    expect(await holdsData(target)).toBe(false);
    expect(await target.db.introspection.getTables()).toEqual([]);

    // Restored once; a second restore would replace data: only with --force.
    await restore(file);
    await expect(restore(file)).rejects.toThrow(/already holds data.*--force/);
    await restore(file, true);
    expect(await everyRow(target)).toEqual(await everyRow(env().services.dialect));
  });

  it('restores the run that wrote the backup as done, so the first start does not back up again', async () => {
    const { services } = env();
    const dir = await tempDir();
    services.config.backup.dir = dir;
    await services.jobs.enqueue(BACKUP_JOB, null);
    expect(await services.jobs.runDue()).toBeGreaterThanOrEqual(1);
    const [written] = await listBackups(dir);
    if (!written) throw new Error('the job wrote no backup');

    const target = await freshTarget();
    await restoreBackup({
      dialect: target,
      file: path.join(dir, written.name),
      dataDir: await tempDir(),
      force: false,
    });
    const running = await target.db
      .selectFrom('job')
      .select('id')
      .where('name', '=', BACKUP_JOB)
      .where('status', '=', 'running')
      .execute();
    expect(running).toEqual([]);
    const runs = await target.db.selectFrom('backup_run').select(['status', 'file_name']).execute();
    expect(runs).toEqual([{ status: 'done', file_name: written.name }]);
  });

  it('fails with a clear message and leaves no file where the backup cannot be written', async () => {
    const dir = await tempDir();
    const notAFolder = path.join(dir, 'occupied');
    await fs.writeFile(notAFolder, 'a file where the backup folder should be');
    await expect(backUp(path.join(notAFolder, 'backups'))).rejects.toThrow(
      /The backup could not be written to .*occupied\/backups/,
    );
    expect(await fs.readdir(dir)).toEqual(['occupied']);
  });

  it('keeps the history of the newest hundred runs, and every run still under way', async () => {
    const { db } = env().services.dialect;
    const at = new Date().toISOString();
    await db.deleteFrom('backup_run').execute();
    const finished = Array.from({ length: 105 }, () => ({ status: 'done', progress: 1, created_at: at }));
    await db.insertInto('backup_run').values(finished).execute();
    const oldest = await db.selectFrom('backup_run').select('id').orderBy('id').limit(6).execute();
    await db
      .updateTable('backup_run')
      .set({ status: 'running' })
      .where('id', '=', oldest[0]?.id ?? 0)
      .execute();

    await pruneRuns(db);
    const left = await db.selectFrom('backup_run').select(['id', 'status']).orderBy('id').execute();
    // The newest hundred, and the old one still running.
    expect(left).toHaveLength(101);
    expect(left[0]).toEqual({ id: oldest[0]?.id, status: 'running' });
    expect(left.some((run) => run.id === oldest[1]?.id)).toBe(false);
    await db.deleteFrom('backup_run').execute();
  });

  it('keeps the newest backups and clears what a crashed backup left', async () => {
    const dir = await tempDir();
    const names = ['2026-11-20', '2026-11-21', '2026-11-22'].map((day) => `kartoteka-${day}T02-00-00Z.tar`);
    for (const name of names) await fs.writeFile(path.join(dir, name), 'x');
    await fs.mkdir(path.join(dir, '.staging-abc'));
    await fs.writeFile(path.join(dir, '.kartoteka-2026-11-23T02-00-00Z.tar.partial'), 'half');
    await fs.writeFile(path.join(dir, 'notes.txt'), 'not a backup');
    const removed = await pruneBackups(dir, 2, new Date(Date.now() + 1_000));
    expect(removed).toEqual([names[0]]);
    expect((await fs.readdir(dir)).sort()).toEqual([names[1], names[2], 'notes.txt']);
  });
});
