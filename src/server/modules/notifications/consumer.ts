import { addDays, startOfDayUtc, todayIn } from '../../../shared/filter/relative-dates.ts';
import type { Locale } from '../../../shared/metadata/types.ts';
import type { AccessGrant } from '../../access/policy.ts';
import type { Dialect, Tx } from '../../db/dialects/dialect.ts';
import type { AppServices } from '../../http/types.ts';
import type { EventConsumer, RecordEvent } from '../../records/events.ts';
import { DIGEST_JOB, MAIL_JOB, mailsAtOnce, SIGNAL_CHANNEL, type StoredChannel } from './kinds.ts';
import { texts } from './messages.ts';
import { type Recipient, RecipientBook } from './recipients.ts';
import { type Plan, plansFor, RuleContext } from './rules.ts';
import { insertNotification, personName } from './store.ts';

export const CONSUMER_NAME = 'notifications';

/** Attempts of a mail job before it is marked failed (5 s, 10 s, 20 s… pauses, about 11 minutes in all). */
const MAIL_ATTEMPTS = 8;

/** The local hour a day's digest is sent, the morning after. */
const DIGEST_HOUR = 7;

/**
 * Turns committed changes into notifications (ADR 0011). Everything it writes — the
 * notifications and their mail jobs — goes into the transaction that advances its cursor, so a
 * batch counts exactly once; a replay of the same events (a cursor moved back) meets the unique
 * key `(event_id, recipient_id, kind)` and writes nothing, and so queues no second mail. Only
 * the live signal comes after the commit: lost, it costs a stream a moment, not a notification.
 * It starts `now`: installed on a running CRM it must not mail a year of old changes.
 */
export function notificationsConsumer(services: AppServices): EventConsumer {
  return {
    name: CONSUMER_NAME,
    start: 'now',
    batchSize: 200,
    handle: async (events, { trx, afterCommit }) => {
      const book = new RecipientBook(services, trx);
      const rules = new RuleContext(trx, services.dialect, services.registry);
      const woken = new Set<number>();
      for (const event of events) {
        for (const plan of await plansFor(rules, event)) {
          for (const id of await deliver(services, book, event, plan)) woken.add(id);
        }
      }
      if (woken.size > 0) afterCommit(() => signalRecipients(services.dialect, [...woken]));
    },
  };
}

/** Writes the plan's notifications; returns the recipients who got a new one. */
async function deliver(
  services: AppServices,
  book: RecipientBook,
  event: RecordEvent,
  plan: Plan,
): Promise<number[]> {
  const candidates = new Set([...(await book.accountsOf(plan.employees)), ...plan.accounts]);
  if (candidates.size === 0) return [];
  // The author is never told of their own change, nor through another account of theirs.
  const authorEmployee = event.actorId === null ? null : await book.employeeOf(event.actorId);
  const actorName = await authorName(book.trx, event.actorId);
  const told: number[] = [];
  for (const userId of candidates) {
    if (userId === event.actorId) continue;
    const recipient = await book.recipient(userId);
    if (!recipient) continue;
    if (authorEmployee !== null && recipient.employeeId === authorEmployee) continue;
    const channel = await book.channel(userId, plan.kind);
    if (channel === 'none') continue;
    const grants: Array<AccessGrant | null> = [];
    for (const required of plan.requires)
      grants.push(await book.readable(recipient, required.object, required.id));
    if (grants.some((grant) => grant === null)) continue;
    const hidden = (object: string, field: string) =>
      grants.some((grant) => grant?.object === object && grant.hiddenFields.has(field));
    const text = plan.render(recipient.locale, hidden, actorName(recipient.locale));
    if (!text) continue;
    const id = await insertNotification(book.trx, {
      recipientId: userId,
      kind: plan.kind,
      eventId: event.id,
      object: plan.object,
      recordId: plan.recordId,
      title: text.title,
      body: text.body,
      actorId: event.actorId,
      channel,
      createdAt: event.createdAt,
    });
    if (id === null) continue;
    told.push(userId);
    await queueMail(services, book.trx, recipient, channel, id, event.createdAt);
  }
  return told;
}

/**
 * The mail, queued in the same transaction: a notification exists with its job or not at all.
 * The unique keys make a second enqueue of the same mail (or the same day's digest) a no-op.
 */
async function queueMail(
  services: AppServices,
  trx: Tx,
  recipient: Recipient,
  channel: StoredChannel,
  notificationId: number,
  createdAt: string,
): Promise<void> {
  if (!recipient.email) return;
  if (mailsAtOnce(channel)) {
    await services.jobs.enqueue(
      MAIL_JOB,
      { notificationId },
      { uniqueKey: `mail:${notificationId}`, maxAttempts: MAIL_ATTEMPTS },
      trx,
    );
  } else if (channel === 'digest') {
    const digest = digestOf(recipient, createdAt);
    await services.jobs.enqueue(
      DIGEST_JOB,
      { userId: recipient.userId, day: digest.day, until: digest.until },
      {
        uniqueKey: `digest:${recipient.userId}:${digest.day}`,
        runAt: digest.runAt,
        maxAttempts: MAIL_ATTEMPTS,
      },
      trx,
    );
  }
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

/** The author's name in a recipient's language: their employee's name, else their login. */
async function authorName(trx: Tx, actorId: number | null): Promise<(locale: Locale) => string> {
  if (actorId === null) return (locale) => texts(locale).system;
  const row = await trx
    .selectFrom('user_account as u')
    .leftJoin('employee as e', 'e.id', 'u.employee_id')
    .select(['u.login', 'e.first_name', 'e.last_name'])
    .where('u.id', '=', actorId)
    .executeTakeFirst();
  return (locale) =>
    personName(row?.first_name, row?.last_name, locale) || String(row?.login ?? texts(locale).unknown);
}

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more: 400 ids of 15 digits stay below. */
const SIGNAL_CHUNK = 400;

/** Wakes the streams of these users on every instance (payload: their ids, comma-separated). */
export async function signalRecipients(dialect: Dialect, userIds: number[]): Promise<void> {
  for (let start = 0; start < userIds.length; start += SIGNAL_CHUNK) {
    await dialect.signal(SIGNAL_CHANNEL, userIds.slice(start, start + SIGNAL_CHUNK).join(','));
  }
}
