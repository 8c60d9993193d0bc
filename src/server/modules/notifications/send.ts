import { LOCALES, type Locale } from '../../../shared/metadata/types.ts';
import type { AppServices } from '../../http/types.ts';
import { composeBody, type MailEntry, mailDomain, recordLink, sendMail } from './mail.ts';
import { longDay, texts } from './messages.ts';

const toLocale = (value: unknown): Locale => (LOCALES.includes(value as Locale) ? (value as Locale) : 'en');

/** The recipient's address and language, if the account is still active and has an address. */
async function addressee(
  services: AppServices,
  userId: number,
): Promise<{ email: string; locale: Locale } | null> {
  const row = await services.dialect.db
    .selectFrom('user_account as u')
    .innerJoin('employee as e', 'e.id', 'u.employee_id')
    .select(['u.locale', 'e.email'])
    .where('u.id', '=', userId)
    .where('u.deleted_at', 'is', null)
    .where('u.active', '=', services.dialect.encodeBoolean(true))
    .executeTakeFirst();
  const email = typeof row?.email === 'string' ? row.email.trim() : '';
  return row && email !== '' ? { email, locale: toLocale(row.locale) } : null;
}

/**
 * The `notifications.mail` job: one notification's mail. At least once, never knowingly twice:
 *
 * - `mailed_at` is set after the server accepted the mail; a job run again after that (a worker
 *   that died before marking the job done, whose lease then ran out) finds it and sends nothing;
 * - between the server's "accepted" and that update there is no way to know whether the mail
 *   went, so a crash exactly there sends it again — with the same `Message-ID`
 *   (`<notification.<id>.<created ms>@<sender's domain>>`) and date, which mail servers and
 *   clients use to recognise, and drop or thread, the duplicate. Without SMTP the .eml file of
 *   the same name is simply replaced.
 *
 * A refusal or a dropped connection throws: the queue retries with its backoff.
 */
export async function sendNotificationMail(
  services: AppServices,
  notificationId: number,
): Promise<'sent' | 'skipped'> {
  const row = await services.dialect.db
    .selectFrom('notification')
    .selectAll()
    .where('id', '=', notificationId)
    .executeTakeFirst();
  if (!row || row.mailed_at !== null) return 'skipped';
  const to = await addressee(services, Number(row.recipient_id));
  if (!to) return 'skipped';
  const createdAt = new Date(String(row.created_at));
  const entry: MailEntry = {
    title: String(row.title),
    body: String(row.body),
    link: recordLink(services.config, String(row.object), Number(row.record_id)),
  };
  await sendMail(services.config, {
    to: to.email,
    subject: entry.title,
    ...composeBody(to.locale, null, [entry]),
    messageId: `<notification.${notificationId}.${createdAt.getTime().toString(36)}@${mailDomain(services.config)}>`,
    date: createdAt,
    fileName: `notification-${notificationId}.eml`,
  });
  await services.dialect.db
    .updateTable('notification')
    .set({ mailed_at: services.now().toISOString() })
    .where('id', '=', notificationId)
    .execute();
  return 'sent';
}

export interface DigestRequest {
  userId: number;
  /** The recipient's calendar day the digest is of. */
  day: string;
  /** The end of that day (exclusive), as an instant: what the digest covers. */
  until: string;
}

/** At most this many entries in one digest; the rest wait for the next one (or the app). */
const DIGEST_MAX = 200;

/**
 * The `notifications.digest` job: one mail with the recipient's digest notifications of a day
 * (and any earlier ones a previous digest missed, such as one made late by a lagging consumer).
 * Same delivery rules as a single mail: `mailed_at` after the server accepted it, a stable
 * `Message-ID` per recipient and day for the rare resend.
 */
export async function sendDigest(services: AppServices, request: DigestRequest): Promise<'sent' | 'skipped'> {
  const to = await addressee(services, request.userId);
  if (!to) return 'skipped';
  const rows = await services.dialect.db
    .selectFrom('notification')
    .select(['id', 'title', 'body', 'object', 'record_id'])
    .where('recipient_id', '=', request.userId)
    .where('channel', '=', 'digest')
    .where('mailed_at', 'is', null)
    .where('created_at', '<', request.until)
    .orderBy('id')
    .limit(DIGEST_MAX)
    .execute();
  if (rows.length === 0) return 'skipped';
  const day = longDay(request.day, to.locale);
  const entries: MailEntry[] = rows.map((row) => ({
    title: String(row.title),
    body: String(row.body),
    link: recordLink(services.config, String(row.object), Number(row.record_id)),
  }));
  const t = texts(to.locale);
  await sendMail(services.config, {
    to: to.email,
    subject: t.digestSubject(rows.length, day),
    ...composeBody(to.locale, t.digestIntro(day), entries),
    messageId: `<digest.${request.userId}.${request.day}.${Number(rows[0]?.id)}@${mailDomain(services.config)}>`,
    date: new Date(request.until),
    fileName: `digest-${request.userId}-${request.day}.eml`,
  });
  await services.dialect.db
    .updateTable('notification')
    .set({ mailed_at: services.now().toISOString() })
    .where(
      'id',
      'in',
      rows.map((row) => Number(row.id)),
    )
    .execute();
  return 'sent';
}
