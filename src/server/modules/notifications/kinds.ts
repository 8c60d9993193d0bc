import type { Channel } from '../../../shared/notifications/types.ts';

export {
  CHANNELS,
  type Channel,
  isChannel,
  isKind,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from '../../../shared/notifications/types.ts';

export type StoredChannel = Exclude<Channel, 'none'>;

export const DEFAULT_CHANNEL: Channel = 'both';

/** Whether a notification with this channel gets a mail of its own right away. */
export function mailsAtOnce(channel: StoredChannel): boolean {
  return channel === 'both' || channel === 'email';
}

/** The signal channel (`Dialect.signal`) that wakes notification streams on every instance. */
export const SIGNAL_CHANNEL = 'notifications';

/** Job names on the queue. */
export const MAIL_JOB = 'notifications.mail';
export const DIGEST_JOB = 'notifications.digest';
