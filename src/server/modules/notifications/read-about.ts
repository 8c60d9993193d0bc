import type { Executor } from '../../db/dialects/dialect.ts';
import type { NotificationKind } from './kinds.ts';

/**
 * Marks a user's unread notifications of one kind about one record read, found through the
 * events that made them (a reminder's notification opens the record it is about, not the
 * reminder): what another module does with the thing told about (a reminder dismissed) clears
 * the bell. Walks only the user's unread ones (partial index), each event by its key.
 */
export async function markReadAbout(
  executor: Executor,
  userId: number,
  kind: NotificationKind,
  about: { object: string; recordId: number },
  at: Date,
): Promise<void> {
  await executor
    .updateTable('notification')
    .set({ read_at: at.toISOString() })
    .where('recipient_id', '=', userId)
    .where('kind', '=', kind)
    .where('read_at', 'is', null)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('outbox_event as o')
          .select('o.id')
          .whereRef('o.id', '=', 'notification.event_id')
          .where('o.object', '=', about.object)
          .where('o.record_id', '=', about.recordId),
      ),
    )
    .execute();
}
