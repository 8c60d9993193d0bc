import type { JobQueue, WorkerStatus } from './queue.ts';
import type { CronScheduler } from './scheduler.ts';

/** A worker whose last poll began this many intervals ago, with none in progress, is stalled. */
const STALLED_AFTER_POLLS = 5;

/** Polls the scheduler and the queue in the background until stopped. */
export class JobWorker {
  private timer: NodeJS.Timeout | null = null;
  private tick: Promise<void> | null = null;
  /** Real time (not the services' clock, which tests may hold still) of the last poll's start. */
  private lastPollAt = 0;

  constructor(
    private readonly queue: JobQueue,
    private readonly scheduler: CronScheduler,
    private readonly pollMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    if (this.timer) return;
    this.queue.worker = this;
    this.lastPollAt = Date.now();
    this.timer = setInterval(() => {
      if (this.tick) return;
      this.tick = this.runOnce()
        .catch(this.onError)
        .finally(() => {
          this.tick = null;
        });
    }, this.pollMs);
    this.timer.unref();
  }

  async runOnce(): Promise<void> {
    this.lastPollAt = Date.now();
    await this.scheduler.enqueueDue();
    while ((await this.queue.runDue()) > 0) {
      // drain what is due before sleeping again
    }
  }

  /**
   * Running while a poll is in progress (a long job is work, not a hang) or one began lately;
   * stalled when polls stopped coming (readiness reports it).
   */
  status(): WorkerStatus {
    if (!this.timer) return 'stopped';
    if (this.tick) return 'running';
    return Date.now() - this.lastPollAt > STALLED_AFTER_POLLS * this.pollMs + 1_000 ? 'stalled' : 'running';
  }

  /**
   * Stops polling and lets the job in hand finish, for at most `graceMs`; jobs claimed but not
   * begun are handed back at once, and after the grace also the one that did not finish, so
   * another instance takes them now rather than when their lease runs out.
   */
  async stop(graceMs = 20_000): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.queue.stop();
    let timeout: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      (this.tick ?? Promise.resolve()).then(() => true),
      new Promise<boolean>((resolve) => {
        timeout = setTimeout(() => resolve(false), graceMs);
      }),
    ]);
    clearTimeout(timeout);
    if (!finished) await this.queue.release();
  }
}
