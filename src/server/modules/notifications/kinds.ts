/**
 * What a user can be notified of, and how. The kinds are the names preferences and the API
 * use; adding one means a rule in `rules.ts` and its words in `messages.ts`.
 */
export const NOTIFICATION_KINDS = [
  'case.stage',
  'case.activity',
  'case.status',
  'case.assigned',
  'mention',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * How a user wants a kind delivered:
 * - `both` (the default): in the app, unread until read, and an e-mail right away;
 * - `app`: in the app only;
 * - `email`: an e-mail right away; the row is kept (the mail is made from it, it is what makes
 *   a replay recognisable, and the list shows what was sent) but written already read, so it
 *   neither rings the bell nor counts as unread;
 * - `digest`: in the app, unread, and in one mail a day with the day's notifications instead of
 *   a mail each;
 * - `none`: nothing at all, no row.
 */
export const CHANNELS = ['app', 'email', 'both', 'digest', 'none'] as const;
export type Channel = (typeof CHANNELS)[number];
export type StoredChannel = Exclude<Channel, 'none'>;

export const DEFAULT_CHANNEL: Channel = 'both';

export function isKind(value: unknown): value is NotificationKind {
  return NOTIFICATION_KINDS.includes(value as NotificationKind);
}

export function isChannel(value: unknown): value is Channel {
  return CHANNELS.includes(value as Channel);
}

/** Whether a notification with this channel gets a mail of its own right away. */
export function mailsAtOnce(channel: StoredChannel): boolean {
  return channel === 'both' || channel === 'email';
}

/** The signal channel (`Dialect.signal`) that wakes notification streams on every instance. */
export const SIGNAL_CHANNEL = 'notifications';

/** Job names on the queue. */
export const MAIL_JOB = 'notifications.mail';
export const DIGEST_JOB = 'notifications.digest';
