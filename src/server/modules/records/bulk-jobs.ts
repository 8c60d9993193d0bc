import type { BulkRun } from '../../../shared/records/bulk-runs.ts';
import { actorOfAccount } from '../../access/account-actor.ts';
import { type Actor, actorUserId } from '../../access/actor.ts';
import { AppError } from '../../errors.ts';
import type { AppServices } from '../../http/types.ts';
import type { JobContext } from '../../jobs/queue.ts';
import {
  type BulkRunRequest,
  continueBulkRun,
  finishBulkRun,
  insertBulkRun,
  loadBulkRun,
} from '../../records/bulk-runs.ts';

export const BULK_JOB = 'records.bulk';
const BULK_ATTEMPTS = 3;

/** Queues a bulk action too large for one transaction; its run is followed with GET /api/bulk-runs/:id. */
export async function startBulkRun(
  services: AppServices,
  actor: Actor,
  object: string,
  request: BulkRunRequest,
  size: { count: number; exact: boolean },
): Promise<BulkRun> {
  const { dialect } = services;
  return dialect.db.transaction().execute(async (trx) => {
    const run = await insertBulkRun(trx, {
      object,
      request: { selection: request.selection, action: request.action },
      total: size.count,
      exact: size.exact,
      requestedBy: actorUserId(actor),
      now: services.now(),
      encodeBoolean: (value) => dialect.encodeBoolean(value),
    });
    await services.jobs.enqueue(BULK_JOB, { runId: run.id }, { maxAttempts: BULK_ATTEMPTS }, trx);
    return run;
  });
}

function runIdOf(payload: unknown): number {
  const id = (payload as { runId?: unknown } | null)?.runId;
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) throw new Error('bulk job without a runId');
  return id;
}

/**
 * The job: runs as the account that started the action, with its rights as they are now. A
 * refusal of the whole action (the right taken away, the field gone) ends the run as failed
 * with its reason; anything else is retried from the last committed batch, and the last
 * attempt's error is kept on the run.
 */
async function runBulkJob(services: AppServices, payload: unknown, job: JobContext): Promise<void> {
  const runId = runIdOf(payload);
  const run = await loadBulkRun(services.dialect.db, runId);
  if (!run) return;
  try {
    const actor = await actorOfAccount(services.dialect, services.rights, run.requestedBy);
    await continueBulkRun(services.records, actor, runId);
  } catch (error) {
    const refused = error instanceof AppError && error.statusCode < 500;
    if (refused || job.attempt >= BULK_ATTEMPTS) {
      const message = error instanceof Error ? error.message : String(error);
      await finishBulkRun(services.dialect.db, runId, {
        status: 'failed',
        error: message,
        now: services.now(),
      });
      if (refused) return;
    }
    throw error;
  }
}

export function registerBulkJobs(services: AppServices): void {
  services.jobs.register(BULK_JOB, (payload, context) => runBulkJob(services, payload, context));
}
