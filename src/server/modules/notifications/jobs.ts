import type { AppServices } from '../../http/types.ts';
import { notificationsConsumer } from './consumer.ts';
import { DIGEST_JOB, MAIL_JOB } from './kinds.ts';
import type { NotificationRule } from './rules.ts';
import { sendDigest, sendNotificationMail } from './send.ts';

/** A job's id field, checked: a payload is JSON from the database, not a typed value. */
function positiveId(value: unknown, job: string, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new Error(`${job} job without a valid ${field}`);
  }
  return value;
}

/** Mails of notifications, one at a time (`mail:<id>`) or a day's digest (`digest:<user>:<day>`). */
export function registerNotificationJobs(services: AppServices): void {
  services.jobs.register(MAIL_JOB, async (payload) => {
    const id = positiveId(
      (payload as { notificationId?: unknown } | null)?.notificationId,
      MAIL_JOB,
      'notificationId',
    );
    await sendNotificationMail(services, id);
  });
  services.jobs.register(DIGEST_JOB, async (payload) => {
    const request = (payload ?? {}) as { userId?: unknown; day?: unknown; until?: unknown };
    const userId = positiveId(request.userId, DIGEST_JOB, 'userId');
    if (typeof request.day !== 'string' || typeof request.until !== 'string') {
      throw new Error(`${DIGEST_JOB} job without its day`);
    }
    await sendDigest(services, { userId, day: request.day, until: request.until });
  });
}

/** The notifications consumer on this instance's event dispatcher (see `modules/consumers.ts`). */
export function registerNotificationConsumer(
  services: AppServices,
  rules: readonly NotificationRule[],
): void {
  services.records.events.consume(notificationsConsumer(services, rules));
}
