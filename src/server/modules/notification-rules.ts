import { COMMENT_RULES } from './comments/notifications.ts';
import type { NotificationRule } from './notifications/index.ts';
import { CLIENT_WORK_RULES } from './notifications/index.ts';
import { REMINDER_RULES } from './reminders/notifications.ts';
import { TASK_RULES } from './tasks/notifications.ts';

/**
 * What each capability's changes are worth telling whom (see notifications/README.md), composed
 * here like the routes in app.ts: the notifications consumer knows no capability by name.
 */
export const NOTIFICATION_RULES: readonly NotificationRule[] = [
  CLIENT_WORK_RULES,
  TASK_RULES,
  REMINDER_RULES,
  COMMENT_RULES,
];
