import type { BackupRun } from '../../../shared/backups/types.ts';
import type { AppServices } from '../../http/types.ts';
import type { JobContext } from '../../jobs/queue.ts';
import type { ModuleSchedule } from '../../jobs/scheduler.ts';
import { createBackup, pruneBackups } from './backup.ts';
import {
  ABANDONED_AFTER_MS,
  finishRun,
  insertRun,
  loadRun,
  pruneRuns,
  runOfJob,
  setProgress,
  startRun,
} from './runs.ts';

export const BACKUP_JOB = 'backups.run';

/** Progress is written when it moved this much, or after this long: a bar that moves, few writes. */
const PROGRESS_STEP = 0.05;
const PROGRESS_EVERY_MS = 500;

function runIdOf(payload: unknown): number | null {
  const id = (payload as { runId?: unknown } | null)?.runId;
  return typeof id === 'number' && Number.isSafeInteger(id) ? id : null;
}

/**
 * The id of the run this job carries out, set running; null when there is nothing to do. An
 * administrator's run was queued by the route; the schedule's job makes its own, unless another
 * backup is under way (one is being written anyway). A retry of the job (a crash, a lost lease)
 * carries on with the run of its earlier attempt, unless that one ended well.
 */
async function claimRun(services: AppServices, payload: unknown, job: JobContext): Promise<number | null> {
  const { dialect } = services;
  const start = async (run: BackupRun) =>
    (await startRun(dialect, run.id, job.jobId, services.now())) ? run.id : null;
  const runId = runIdOf(payload);
  if (runId !== null) {
    const run = await loadRun(dialect.db, runId);
    // Gone (a restored database) or already over (given up on as abandoned): not to be redone.
    if (!run || run.status === 'done' || run.status === 'failed') return null;
    return start(run);
  }
  const earlier = await runOfJob(dialect.db, job.jobId);
  if (earlier) return earlier.status === 'done' ? null : start(earlier);
  const made = await insertRun(dialect, {
    status: 'running',
    requestedBy: null,
    jobId: job.jobId,
    now: services.now(),
  });
  return made?.id ?? null;
}

/**
 * Passes the backup's progress on to `write`, throttled, one write after another; a failed
 * write only leaves the bar behind (the run's end is written apart, after `settled`).
 */
export function progressWriter(
  write: (fraction: number) => Promise<void>,
  clock: () => number = () => performance.now(),
): { report(fraction: number): void; settled(): Promise<void> } {
  let written = 0;
  let writtenAt = Number.NEGATIVE_INFINITY;
  let writes: Promise<void> = Promise.resolve();
  return {
    report(fraction) {
      const at = clock();
      // The end (1) is the run's finish to write, with its file.
      if (fraction >= 1 || fraction <= written) return;
      if (fraction - written < PROGRESS_STEP && at - writtenAt < PROGRESS_EVERY_MS) return;
      written = fraction;
      writtenAt = at;
      writes = writes.then(() => write(fraction)).catch(() => undefined);
    },
    settled: () => writes,
  };
}

/** The job's handler: `{ runId }` from the route, nothing from the schedule. */
export async function runBackup(services: AppServices, payload: unknown, job: JobContext): Promise<void> {
  const { config, dialect } = services;
  const runId = await claimRun(services, payload, job);
  if (runId === null) return;
  const progress = progressWriter((fraction) => setProgress(dialect.db, runId, fraction));
  try {
    const file = await createBackup({
      dialect,
      dir: config.backup.dir,
      dataDir: config.dataDir,
      productVersion: services.version,
      now: services.now(),
      onProgress: progress.report,
    });
    await progress.settled();
    await finishRun(dialect.db, runId, { fileName: file.name, bytes: file.bytes }, services.now());
  } catch (error) {
    await progress.settled();
    const message = error instanceof Error ? error.message : String(error);
    await finishRun(dialect.db, runId, { error: message }, services.now());
    // The job fails too: the schedule's is retried (a database that was away for a moment),
    // and the queue keeps the failure for an administrator.
    throw error;
  }
  await pruneBackups(
    config.backup.dir,
    config.backup.keep,
    new Date(services.now().getTime() - ABANDONED_AFTER_MS),
  );
  await pruneRuns(services.dialect.db);
}

/**
 * The backup as a job: the daily schedule and an administrator's "Back up now" both queue it,
 * so it runs once even with several instances, and the newest KARTOTEKA_BACKUP_KEEP files stay.
 * Each run is a `backup_run` row (runs.ts) the administration screen shows.
 */
export function registerBackupJobs(services: AppServices): void {
  services.jobs.register(BACKUP_JOB, (payload, context) => runBackup(services, payload, context));
}

/** The daily backup (KARTOTEKA_BACKUP_CRON in KARTOTEKA_TIME_ZONE; `off` for none). */
export function backupSchedules(services: AppServices): ModuleSchedule[] {
  const { cron } = services.config.backup;
  return cron ? [{ name: 'backup', cron, job: BACKUP_JOB, timeZone: services.config.timeZone }] : [];
}
