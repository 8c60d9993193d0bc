import { Cron } from 'croner';
import type { JobQueue } from './queue.ts';

/** A job a capability wants run on a clock (modules/jobs.ts lists them). */
export interface ModuleSchedule {
  name: string;
  /** Cron syntax (croner), in `timeZone`. */
  cron: string;
  job: string;
  timeZone: string;
}

interface Schedule {
  name: string;
  cron: Cron;
  job: string;
  payload: unknown;
  checkedUpTo: Date;
}

/**
 * Cron schedules turn into queue jobs. Every instance computes the same ticks and enqueues
 * each under the key `cron:<name>:<tick>`; the unique key lets only the first insert through,
 * so a tick runs once however many instances are up.
 */
export class CronScheduler {
  private readonly schedules: Schedule[] = [];

  constructor(
    private readonly queue: JobQueue,
    private readonly now: () => Date,
  ) {}

  /** `expression` in cron syntax (croner), evaluated in `timeZone`. */
  add(
    name: string,
    expression: string,
    job: string,
    payload: unknown = null,
    timeZone = 'Europe/Warsaw',
  ): void {
    if (this.schedules.some((s) => s.name === name)) throw new Error(`schedule ${name} already exists`);
    const cron = new Cron(expression, { timezone: timeZone, paused: true });
    this.schedules.push({ name, cron, job, payload, checkedUpTo: this.now() });
  }

  /** Enqueues every tick that fell due since the last call; returns how many jobs this instance added. */
  async enqueueDue(): Promise<number> {
    const now = this.now();
    let added = 0;
    for (const schedule of this.schedules) {
      let tick = schedule.cron.nextRun(schedule.checkedUpTo);
      while (tick && tick.getTime() <= now.getTime()) {
        const key = `cron:${schedule.name}:${tick.toISOString()}`;
        if (await this.queue.enqueue(schedule.job, schedule.payload, { uniqueKey: key, runAt: tick }))
          added += 1;
        tick = schedule.cron.nextRun(tick);
      }
      schedule.checkedUpTo = now;
    }
    return added;
  }
}
