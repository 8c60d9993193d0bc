import { setImmediate as nextTurn } from 'node:timers/promises';
import type { BulkRun, BulkRunFailure, BulkRunStatus } from '../../shared/records/bulk-runs.ts';
import type { Actor } from '../access/actor.ts';
import type { Db, Executor } from '../db/dialects/dialect.ts';
import { AppError } from '../errors.ts';
import {
  BULK_BATCH_SIZE,
  type BulkAction,
  type BulkSelection,
  type PreparedBulkAction,
  prepareBulkAction,
} from './bulk.ts';
import { refusalOf } from './bulk-steps.ts';
import { UndoCollector } from './bulk-undo.ts';
import type { RecordsContext } from './context.ts';
import { afterId, selectedIds, withIds } from './selection.ts';

/** Refused batches kept on a run: enough to see what went wrong, bounded however large the run. */
const FAILURES_KEPT = 100;

export interface BulkRunRequest {
  selection: BulkSelection;
  action: BulkAction;
}

function toRun(row: Record<string, unknown>): BulkRun {
  return {
    id: Number(row.id),
    object: String(row.object),
    status: row.status as BulkRunStatus,
    total: Number(row.total),
    totalExact: row.total_exact === true || Number(row.total_exact) === 1,
    processed: Number(row.processed),
    updated: Number(row.updated),
    failed: Number(row.failed),
    failures: JSON.parse(String(row.failures)) as BulkRunFailure[],
    error: (row.error as string | null) ?? null,
    requestedBy: row.requested_by === null ? null : Number(row.requested_by),
    createdAt: String(row.created_at),
    startedAt: (row.started_at as string | null) ?? null,
    finishedAt: (row.finished_at as string | null) ?? null,
  };
}

