import type { BackupRun, BackupRunStatus } from '../../../shared/backups/types.ts';
import type { Db, Dialect, Executor } from '../../db/dialects/dialect.ts';

const ACTIVE: BackupRunStatus[] = ['queued', 'running'];

/**
 * A run queued or running this long was left by a process that died (its staging folder is
 * cleaned up after as long, see jobs.ts): it no longer keeps another backup from starting.
 */
export const ABANDONED_AFTER_MS = 6 * 3_600_000;

/** What the database gives back: ids and sizes as numbers or (SQLite) bigint-ish values. */
function toRun(row: Record<string, unknown>): BackupRun {
  const optionalNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return {
    id: Number(row.id),
    status: row.status as BackupRunStatus,
    progress: Number(row.progress),
    fileName: (row.file_name as string | null) ?? null,
    bytes: optionalNumber(row.bytes),
    error: (row.error as string | null) ?? null,
    requestedBy: optionalNumber(row.requested_by),
    createdAt: String(row.created_at),
    startedAt: (row.started_at as string | null) ?? null,
    finishedAt: (row.finished_at as string | null) ?? null,
  };
}

export async function loadRun(db: Db, id: number): Promise<BackupRun | null> {
  const row = await db.selectFrom('backup_run').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRun(row) : null;
}

/** The newest runs first. */
export async function latestRuns(db: Db, limit: number): Promise<BackupRun[]> {
  const rows = await db
    .selectFrom('backup_run')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRun);
}

/** Marks runs a dead process left queued or running as failed, so they stop blocking new ones. */
export async function settleAbandoned(db: Executor, now: Date): Promise<void> {
  await db
    .updateTable('backup_run')
    .set({ status: 'failed', error: null, finished_at: now.toISOString() })
    .where('status', 'in', ACTIVE)
    .where('created_at', '<', new Date(now.getTime() - ABANDONED_AFTER_MS).toISOString())
    .execute();
}

/** Runs kept for the screen's history: about a quarter of a year of daily backups. */
const RUNS_KEPT = 100;

/** Forgets finished runs beyond the newest RUNS_KEPT (the files themselves rotate on their own). */
export async function pruneRuns(db: Executor): Promise<void> {
  const newest = db.selectFrom('backup_run').select('id').orderBy('id', 'desc').limit(RUNS_KEPT);
  await db.deleteFrom('backup_run').where('status', 'not in', ACTIVE).where('id', 'not in', newest).execute();
}

/**
 * A new run, queued (an administrator's, for the job to pick up) or already running (the
 * schedule's, made by its job). Null when another backup is queued or running: the unique
 * index on active runs refuses it, on whichever instance it was started.
 */
export async function insertRun(
  dialect: Dialect,
  values: { status: 'queued' | 'running'; requestedBy: number | null; jobId: number | null; now: Date },
  executor: Executor = dialect.db,
): Promise<BackupRun | null> {
  const at = values.now.toISOString();
  await settleAbandoned(executor, values.now);
  try {
    const row = await executor
      .insertInto('backup_run')
      .values({
        status: values.status,
        progress: 0,
        requested_by: values.requestedBy,
        job_id: values.jobId,
        created_at: at,
        started_at: values.status === 'running' ? at : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRun(row);
  } catch (error) {
    if (dialect.isUniqueViolation(error)) return null;
    throw error;
  }
}

/**
 * The run the job carries on: set running from the start again (a retry after a crash redoes
 * the whole backup). False when it cannot run now: another backup took the one active slot.
 */
export async function startRun(dialect: Dialect, id: number, jobId: number, now: Date): Promise<boolean> {
  try {
    await dialect.db
      .updateTable('backup_run')
      .set({
        status: 'running',
        progress: 0,
        job_id: jobId,
        error: null,
        file_name: null,
        bytes: null,
        started_at: now.toISOString(),
        finished_at: null,
      })
      .where('id', '=', id)
      .execute();
    return true;
  } catch (error) {
    if (dialect.isUniqueViolation(error)) return false;
    throw error;
  }
}

/** The newest run an earlier attempt of this job made, if any. */
export async function runOfJob(db: Db, jobId: number): Promise<BackupRun | null> {
  const row = await db
    .selectFrom('backup_run')
    .selectAll()
    .where('job_id', '=', jobId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? toRun(row) : null;
}

/** Only a running run moves: a late progress report never undoes its end. */
export async function setProgress(db: Db, id: number, progress: number): Promise<void> {
  await db
    .updateTable('backup_run')
    .set({ progress })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

export async function finishRun(
  db: Db,
  id: number,
  outcome: { fileName: string; bytes: number } | { error: string },
  now: Date,
): Promise<void> {
  await db
    .updateTable('backup_run')
    .set(
      'error' in outcome
        ? { status: 'failed', error: outcome.error.slice(0, 2000), finished_at: now.toISOString() }
        : {
            status: 'done',
            progress: 1,
            file_name: outcome.fileName,
            bytes: outcome.bytes,
            finished_at: now.toISOString(),
          },
    )
    .where('id', '=', id)
    .execute();
}
