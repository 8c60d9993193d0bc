/**
 * What a user can be notified of, and how: the names preferences and the API use, shared by
 * the server (src/server/modules/notifications) and the web app. Adding a kind means a rule in
 * a module's notification rules (composed in src/server/modules/notification-rules.ts) and
 * its label in the web's locale files.
 */
export const NOTIFICATION_KINDS = [
  'case.stage',
  'case.activity',
  'case.status',
  'case.assigned',
  'mention',
  'task.assigned',
  'task.status',
  'task.claim',
  'reminder',
  'comment',
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

export function isKind(value: unknown): value is NotificationKind {
  return NOTIFICATION_KINDS.includes(value as NotificationKind);
}

export function isChannel(value: unknown): value is Channel {
  return CHANNELS.includes(value as Channel);
}

/** One notification as `GET /api/notifications` and the stream describe it. */
export interface NotificationItem {
  id: number;
  kind: string;
  /** In the recipient's language, as it was when the notification was made. */
  title: string;
  body: string;
  /** The record it is about: it opens `/records/<object>/<recordId>`. */
  object: string;
  recordId: number;
  actor: { id: number; name: string } | null;
  createdAt: string;
  readAt: string | null;
}
