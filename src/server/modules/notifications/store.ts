import type { Locale } from '../../../shared/metadata/types.ts';
import type { NotificationItem } from '../../../shared/notifications/types.ts';
import { bulkInsertRows } from '../../db/bulk-insert.ts';
import type { DialectName, Executor } from '../../db/dialects/dialect.ts';
import {
  type Channel,
  DEFAULT_CHANNEL,
  isChannel,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type StoredChannel,
} from './kinds.ts';

export interface NewNotification {
  recipientId: number;
  kind: NotificationKind;
  eventId: number;
  object: string;
  recordId: number;
  title: string;
  body: string;
  actorId: number | null;
  channel: StoredChannel;
  createdAt: string;
}

/**
 * Writes notifications unless the same event already made one for the recipient and kind (a
 * replay): the unique key decides, so two instances or a repeated batch cannot both write it.
 * Returns the ones written, each with its new id, in the order given. A batch of the consumer
 * writes thousands at once: one bulk statement, not one insert each.
 */
export async function insertNotifications(
  executor: Executor,
  dialect: DialectName,
  notices: ReadonlyArray<NewNotification>,
): Promise<Array<NewNotification & { id: number }>> {
  const byKey = new Map(notices.map((notice) => [noticeKey(notice), notice]));
  const unique = [...byKey.values()];
  const rows = await bulkInsertRows(executor, dialect, 'notification', unique.map(notificationRow), {
    skipConflictsOn: ['event_id', 'recipient_id', 'kind'],
    returning: ['id', 'event_id', 'recipient_id', 'kind'],
  });
  const written = new Map<NewNotification, number>();
  for (const row of rows) {
    const notice = byKey.get(
      noticeKey({
        eventId: Number(row.event_id),
        recipientId: Number(row.recipient_id),
        kind: String(row.kind),
      }),
    );
    if (notice) written.set(notice, Number(row.id));
  }
  return unique.flatMap((notice) => {
    const id = written.get(notice);
    return id === undefined ? [] : [{ ...notice, id }];
  });
}

const noticeKey = (notice: { eventId: number; recipientId: number; kind: string }) =>
  `${notice.eventId}:${notice.recipientId}:${notice.kind}`;

function notificationRow(notice: NewNotification) {
  return {
    recipient_id: notice.recipientId,
    kind: notice.kind,
    event_id: notice.eventId,
    object: notice.object,
    record_id: notice.recordId,
    title: notice.title,
    body: notice.body,
    actor_id: notice.actorId,
    channel: notice.channel,
    created_at: notice.createdAt,
    // E-mail only: kept as the record of what was sent, never unread in the app.
    read_at: notice.channel === 'email' ? notice.createdAt : null,
  };
}

export type { NotificationItem };

/** The most a page holds; the stream sends new ones in pages of this size too. */
export const MAX_PAGE = 100;

/** A person's name as the reader writes it (Hungarian: family name first). */
export function personName(first: unknown, last: unknown, locale: Locale): string {
  const parts = locale === 'hu' ? [last, first] : [first, last];
  return parts.filter((part): part is string => typeof part === 'string' && part !== '').join(' ');
}

function baseQuery(executor: Executor, userId: number) {
  return executor
    .selectFrom('notification as n')
    .leftJoin('user_account as a', 'a.id', 'n.actor_id')
    .leftJoin('employee as e', 'e.id', 'a.employee_id')
    .select([
      'n.id',
      'n.kind',
      'n.title',
      'n.body',
      'n.object',
      'n.record_id',
      'n.actor_id',
      'n.created_at',
      'n.read_at',
      'a.login as actor_login',
      'e.first_name as actor_first_name',
      'e.last_name as actor_last_name',
    ])
    .where('n.recipient_id', '=', userId);
}

