import type { Dialect } from '../../db/dialects/dialect.ts';
import { SIGNAL_CHANNEL } from './kinds.ts';

/** What the hub needs of one open stream. */
export interface Subscriber {
  /** Something for this user may have changed: read the database and send what is new. */
  wake(): void;
  /** A comment line that keeps proxies from closing an idle connection. */
  heartbeat(): void;
  /** The server is stopping: end the response. */
  close(): void;
}

/** Proxies commonly drop a connection silent for 30–60 s; a comment every 25 s keeps it open. */
export const HEARTBEAT_MS = 25_000;

/**
 * One listener on the `notifications` signal per app instance, shared by every open stream: a
 * thousand open browser tabs are one LISTEN on PostgreSQL, not a thousand connections. The
 * signal carries the recipients' ids; the hub wakes their streams, which read the database (a
 * lost signal delays a stream, it loses nothing). One heartbeat timer serves all streams, and
 * runs only while there is one.
 */
export class NotificationHub {
  private readonly byUser = new Map<number, Set<Subscriber>>();
  private listening: Promise<() => Promise<void>> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly dialect: Dialect,
    private readonly heartbeatMs = HEARTBEAT_MS,
  ) {}

  /** Starts delivering wakes to `subscriber`; the returned function stops it. */
  async subscribe(userId: number, subscriber: Subscriber): Promise<() => void> {
    if (this.closed) throw new Error('the notification hub is closed');
    await this.listen();
    let set = this.byUser.get(userId);
    if (!set) {
      set = new Set();
      this.byUser.set(userId, set);
    }
    set.add(subscriber);
    this.startHeartbeat();
    return () => {
      const current = this.byUser.get(userId);
      current?.delete(subscriber);
      if (current?.size === 0) this.byUser.delete(userId);
      if (this.byUser.size === 0) this.stopHeartbeat();
    };
  }

  /** How many streams are open (for tests and health). */
  get size(): number {
    let count = 0;
    for (const set of this.byUser.values()) count += set.size;
    return count;
  }

  /** Ends every stream and stops listening: the server is stopping. */
  async close(): Promise<void> {
    this.closed = true;
    this.stopHeartbeat();
    for (const set of [...this.byUser.values()]) for (const subscriber of [...set]) subscriber.close();
    this.byUser.clear();
    const listening = this.listening;
    this.listening = null;
    const stop = await listening?.catch(() => null);
    await stop?.();
  }

  private listen(): Promise<() => Promise<void>> {
    if (!this.listening) {
      this.listening = this.dialect.listen(SIGNAL_CHANNEL, (payload) => this.deliver(payload));
      // A failed LISTEN (database away) is tried again by the next stream, not remembered.
      this.listening.catch(() => {
        this.listening = null;
      });
    }
    return this.listening;
  }

  private deliver(payload: string): void {
    const ids = payload
      .split(',')
      .map((part) => Number(part))
      .filter((id) => Number.isSafeInteger(id) && id > 0);
    // A payload we cannot read wakes everyone: a wasted read each, never a missed notification.
    const targets = ids.length > 0 ? ids : [...this.byUser.keys()];
    for (const id of targets) for (const subscriber of this.byUser.get(id) ?? []) subscriber.wake();
  }

  private startHeartbeat(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      for (const set of this.byUser.values()) for (const subscriber of set) subscriber.heartbeat();
    }, this.heartbeatMs);
    this.timer.unref();
  }

  private stopHeartbeat(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
