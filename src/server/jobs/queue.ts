import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Dialect, Executor } from '../db/dialects/dialect.ts';

export interface JobContext {
  jobId: number;
  attempt: number;
}

export type JobHandler = (payload: unknown, context: JobContext) => Promise<void>;

export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
  /** A second enqueue with the same key is ignored: how cron ticks stay single across instances. */
  uniqueKey?: string;
}

export interface NewJob {
  name: string;
  payload: unknown;
  options?: EnqueueOptions;
}

export type WorkerStatus = 'running' | 'stalled' | 'stopped';

/** Rows per insert: 9 parameters each, far below either dialect's limit. */
const JOBS_PER_STATEMENT = 500;

interface ClaimedJob {
  id: number;
  name: string;
  payload: string;
  attempts: number;
  max_attempts: number;
}

export interface QueueOptions {
  /** How long a claimed job belongs to this worker; after that another may retry it (crashed worker). */
  leaseMs?: number;
  batchSize?: number;
  onError?: (error: unknown, job: { id: number; name: string; attempt: number }) => void;
}

/** Delay before retry n (1-based): 5 s, 10 s, 20 s… capped at one hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(5_000 * 2 ** (attempt - 1), 3_600_000);
}

/**
 * A job queue kept in the database, so jobs survive restarts and several app instances share
 * the work: a job is claimed by exactly one worker (SKIP LOCKED on PostgreSQL, the single
 * writer on SQLite), retried with exponential backoff, and marked failed after its last attempt.
 */
export class JobQueue {
  readonly workerId = `${process.pid}-${randomBytes(4).toString('hex')}`;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private stopping = false;
  /** Set by the worker that runs this queue in the background; readiness asks it. */
  worker: { status(): WorkerStatus } | undefined;

  constructor(
    private readonly dialect: Dialect,
    private readonly now: () => Date,
    private readonly options: QueueOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.batchSize = options.batchSize ?? 10;
  }

  register(name: string, handler: JobHandler): void {
    if (this.handlers.has(name)) throw new Error(`job ${name} is already registered`);
    this.handlers.set(name, handler);
  }

  /** Adds a job; pass a transaction as `executor` to enqueue atomically with other writes. */
  async enqueue(
    name: string,
    payload: unknown,
    options: EnqueueOptions = {},
    executor: Executor = this.dialect.db,
  ): Promise<boolean> {
    return (await this.enqueueMany([{ name, payload, options }], executor)) > 0;
  }