export async function insertBulkRun(
  executor: Executor,
  run: {
    object: string;
    request: BulkRunRequest;
    total: number;
    exact: boolean;
    requestedBy: number | null;
    now: Date;
    encodeBoolean: (value: boolean) => boolean | number;
  },
): Promise<BulkRun> {
  const row = await executor
    .insertInto('bulk_run')
    .values({
      object: run.object,
      request: JSON.stringify(run.request),
      status: 'queued',
      total: run.total,
      total_exact: run.encodeBoolean(run.exact),
      requested_by: run.requestedBy,
      created_at: run.now.toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRun(row);
}

export async function loadBulkRun(db: Db, id: number): Promise<BulkRun | null> {
  const row = await db.selectFrom('bulk_run').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRun(row) : null;
}

/** Ends a queued or running run; one already ended (a cancelled one) stays as it is. */
export async function finishBulkRun(
  db: Db,
  id: number,
  values: { status: 'done' | 'failed' | 'cancelled'; error?: string; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('bulk_run')
    .set({
      status: values.status,
      error: values.error?.slice(0, 2000) ?? null,
      finished_at: values.now.toISOString(),
    })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

async function stillRunning(db: Db, id: number): Promise<boolean> {
  const row = await db.selectFrom('bulk_run').select('status').where('id', '=', id).executeTakeFirst();
  return row?.status === 'running';
}

/**
 * Goes on with a background bulk action from its last committed batch: each batch of
 * BULK_BATCH_SIZE records is changed in its own transaction, all or nothing, together with the
 * run's cursor and counts. A batch the engine refuses (a record the change would take outside
 * the actor's rights, a unique clash) is rolled back, recorded with its reason, and the run goes
 * on with the next one. The selection and the rights are checked again for every batch, so a
 * record deleted meanwhile is skipped and a right taken away stops the run.
 */
export async function continueBulkRun(
  ctx: RecordsContext,
  actor: Actor,
  runId: number,
  batchSize = BULK_BATCH_SIZE,
): Promise<void> {
  const db = ctx.dialect.db;
  // The run's row once: its state, the request it carries and where the last attempt stopped.
  const row = await db.selectFrom('bulk_run').selectAll().where('id', '=', runId).executeTakeFirst();
  const run = row ? toRun(row) : null;
  if (!row || !run || (run.status !== 'queued' && run.status !== 'running')) return;
  const request = JSON.parse(String(row.request)) as BulkRunRequest;
  if (run.status === 'queued') {
    await db
      .updateTable('bulk_run')
      .set({ status: 'running', started_at: ctx.now().toISOString() })
      .where('id', '=', runId)
      .where('status', '=', 'queued')
      .execute();
  }
  const prepared = await prepareBulkAction(ctx, actor, run.object, request);
  const named = 'ids' in request.selection ? [...new Set(request.selection.ids)].sort((a, b) => a - b) : null;
  let lastId = Number(row.last_id);
  for (;;) {
    // Cancelled meanwhile (on any instance): the batches done stay done, no more are started.
    if (!(await stillRunning(db, runId))) return;
    const batch = await nextBatch(db, prepared, named, lastId, batchSize);
    if (batch.length === 0) break;
    await runBatch(ctx, actor, prepared, runId, batch);
    lastId = batch.at(-1) as number;
    void ctx.events.kick();
    // better-sqlite3 never yields by itself: let other requests in between batches.
    await nextTurn();
  }
  await finishBulkRun(db, runId, { status: 'done', now: ctx.now() });
}

/** The next batch's ids after the cursor: from the named ids, or the selection's own. */
async function nextBatch(
  db: Db,
  prepared: PreparedBulkAction,
  named: number[] | null,
  lastId: number,
  size: number,
): Promise<number[]> {
  if (!named) return selectedIds(db, afterId(prepared.selection, lastId), size);
  const start = named.findIndex((id) => id > lastId);
  return start < 0 ? [] : named.slice(start, start + size);
}

async function runBatch(
  ctx: RecordsContext,
  actor: Actor,
  prepared: PreparedBulkAction,
  runId: number,
  batch: number[],
) {
  const db = ctx.dialect.db;
  const lastId = batch.at(-1) as number;
  try {
    await db.transaction().execute(async (trx) => {
      // Only what the selection still holds: a record deleted or moved out of reach is skipped.
      const ids = await selectedIds(trx, withIds(prepared.selection, batch, 'only'), batch.length);
      const changed =
        ids.length === 0
          ? 0
          : await prepared.step({ ...ctx, transaction: trx }, trx, ids, new UndoCollector());
      await trx
        .updateTable('bulk_run')
        .set((eb) => ({
          last_id: lastId,
          processed: eb('processed', '+', batch.length),
          updated: eb('updated', '+', changed),
        }))
        .where('id', '=', runId)
        .execute();
    });
  } catch (failure) {
    const error = await refusalOf(ctx, actor, prepared.definition, failure);
    // A refusal of this batch's records: recorded, and the run goes on. Anything else (the
    // database gone, a bug) ends the attempt; the job runs again from the last committed batch.
    if (!(error instanceof AppError) || error.statusCode >= 500) throw error;
    await recordFailure(db, runId, {
      fromId: batch[0] as number,
      toId: lastId,
      count: batch.length,
      status: error.statusCode,
      code: error.code,
      message: error.message,
    });
  }
}

async function recordFailure(db: Db, runId: number, failure: BulkRunFailure): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('bulk_run')
      .select('failures')
      .where('id', '=', runId)
      .executeTakeFirstOrThrow();
    const failures = JSON.parse(String(row.failures)) as BulkRunFailure[];
    if (failures.length < FAILURES_KEPT) failures.push(failure);
    await trx
      .updateTable('bulk_run')
      .set((eb) => ({
        last_id: failure.toId,
        processed: eb('processed', '+', failure.count),
        failed: eb('failed', '+', failure.count),
        failures: JSON.stringify(failures),
      }))
      .where('id', '=', runId)
      .execute();
  });
}
