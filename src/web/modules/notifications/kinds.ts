import type { Channel, NotificationKind } from '../../../shared/notifications/types.ts';

export {
  type Channel,
  isChannel,
  isKind,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from '../../../shared/notifications/types.ts';

/** In the order the settings offer them: the default first, "off" last. */
export const CHANNEL_ORDER: readonly Channel[] = ['both', 'app', 'email', 'digest', 'none'];

/** Literal keys, so the translation check (src/web/i18n.test.ts) sees each one used. */
export const KIND_LABELS: Record<NotificationKind, string> = {
  'case.stage': 'notifications:kinds.stage',
  'case.activity': 'notifications:kinds.activity',
  'case.status': 'notifications:kinds.status',
  'case.assigned': 'notifications:kinds.assigned',
  mention: 'notifications:kinds.mention',
  'task.assigned': 'notifications:kinds.taskAssigned',
  'task.status': 'notifications:kinds.taskStatus',
  'task.claim': 'notifications:kinds.taskClaim',
  reminder: 'notifications:kinds.reminder',
  comment: 'notifications:kinds.comment',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  both: 'notifications:channels.both',
  app: 'notifications:channels.app',
  email: 'notifications:channels.email',
  digest: 'notifications:channels.digest',
  none: 'notifications:channels.none',
};