  /**
   * Adds many jobs in few statements (a batch of notifications queues thousands of mails);
   * returns how many were new. Jobs whose unique key is taken, by an earlier job or one
   * before them in the list, are left out.
   */
  async enqueueMany(jobs: ReadonlyArray<NewJob>, executor: Executor = this.dialect.db): Promise<number> {
    const at = this.now().toISOString();
    const keys = new Set<string>();
    const rows = [];
    for (const { name, payload, options = {} } of jobs) {
      if (options.uniqueKey !== undefined) {
        if (keys.has(options.uniqueKey)) continue;
        keys.add(options.uniqueKey);
      }
      rows.push({
        name,
        payload: JSON.stringify(payload ?? null),
        status: 'queued',
        run_at: (options.runAt ?? this.now()).toISOString(),
        attempts: 0,
        max_attempts: options.maxAttempts ?? 5,
        unique_key: options.uniqueKey ?? null,
        created_at: at,
        updated_at: at,
      });
    }
    let added = 0;
    for (let start = 0; start < rows.length; start += JOBS_PER_STATEMENT) {
      const result = await executor
        .insertInto('job')
        .values(rows.slice(start, start + JOBS_PER_STATEMENT))
        .onConflict((conflict) => conflict.column('unique_key').doNothing())
        .executeTakeFirst();
      added += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    return added;
  }

  /**
   * Claims due jobs and runs them; returns how many ran. Once the queue is stopping, the job
   * in hand is finished and the rest of the batch is handed back for another instance.
   */
  async runDue(): Promise<number> {
    if (this.stopping) return 0;
    const jobs = await this.claim();
    for (const [index, job] of jobs.entries()) {
      if (this.stopping) {
        await this.release(jobs.slice(index).map((left) => left.id));
        return index;
      }
      await this.run(job);
    }
    return jobs.length;
  }

  /** No more jobs are claimed; `runDue` finishes the job it is running and hands back the rest. */
  stop(): void {
    this.stopping = true;
  }

  /**
   * Hands back jobs this instance holds, as if never claimed (the attempt is not counted): at
   * shutdown another instance takes them at once instead of after the lease runs out. Without
   * `ids`, every job it holds — also one still running that shutdown could not wait for.
   */
  async release(ids?: readonly number[]): Promise<number> {
    if (ids?.length === 0) return 0;
    let query = this.dialect.db
      .updateTable('job')
      .set((eb) => ({
        status: 'queued',
        locked_by: null,
        locked_until: null,
        attempts: eb('attempts', '-', 1),
        updated_at: this.now().toISOString(),
      }))
      .where('locked_by', '=', this.workerId)
      .where('status', '=', 'running');
    if (ids) query = query.where('id', 'in', ids);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Jobs waiting, running and given up on (metrics), over every instance sharing the database. */
  async depth(): Promise<Record<'queued' | 'running' | 'failed', number>> {
    const rows = await this.dialect.db
      .selectFrom('job')
      .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
      .where('status', 'in', ['queued', 'running', 'failed'])
      .groupBy('status')
      .execute();
    const depth = { queued: 0, running: 0, failed: 0 };
    for (const row of rows) depth[row.status as keyof typeof depth] = Number(row.count);
    return depth;
  }

  /** Forgets jobs that finished well before `before`; failed ones stay for an administrator. */
  async prune(before: Date): Promise<void> {
    await this.dialect.db
      .deleteFrom('job')
      .where('status', '=', 'done')
      .where('finished_at', '<', before.toISOString())
      .execute();
  }

  private async claim(): Promise<ClaimedJob[]> {
    const now = this.now();
    const nowIso = now.toISOString();
    const leaseUntil = new Date(now.getTime() + this.leaseMs).toISOString();
    const result = await sql<ClaimedJob>`
      UPDATE job SET status = 'running', locked_by = ${this.workerId}, locked_until = ${leaseUntil},
        attempts = attempts + 1, updated_at = ${nowIso}
      WHERE id IN (
        SELECT id FROM job
        WHERE (status = 'queued' AND run_at <= ${nowIso}) OR (status = 'running' AND locked_until < ${nowIso})
        ORDER BY run_at, id LIMIT ${this.batchSize} ${this.dialect.skipLocked})
      RETURNING id, name, payload, attempts, max_attempts`.execute(this.dialect.db);
    return result.rows.map((row) => ({ ...row, id: Number(row.id) }));
  }

  /**
   * Keeps the lease of a job while it runs: a backup of a large database takes longer than the
   * lease, and another worker must not take it for abandoned and run it a second time.
   */
  private holdLease(job: ClaimedJob): () => void {
    const renew = setInterval(() => {
      const until = new Date(this.now().getTime() + this.leaseMs).toISOString();
      void this.dialect.db
        .updateTable('job')
        .set({ locked_until: until })
        .where('id', '=', job.id)
        .where('locked_by', '=', this.workerId)
        .execute()
        .catch((error: unknown) =>
          this.options.onError?.(error, { id: job.id, name: job.name, attempt: job.attempts }),
        );
    }, this.leaseMs / 3);
    renew.unref();
    return () => clearInterval(renew);
  }

  private async run(job: ClaimedJob): Promise<void> {
    const handler = this.handlers.get(job.name);
    const stopRenewing = this.holdLease(job);
    try {
      if (!handler) throw new Error(`no handler registered for job ${job.name}`);
      await handler(JSON.parse(job.payload), { jobId: job.id, attempt: job.attempts });
      stopRenewing();
      await this.finish(job, { status: 'done', finished_at: this.now().toISOString(), last_error: null });
    } catch (error) {
      stopRenewing();
      this.options.onError?.(error, { id: job.id, name: job.name, attempt: job.attempts });
      const message = error instanceof Error ? error.message : String(error);
      const retry = job.attempts < job.max_attempts;
      await this.finish(job, {
        status: retry ? 'queued' : 'failed',
        run_at: retry ? new Date(this.now().getTime() + retryDelayMs(job.attempts)).toISOString() : undefined,
        finished_at: retry ? null : this.now().toISOString(),
        last_error: message.slice(0, 2000),
      });
    }
  }

  /** Only the worker holding the lease may settle the job. */
  private async finish(job: ClaimedJob, changes: Record<string, unknown>): Promise<void> {
    const values = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    await this.dialect.db
      .updateTable('job')
      .set({ ...values, locked_by: null, locked_until: null, updated_at: this.now().toISOString() })
      .where('id', '=', job.id)
      .where('locked_by', '=', this.workerId)
      .execute();
  }
}
