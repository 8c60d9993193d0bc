import { addDays, startOfDayUtc, todayIn } from '../../../shared/filter/relative-dates.ts';
import type { NewJob } from '../../jobs/queue.ts';
import { DIGEST_JOB, MAIL_JOB, mailsAtOnce, type StoredChannel } from './kinds.ts';
import type { Recipient } from './recipients.ts';

/** Attempts of a mail job before it is marked failed (5 s, 10 s, 20 s… pauses, about 11 minutes in all). */
const MAIL_ATTEMPTS = 8;

/** The local hour a day's digest is sent, the morning after. */
const DIGEST_HOUR = 7;

/**
 * The mail job a new notification needs, if any: its own mail, or the recipient's digest of its
 * day. The unique keys make a second enqueue of the same mail (or the same day's digest) a no-op.
 */
export function mailJobOf(
  recipient: Recipient,
  channel: StoredChannel,
  notificationId: number,
  createdAt: string,
): NewJob | null {
  if (!recipient.email) return null;
  if (mailsAtOnce(channel)) {
    return {
      name: MAIL_JOB,
      payload: { notificationId },
      options: { uniqueKey: `mail:${notificationId}`, maxAttempts: MAIL_ATTEMPTS },
    };
  }
  if (channel !== 'digest') return null;
  const digest = digestOf(recipient, createdAt);
  return {
    name: DIGEST_JOB,
    payload: { userId: recipient.userId, day: digest.day, until: digest.until },
    options: {
      uniqueKey: `digest:${recipient.userId}:${digest.day}`,
      runAt: digest.runAt,
      maxAttempts: MAIL_ATTEMPTS,
    },
  };
}

/**
 * The digest a notification goes into: its day in the recipient's time zone; the mail covers
 * everything up to that day's end (`until`) and goes out DIGEST_HOUR hours after it (an hour
 * off the two nights a year the clocks change). One job per recipient and day, and only for
 * those who have something in it.
 */
export function digestOf(
  recipient: Pick<Recipient, 'timeZone'>,
  createdAt: string,
): { day: string; until: string; runAt: Date } {
  const day = todayIn(recipient.timeZone, new Date(createdAt));
  const until = startOfDayUtc(addDays(day, 1), recipient.timeZone);
  return { day, until, runAt: new Date(Date.parse(until) + DIGEST_HOUR * 3_600_000) };
}
