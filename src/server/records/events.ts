import { sql } from 'kysely';
import type { Dialect, Executor, Tx } from '../db/dialects/dialect.ts';
import type { Subject } from './subjects.ts';

export type RecordEventType = 'created' | 'updated' | 'deleted' | 'restored';

export interface RecordEvent {
  id: number;
  object: string;
  recordId: number;
  type: RecordEventType;
  payload: Record<string, unknown>;
  actorId: number | null;
  createdAt: string;
  /** The client whose file the change belongs in (`subjects.ts`); null when none. */
  subject: Subject | null;
}

export type NewRecordEvent = Omit<RecordEvent, 'id' | 'subject'> & { subject?: Subject | null };

/** The outbox row is part of the write's transaction: an event exists if and only if the change committed. */
export async function writeEvent(executor: Executor, event: NewRecordEvent): Promise<void> {
  await executor.insertInto('outbox_event').values(eventRow(event)).execute();
}

/** The `outbox_event` row of an event (for writers that insert many in one statement). */
export function eventRow(event: NewRecordEvent): Record<string, unknown> {
  return {
    object: event.object,
    record_id: event.recordId,
    type: event.type,
    payload: JSON.stringify(event.payload),
    actor_id: event.actorId,
    created_at: event.createdAt,
    subject_object: event.subject?.object ?? null,
    subject_id: event.subject?.id ?? null,
  };
}

export interface ConsumerContext {
  /** The transaction that advances the consumer's cursor: what the consumer writes here commits with it. */
  trx: Tx;
  /** Work after the commit (a live signal to other instances); a crash before it loses only that work. */
  afterCommit(work: () => Promise<void> | void): void;
}

/**
 * Something that reacts to committed changes (notifications, a projection, webhooks). It sees
 * every event once per cursor position, in commit order; after a crash it sees again the batch
 * it was handling, so its side effects must be idempotent (keyed by event id) or written in
 * `context.trx`, which makes them happen exactly once with the cursor.
 */
export interface EventConsumer {
  name: string;
  /** Where a consumer that has never run begins: every event still kept, or the newest. */
  start: 'beginning' | 'now';
  handle(events: RecordEvent[], context: ConsumerContext): Promise<void>;
  batchSize?: number;
}

type Outcome = 'caught-up' | 'more' | 'busy' | 'unsettled' | 'backing-off' | 'failed';

/** How long a kick waits for other transactions' events to settle before leaving them to a retry. */
const SETTLE_WAIT_MS = 2_000;
/**
 * A round waits this long for more commits to join it. Each round that hands over events
 * commits the consumer's cursor (on SQLite an fsync, as long as the write's own); a round per
 * write doubled the cost of every write under load, where one round now carries the events of
 * many. Delivery is this much later, far below what a person notices. It is also the pause
 * between looks at events another transaction is still writing.
 */
const GATHER_MS = 20;

/** Delay before retrying a failing consumer (n ≥ 1): 1 s, 2 s, 4 s… capped at ten minutes. */
export function consumerRetryDelayMs(failures: number): number {
  return Math.min(1_000 * 2 ** (failures - 1), 600_000);
}

/**
 * Delivers committed events to consumers at least once (ADR 0011). Each consumer keeps a
 * cursor in `event_consumer`; a round locks the consumer's row (so one instance runs it at a
 * time), reads the events past the cursor that every earlier transaction has finished writing,
 * hands them over and advances the cursor in the same transaction. A failing consumer keeps
 * its cursor, backs off and retries; the others go on. Replay after a restart is the cursor.
 */
