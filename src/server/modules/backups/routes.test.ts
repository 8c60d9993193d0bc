import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../../test/access-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import type { BackupRun } from '../../../shared/backups/types.ts';
import { BACKUP_JOB, runBackup } from './jobs.ts';

interface ListBody {
  items: Array<{ name: string; bytes: number; createdAt: string }>;
  runs: BackupRun[];
  schedule: { cron: string | null; timeZone: string; keep: number; dir: string };
}

describe.each(DIALECTS)('backups over HTTP (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  let dir = '';
  let scratch = '';

  beforeAll(async () => {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'kartoteka-backup-routes-'));
    dir = path.join(scratch, 'backups');
    const { config } = env().services;
    config.backup = { ...config.backup, dir };
    // Stored files come from the data folder: an empty one of the test's own.
    config.dataDir = path.join(scratch, 'data');
  });
  afterAll(async () => {
    await fs.rm(scratch, { recursive: true, force: true });
  });

  const adminId = async () =>
    (await env().api('GET', '/api/auth/me')).json<{ user: { id: number } }>().user.id;
  const start = async () => {
    const response = await env().api('POST', '/api/backups');
    expect(response.statusCode, response.body).toBe(202);
    return response.json<{ run: BackupRun }>().run;
  };
  const runOf = async (id: number) => {
    const response = await env().api('GET', `/api/backups/runs/${id}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<BackupRun>();
  };
  const list = async () => {
    const response = await env().api('GET', '/api/backups');
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ListBody>();
  };
  const backupJobs = async (status: string) =>
    (
      await env()
        .services.dialect.db.selectFrom('job')
        .select('id')
        .where('name', '=', BACKUP_JOB)
        .where('status', '=', status)
        .execute()
    ).length;

  it('serves administrators only: anyone else gets 403 and starts nothing', async () => {
    const other = await createAccount(env, []);
    for (const [method, url] of [
      ['GET', '/api/backups'],
      ['POST', '/api/backups'],
      ['GET', '/api/backups/runs/1'],
      ['GET', '/api/backups/files/kartoteka-2026-11-27T02-00-00Z.tar'],
    ] as const) {
      expectError(await env().api(method, url, undefined, other.session), 403, 'forbidden');
    }
    expect((await list()).runs).toEqual([]);
    expect(await backupJobs('queued')).toBe(0);
  });

  it('backs up on request: the run is queued, the job makes the file, the run says done', async () => {
    const run = await start();
    expect(run).toMatchObject({
      status: 'queued',
      progress: 0,
      fileName: null,
      requestedBy: await adminId(),
    });
    expect(await runOf(run.id)).toMatchObject({ status: 'queued' });

    await env().services.jobs.runDue();
    const done = await runOf(run.id);
    expect(done).toMatchObject({ status: 'done', progress: 1, error: null });
    expect(done.fileName).toMatch(/^kartoteka-.*\.tar$/);
    expect(done.startedAt).not.toBeNull();
    expect(done.finishedAt).not.toBeNull();
    const stat = await fs.stat(path.join(dir, done.fileName ?? ''));
    expect(done.bytes).toBe(stat.size);

    const body = await list();
    expect(body.items).toContainEqual(expect.objectContaining({ name: done.fileName, bytes: stat.size }));
    expect(body.runs[0]).toEqual(done);
    expect(body.schedule).toEqual({ cron: '0 2 * * *', timeZone: 'Europe/Warsaw', keep: 14, dir });
    expect(await backupJobs('done')).toBe(1);
  });

  it('downloads a backup file whole, as a tar attachment', async () => {
    const [file] = (await list()).items;
    if (!file) throw new Error('no backup to download');
    const response = await env().api('GET', `/api/backups/files/${file.name}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-tar');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${file.name}"`);
    expect(response.rawPayload.length).toBe(file.bytes);
    expect(response.rawPayload.equals(await fs.readFile(path.join(dir, file.name)))).toBe(true);
    // A POSIX tar header: the magic "ustar" at offset 257 of the first block.
    expect(response.rawPayload.subarray(257, 262).toString('latin1')).toBe('ustar');
  });

  it('refuses a name that is not a backup’s (400) and one that is not there (404)', async () => {
    for (const name of [
      '..%2F..%2Fetc%2Fpasswd',
      'notes.txt',
      'kartoteka-2026-11-27.tar',
      '.kartoteka.tar.partial',
    ])
      expectError(await env().api('GET', `/api/backups/files/${name}`), 400, 'bad_request', /not the name/);
    expectError(
      await env().api('GET', '/api/backups/files/kartoteka-1999-01-01T00-00-00Z.tar'),
      404,
      'not_found',
    );
    expectError(await env().api('GET', '/api/backups/runs/987654'), 404, 'not_found');
  });

  it('runs one backup at a time: a second start while one is queued is a 409', async () => {
    const first = await start();
    expectError(await env().api('POST', '/api/backups'), 409, 'conflict', /already queued or running/);
    expect(await backupJobs('queued')).toBe(1);
    await env().services.jobs.runDue();
    expect(await runOf(first.id)).toMatchObject({ status: 'done' });
    // Once it is over, the next one may start.
    const second = await start();
    await env().services.jobs.runDue();
    expect(await runOf(second.id)).toMatchObject({ status: 'done' });
  });

  it('records a scheduled backup as a run of its own, and skips one while another is under way', async () => {
    const { jobs } = env().services;
    await jobs.enqueue(BACKUP_JOB, null);
    await jobs.runDue();
    const [scheduled] = (await list()).runs;
    expect(scheduled).toMatchObject({ status: 'done', requestedBy: null, progress: 1 });

    // The schedule's tick comes while an administrator's run waits: it adds no second backup.
    const requested = await start();
    await runBackup(env().services, null, { jobId: 987_654, attempt: 1 });
    expect((await list()).runs.slice(0, 2).map((run) => run.id)).toEqual([requested.id, scheduled?.id]);
    await jobs.runDue();
    expect(await runOf(requested.id)).toMatchObject({ status: 'done' });
  });

  it('says why a backup failed, and a failed run does not block the next one', async () => {
    const { config } = env().services;
    // A file where the folder should be: the backup cannot be written there.
    const blocked = path.join(scratch, 'not-a-folder');
    await fs.writeFile(blocked, 'x');
    config.backup = { ...config.backup, dir: blocked };
    try {
      const run = await start();
      await env().services.jobs.runDue();
      const failed = await runOf(run.id);
      expect(failed).toMatchObject({ status: 'failed', fileName: null });
      expect(failed.error).toContain(`could not be written to ${blocked}`);
      expect(failed.finishedAt).not.toBeNull();
      expect(await backupJobs('failed')).toBe(1);
    } finally {
      config.backup = { ...config.backup, dir };
    }
    const next = await start();
    await env().services.jobs.runDue();
    expect(await runOf(next.id)).toMatchObject({ status: 'done' });
  });

  it('carries a retried scheduled backup on in the run of its first attempt', async () => {
    const { config } = env().services;
    const blocked = path.join(scratch, 'still-not-a-folder');
    await fs.writeFile(blocked, 'x');
    const job = { jobId: 424_242, attempt: 1 };
    config.backup = { ...config.backup, dir: blocked };
    try {
      await expect(runBackup(env().services, null, job)).rejects.toThrow(/could not be written/);
    } finally {
      config.backup = { ...config.backup, dir };
    }
    const [failed] = (await list()).runs;
    expect(failed).toMatchObject({ status: 'failed', requestedBy: null });
    await runBackup(env().services, null, { ...job, attempt: 2 });
    const runs = (await list()).runs;
    expect(runs[0]).toMatchObject({ id: failed?.id, status: 'done', error: null, progress: 1 });
    expect(runs[1]?.id).not.toBe(failed?.id);
    // Done is done: a third delivery of the same job writes no second backup.
    const files = (await list()).items.length;
    await runBackup(env().services, null, { ...job, attempt: 3 });
    expect((await list()).items.length).toBe(files);
    expect((await list()).runs[0]?.id).toBe(failed?.id);
  });

  it('gives up on a run a dead process left behind hours ago, so a new one can start', async () => {
    const { db } = env().services.dialect;
    const longAgo = new Date(Date.now() - 7 * 3_600_000).toISOString();
    const left = await db
      .insertInto('backup_run')
      .values({ status: 'running', progress: 0.4, created_at: longAgo, started_at: longAgo })
      .returning('id')
      .executeTakeFirstOrThrow();
    const run = await start();
    expect(await runOf(Number(left.id))).toMatchObject({ status: 'failed', error: null });
    await env().services.jobs.runDue();
    expect(await runOf(run.id)).toMatchObject({ status: 'done' });
  });
});