function itemOf(row: Record<string, unknown>, locale: Locale): NotificationItem {
  const actorId = row.actor_id === null ? null : Number(row.actor_id);
  const name = personName(row.actor_first_name, row.actor_last_name, locale) || String(row.actor_login ?? '');
  return {
    id: Number(row.id),
    kind: String(row.kind),
    title: String(row.title),
    body: String(row.body),
    object: String(row.object),
    recordId: Number(row.record_id),
    actor: actorId === null ? null : { id: actorId, name: name || `#${actorId}` },
    createdAt: String(row.created_at),
    readAt: row.read_at === null ? null : String(row.read_at),
  };
}

/** One page of a user's notifications, newest first, keyset by id (`before`: the last id seen). */
export async function listNotifications(
  executor: Executor,
  userId: number,
  locale: Locale,
  options: { unreadOnly: boolean; limit: number; before: number | null },
): Promise<{ items: NotificationItem[]; nextCursor: string | null }> {
  let query = baseQuery(executor, userId);
  if (options.unreadOnly) query = query.where('n.read_at', 'is', null);
  if (options.before !== null) query = query.where('n.id', '<', options.before);
  const rows = await query
    .orderBy('n.id', 'desc')
    .limit(options.limit + 1)
    .execute();
  const items = rows.slice(0, options.limit).map((row) => itemOf(row, locale));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > options.limit && last ? String(last.id) : null };
}

/** A user's notifications after `afterId`, oldest first (what a stream has not sent yet). */
export async function notificationsAfter(
  executor: Executor,
  userId: number,
  locale: Locale,
  afterId: number,
  limit: number,
): Promise<NotificationItem[]> {
  const rows = await baseQuery(executor, userId)
    .where('n.id', '>', afterId)
    .orderBy('n.id', 'asc')
    .limit(limit)
    .execute();
  return rows.map((row) => itemOf(row, locale));
}

/** The newest notification id of a user (0 when none): where a new stream starts. */
export async function newestId(executor: Executor, userId: number): Promise<number> {
  const row = await executor
    .selectFrom('notification')
    .select((eb) => eb.fn.max('id').as('newest'))
    .where('recipient_id', '=', userId)
    .executeTakeFirst();
  return Number(row?.newest ?? 0);
}

export async function unreadCount(executor: Executor, userId: number): Promise<number> {
  const row = await executor
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('recipient_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** Marks some (or all) of the user's own notifications read; others' ids change nothing. */
export async function markRead(
  executor: Executor,
  userId: number,
  which: { ids: number[] } | { all: true },
  at: string,
): Promise<void> {
  let query = executor
    .updateTable('notification')
    .set({ read_at: at })
    .where('recipient_id', '=', userId)
    .where('read_at', 'is', null);
  if ('ids' in which) {
    if (which.ids.length === 0) return;
    query = query.where('id', 'in', which.ids);
  }
  await query.execute();
}

/** Every kind with the user's channel, defaults filled in, in the order of `NOTIFICATION_KINDS`. */
export async function readPreferences(
  executor: Executor,
  userId: number,
): Promise<Array<{ kind: NotificationKind; channel: Channel }>> {
  const rows = await executor
    .selectFrom('notification_preference')
    .select(['kind', 'channel'])
    .where('user_id', '=', userId)
    .execute();
  const stored = new Map(rows.map((row) => [String(row.kind), row.channel]));
  return NOTIFICATION_KINDS.map((kind) => {
    const channel = stored.get(kind);
    return { kind, channel: isChannel(channel) ? channel : DEFAULT_CHANNEL };
  });
}

/** Sets the listed kinds' channels (checked by the caller), in one transaction. */
export async function writePreferences(
  executor: Executor,
  userId: number,
  preferences: Array<{ kind: NotificationKind; channel: Channel }>,
  at: string,
): Promise<void> {
  if (preferences.length === 0) return;
  await executor
    .insertInto('notification_preference')
    .values(preferences.map((p) => ({ user_id: userId, kind: p.kind, channel: p.channel, updated_at: at })))
    .onConflict((conflict) =>
      conflict.columns(['user_id', 'kind']).doUpdateSet((eb) => ({
        channel: eb.ref('excluded.channel'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}