export class EventDispatcher {
  private readonly consumers = new Map<string, EventConsumer>();
  private readonly registered = new Set<string>();
  private running: Promise<void> | null = null;
  private again = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly dialect: Dialect,
    private readonly now: () => Date,
    private readonly onError: (error: unknown, consumer: string | null) => void,
  ) {}

  consume(consumer: EventConsumer): void {
    if (this.consumers.has(consumer.name)) throw new Error(`event consumer ${consumer.name} already exists`);
    this.consumers.set(consumer.name, consumer);
  }

  /**
   * Asks for a delivery round; calls during a round coalesce into one more round. Never
   * rejects: a failure is reported and the events wait at the consumer's cursor.
   */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.onError(error, null))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** No more rounds; waits for the one under way (before the database closes). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.running;
  }

  /**
   * Deletes events every consumer has passed and that are older than `before`; events no
   * consumer has seen yet stay, however old.
   */
  async prune(before: Date): Promise<number> {
    let query = this.dialect.db.deleteFrom('outbox_event').where('created_at', '<', before.toISOString());
    if (this.consumers.size > 0) {
      const cursors = await this.dialect.db
        .selectFrom('event_consumer')
        .select(['last_tx_id', 'last_event_id'])
        .where('name', 'in', [...this.consumers.keys()])
        .execute();
      if (cursors.length < this.consumers.size) return 0;
      for (const cursor of cursors) {
        query = query.where(
          sql<boolean>`(tx_id, id) <= (${Number(cursor.last_tx_id)}, ${Number(cursor.last_event_id)})`,
        );
      }
    }
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  private async drain(): Promise<void> {
    const deadline = Date.now() + SETTLE_WAIT_MS;
    do {
      await new Promise((resolve) => setTimeout(resolve, GATHER_MS));
      if (this.stopped) return;
      this.again = false;
      let waiting = false;
      for (const consumer of this.consumers.values()) {
        if (this.stopped) return;
        const outcome = await this.catchUp(consumer);
        if (outcome === 'busy' || outcome === 'unsettled') waiting = true;
      }
      if (waiting && !this.again && !this.stopped) {
        // Another transaction is still writing events before ours, or another instance runs
        // the consumer: look again after the next gathering wait rather than leave the events
        // to the minute job.
        if (Date.now() < deadline) this.again = true;
        else this.retryIn(1_000);
      }
    } while (this.again && !this.stopped);
  }

  private retryIn(ms: number): void {
    if (this.retryTimer || this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.kick();
    }, ms);
    this.retryTimer.unref();
  }

  private async catchUp(consumer: EventConsumer): Promise<Outcome> {
    await this.register(consumer);
    for (;;) {
      const after: Array<() => Promise<void> | void> = [];
      let outcome: Outcome;
      try {
        outcome = await this.dialect.db
          .transaction()
          .execute((trx) => this.round(consumer, trx, (work) => after.push(work)));
      } catch (error) {
        this.onError(error, consumer.name);
        await this.recordFailure(consumer, error);
        return 'failed';
      }
      for (const work of after) {
        try {
          await work();
        } catch (error) {
          this.onError(error, consumer.name);
        }
      }
      if (outcome !== 'more') return outcome;
    }
  }

  private async round(
    consumer: EventConsumer,
    trx: Tx,
    afterCommit: ConsumerContext['afterCommit'],
  ): Promise<Outcome> {
    const size = consumer.batchSize ?? 500;
    const cursor = (
      await sql<{ last_tx_id: unknown; last_event_id: unknown; retry_at: string | null }>`
        SELECT last_tx_id, last_event_id, retry_at FROM event_consumer WHERE name = ${consumer.name}
        ${this.dialect.skipLocked}`.execute(trx)
    ).rows[0];
    if (!cursor) return 'busy';
    if (cursor.retry_at && new Date(cursor.retry_at).getTime() > this.now().getTime()) return 'backing-off';
    const txId = Number(cursor.last_tx_id);
    const eventId = Number(cursor.last_event_id);
    // After (tx_id, id) in that order, as two index seeks: SQLite's row-value comparison walks
    // every event of the cursor's tx_id (on SQLite all of them: its tx_id is always 0), which
    // made each round read the whole outbox.
    const settledEvents = await this.dialect.settledEvents(trx);
    const after = (settled: boolean, limit: number) => sql<Record<string, unknown>>`
      SELECT * FROM (
        SELECT * FROM (SELECT * FROM outbox_event WHERE tx_id = ${txId} AND id > ${eventId}
          AND ${settled ? settledEvents : sql`1 = 1`} ORDER BY id LIMIT ${limit}) same_tx
        UNION ALL
        SELECT * FROM (SELECT * FROM outbox_event WHERE tx_id > ${txId}
          AND ${settled ? settledEvents : sql`1 = 1`} ORDER BY tx_id, id LIMIT ${limit}) later_tx
      ) found ORDER BY tx_id, id LIMIT ${limit}`;
    const rows = await after(true, size).execute(trx);
    const last = rows.rows.at(-1);
    if (!last) {
      const pending = await after(false, 1).execute(trx);
      return pending.rows.length > 0 ? 'unsettled' : 'caught-up';
    }
    await consumer.handle(rows.rows.map(eventOf), { trx, afterCommit });
    await trx
      .updateTable('event_consumer')
      .set({
        last_tx_id: Number(last.tx_id),
        last_event_id: Number(last.id),
        failures: 0,
        retry_at: null,
        last_error: null,
        updated_at: this.now().toISOString(),
      })
      .where('name', '=', consumer.name)
      .execute();
    // One more round: it finds the rest, or says the consumer has caught up.
    return 'more';
  }

  /** The consumer's row, made on its first round: its cursor starts where `start` says. */
  private async register(consumer: EventConsumer): Promise<void> {
    if (this.registered.has(consumer.name)) return;
    const newest =
      consumer.start === 'now'
        ? await this.dialect.db
            .selectFrom('outbox_event')
            .select(['tx_id', 'id'])
            .orderBy('tx_id', 'desc')
            .orderBy('id', 'desc')
            .limit(1)
            .executeTakeFirst()
        : undefined;
    await this.dialect.db
      .insertInto('event_consumer')
      .values({
        name: consumer.name,
        last_tx_id: Number(newest?.tx_id ?? 0),
        last_event_id: Number(newest?.id ?? 0),
        failures: 0,
        updated_at: this.now().toISOString(),
      })
      .onConflict((conflict) => conflict.column('name').doNothing())
      .execute();
    this.registered.add(consumer.name);
  }

  private async recordFailure(consumer: EventConsumer, error: unknown): Promise<void> {
    try {
      const row = await this.dialect.db
        .selectFrom('event_consumer')
        .select('failures')
        .where('name', '=', consumer.name)
        .executeTakeFirst();
      const failures = Number(row?.failures ?? 0) + 1;
      const delay = consumerRetryDelayMs(failures);
      const message = error instanceof Error ? error.message : String(error);
      await this.dialect.db
        .updateTable('event_consumer')
        .set({
          failures,
          retry_at: new Date(this.now().getTime() + delay).toISOString(),
          last_error: message.slice(0, 2000),
          updated_at: this.now().toISOString(),
        })
        .where('name', '=', consumer.name)
        .execute();
      if (delay < 60_000) this.retryIn(delay);
    } catch (recordError) {
      this.onError(recordError, consumer.name);
    }
  }
}

function eventOf(row: Record<string, unknown>): RecordEvent {
  return {
    id: Number(row.id),
    object: String(row.object),
    recordId: Number(row.record_id),
    type: row.type as RecordEventType,
    payload: (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as Record<
      string,
      unknown
    >,
    actorId: row.actor_id === null ? null : Number(row.actor_id),
    createdAt: String(row.created_at),
    subject:
      row.subject_object === null || row.subject_id === null
        ? null
        : { object: String(row.subject_object), id: Number(row.subject_id) },
  };
}
