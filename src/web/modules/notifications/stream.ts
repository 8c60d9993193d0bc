import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { connection } from '../../app/connection.ts';
import { addNewNotifications, LIST_KEY, type NotificationItem, setUnreadCount } from './api.ts';

export const STREAM_URL = '/api/notifications/stream';

function parse(event: Event): unknown {
  if (!(event instanceof MessageEvent) || typeof event.data !== 'string') return null;
  try {
    return JSON.parse(event.data) as unknown;
  } catch {
    return null;
  }
}

function unreadOf(data: unknown): number | null {
  const count = (data as { unreadCount?: unknown } | null)?.unreadCount;
  return typeof count === 'number' ? count : null;
}

function itemsOf(data: unknown): NotificationItem[] {
  const items = (data as { items?: unknown } | null)?.items;
  return Array.isArray(items) ? (items as NotificationItem[]) : [];
}

/**
 * The tab's live line to the server (Server-Sent Events): the unread count when it connects
 * and whenever it changes, and new notifications as they are made, which go into the query
 * cache and to `onNew`. One per tab: the bell, mounted once in the shell, holds it, so it is
 * open exactly while someone is logged in, and closed on logout (the shell goes) or unmount.
 *
 * A dropped connection is EventSource's to restore: it reconnects by itself and sends
 * `Last-Event-ID`, and the server sends what was missed. It gives up for good only on an answer
 * that is no stream (a proxy's 502 while the server restarts): when the app sees the server
 * back, a closed stream is opened anew and the list is read again, since a new stream starts
 * from now.
 */
export function useNotificationStream(onNew: (items: NotificationItem[]) => void): void {
  const queryClient = useQueryClient();
  const onNewRef = useRef(onNew);
  useEffect(() => {
    onNewRef.current = onNew;
  }, [onNew]);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    const open = () => {
      const next = new EventSource(STREAM_URL);
      next.addEventListener('unread', (event) => {
        const count = unreadOf(parse(event));
        if (count !== null) setUnreadCount(queryClient, count);
      });
      next.addEventListener('notification', (event) => {
        const data = parse(event);
        const count = unreadOf(data);
        const items = itemsOf(data);
        if (count === null) return;
        addNewNotifications(queryClient, items, count);
        if (items.length > 0) onNewRef.current(items);
      });
      source = next;
    };
    open();
    const unsubscribe = connection.subscribe((lost) => {
      if (lost || source?.readyState !== EventSource.CLOSED) return;
      open();
      void queryClient.invalidateQueries({ queryKey: LIST_KEY, exact: true });
    });
    return () => {
      unsubscribe();
      source?.close();
      source = null;
    };
  }, [queryClient]);
}
