import type { Writable } from 'node:stream';
import type { Subscriber } from './hub.ts';
import type { NotificationItem } from './store.ts';

/** What a stream reads when woken: the user's notifications after an id, and their unread count. */
export type ReadNew = (afterId: number) => Promise<{ items: NotificationItem[]; unreadCount: number }>;

export interface StreamLimits {
  /** Items per `notification` event; a longer backlog goes out as several events. */
  pageSize: number;
  /** How long a client may leave the socket's buffer full before it is dropped. */
  stallMs: number;
  /** Bytes queued in the socket beyond which the client is dropped at once. */
  maxBufferedBytes: number;
}

/** Where a stream reports what it does to its clients (the request's logger). */
export interface StreamLog {
  info(message: string): void;
  warn(details: object, message: string): void;
}

export const DEFAULT_LIMITS: StreamLimits = { pageSize: 50, stallMs: 60_000, maxBufferedBytes: 1024 * 1024 };

/**
 * One Server-Sent Events connection. Its memory is bounded whatever the client does:
 *
 * - nothing is queued in the server: a wake only sets a flag (any number of signals while a
 *   read runs or while the socket is full coalesce into one more read), and what to send is
 *   read from the database after the last id sent;
 * - when `write` says the socket's buffer is full, the stream stops writing (heartbeats too)
 *   until `drain`; a client that does not read for `stallMs`, or lets more than
 *   `maxBufferedBytes` pile up, is disconnected. Its browser reconnects with `Last-Event-ID`
 *   and gets what it missed from the database, so dropping costs nothing but a reconnect.
 */
export class NotificationStream implements Subscriber {
  private reading = false;
  private again = false;
  private blocked = false;
  private closed = false;
  private stallTimer: NodeJS.Timeout | null = null;
  private lastUnread: number;

  constructor(
    /** The HTTP response (any writable: tests use one that never drains). */
    private readonly response: Writable,
    private readonly read: ReadNew,
    private lastId: number,
    unreadCount: number,
    private readonly log: StreamLog,
    private readonly limits: StreamLimits = DEFAULT_LIMITS,
  ) {
    this.lastUnread = unreadCount;
    response.on('close', () => this.dispose());
  }

  /** Called once, before any wake: the unread count the stream starts with. */
  start(): void {
    this.send(`retry: 5000\nevent: unread\ndata: ${JSON.stringify({ unreadCount: this.lastUnread })}\n\n`);
  }

  wake(): void {
    if (this.closed) return;
    if (this.reading || this.blocked) {
      this.again = true;
      return;
    }
    void this.pump();
  }

  heartbeat(): void {
    if (!this.closed && !this.blocked) this.send(': ping\n\n');
  }

  close(): void {
    if (this.closed) return;
    this.dispose();
    this.response.end();
  }

  private async pump(): Promise<void> {
    this.reading = true;
    try {
      do {
        this.again = false;
        const { items, unreadCount } = await this.read(this.lastId);
        if (this.closed) return;
        const last = items.at(-1);
        if (last) {
          this.lastId = last.id;
          this.lastUnread = unreadCount;
          // More than a page waiting: read on after this one (unless the socket is full).
          if (items.length >= this.limits.pageSize) this.again = true;
          this.send(
            `id: ${last.id}\nevent: notification\ndata: ${JSON.stringify({ items, unreadCount })}\n\n`,
          );
        } else if (unreadCount !== this.lastUnread) {
          // Read elsewhere (another tab, "mark all read"): only the count changed.
          this.lastUnread = unreadCount;
          this.send(`event: unread\ndata: ${JSON.stringify({ unreadCount })}\n\n`);
        }
      } while (this.again && !this.blocked && !this.closed);
    } catch (error) {
      this.log.warn({ err: error }, 'notification stream could not read; closing it');
      this.close();
    } finally {
      this.reading = false;
    }
  }

  /** Writes one event; on a full buffer, waits for `drain` (or drops a client that never reads). */
  private send(chunk: string): void {
    if (this.closed) return;
    const flushed = this.response.write(chunk);
    if (this.response.writableLength > this.limits.maxBufferedBytes) {
      this.drop('its socket buffer is over the limit');
      return;
    }
    if (flushed || this.blocked) return;
    this.blocked = true;
    this.stallTimer = setTimeout(() => this.drop('it has not read for too long'), this.limits.stallMs);
    this.stallTimer.unref();
    this.response.once('drain', () => {
      if (this.stallTimer) clearTimeout(this.stallTimer);
      this.stallTimer = null;
      this.blocked = false;
      // Whatever came meanwhile was only a flag: read it now.
      if (this.again) this.wake();
    });
  }

  private drop(reason: string): void {
    if (this.closed) return;
    this.log.info(`notification stream dropped: ${reason}`);
    this.dispose();
    this.response.destroy();
  }

  /** Idempotent: from close(), drop() or the connection's own 'close'. */
  private dispose(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.stallTimer) clearTimeout(this.stallTimer);
    this.stallTimer = null;
    this.onDispose?.();
  }

  /** Set by the route: unsubscribes from the hub when the stream ends, whichever way. */
  onDispose: (() => void) | null = null;
}
