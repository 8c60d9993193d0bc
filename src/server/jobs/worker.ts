import type { JobQueue } from './queue.ts';
import type { CronScheduler } from './scheduler.ts';

/** Polls the scheduler and the queue in the background until stopped. */
export class JobWorker {
  private timer: NodeJS.Timeout | null = null;
  private tick: Promise<void> | null = null;

  constructor(
    private readonly queue: JobQueue,
    private readonly scheduler: CronScheduler,
    private readonly pollMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    if (this.timer) return;
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
    await this.scheduler.enqueueDue();
    while ((await this.queue.runDue()) > 0) {
      // drain what is due before sleeping again
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.tick;
  }
}
