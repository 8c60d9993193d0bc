import { sql } from 'kysely';
import type { Dialect, Executor } from '../db/dialects/dialect.ts';

export type RecordEventType = 'created' | 'updated' | 'deleted' | 'restored';

export interface RecordEvent {
  id: number;
  object: string;
  recordId: number;
  type: RecordEventType;
  payload: Record<string, unknown>;
  actorId: number | null;
  createdAt: string;
}

export type EventSubscriber = (event: RecordEvent) => Promise<void> | void;

/** The outbox row is part of the write's transaction: an event exists if and only if the change committed. */
export async function writeEvent(executor: Executor, event: Omit<RecordEvent, 'id'>): Promise<void> {
  await executor.insertInto('outbox_event').values(eventRow(event)).execute();
}

/** The `outbox_event` row of an event (for writers that insert many in one statement). */
export function eventRow(event: Omit<RecordEvent, 'id'>): Record<string, unknown> {
  return {
    object: event.object,
    record_id: event.recordId,
    type: event.type,
    payload: JSON.stringify(event.payload),
    actor_id: event.actorId,
    created_at: event.createdAt,
  };
}

/**
 * Hands committed events to subscribers (notifications, automation, webhooks…) after commit.
 * Events are claimed before delivery, so with several app instances each is delivered once;
 * a subscriber that fails is logged and does not stop the others.
 */
export class EventDispatcher {
  private readonly subscribers: EventSubscriber[] = [];
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly dialect: Dialect,
    private readonly onError: (error: unknown, event: RecordEvent | null) => void,
  ) {}

  subscribe(subscriber: EventSubscriber): void {
    this.subscribers.push(subscriber);
  }

  /**
   * Asks for a dispatch round; calls during a round coalesce into one more round. Never
   * rejects: a failed round is reported and its events stay in the outbox for the next one.
   */
  kick(): Promise<void> {
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

  private async drain(): Promise<void> {
    do {
      this.again = false;
      while ((await this.dispatchBatch(1000)) > 0) {
        // keep going until the outbox is empty
      }
    } while (this.again);
  }

  private async dispatchBatch(limit: number): Promise<number> {
    const now = new Date().toISOString();
    const claimed = await sql<Record<string, unknown>>`
      UPDATE outbox_event SET dispatched_at = ${now}
      WHERE id IN (SELECT id FROM outbox_event WHERE dispatched_at IS NULL ORDER BY id LIMIT ${limit} ${this.dialect.skipLocked})
      RETURNING *`.execute(this.dialect.db);
    const events = claimed.rows
      .map(
        (row): RecordEvent => ({
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
        }),
      )
      .sort((a, b) => a.id - b.id);
    for (const event of events) {
      for (const subscriber of this.subscribers) {
        try {
          await subscriber(event);
        } catch (error) {
          this.onError(error, event);
        }
      }
    }
    return events.length;
  }
}
