import { type InfiniteData, type QueryClient, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { NotificationItem } from '../../../shared/notifications/types.ts';
import { api, request } from '../../app/api-client.ts';
import { type Channel, isChannel, isKind, type NotificationKind } from './kinds.ts';

export type { NotificationItem };

export interface NotificationPage {
  items: NotificationItem[];
  unreadCount: number;
  nextCursor: string | null;
}

export interface Preference {
  kind: NotificationKind;
  channel: Channel;
}

export const NOTIFICATIONS_KEY = ['notifications'] as const;
/** The newest notifications, page by page (the bell's list). */
export const LIST_KEY = [...NOTIFICATIONS_KEY, 'list'] as const;
/** The bell's count: asked once, then kept up to date by the stream and by marking read. */
export const UNREAD_KEY = [...NOTIFICATIONS_KEY, 'unread'] as const;
export const PREFERENCES_KEY = [...NOTIFICATIONS_KEY, 'preferences'] as const;

export const PAGE_SIZE = 20;

type ListData = InfiniteData<NotificationPage, string | null>;

export function recordPath(item: Pick<NotificationItem, 'object' | 'recordId'>): string {
  return `/records/${encodeURIComponent(item.object)}/${item.recordId}`;
}

function fetchPage(cursor: string | null, limit: number, unreadOnly: boolean, signal?: AbortSignal) {
  return api.get<NotificationPage>('/api/notifications', {
    query: { limit, cursor: cursor ?? undefined, unread: unreadOnly ? '1' : undefined },
    signal,
  });
}

export function useUnreadCount() {
  return useQuery({
    queryKey: UNREAD_KEY,
    queryFn: async ({ signal }) => (await fetchPage(null, 1, true, signal)).unreadCount,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Sets the bell's count; an answer still on its way (older than this) is dropped. */
export function setUnreadCount(queryClient: QueryClient, count: number): void {
  void queryClient.cancelQueries({ queryKey: UNREAD_KEY, exact: true });
  queryClient.setQueryData(UNREAD_KEY, count);
}

export function useNotificationList(queryClient: QueryClient) {
  return useInfiniteQuery({
    queryKey: LIST_KEY,
    queryFn: async ({ pageParam, signal }) => {
      const page = await fetchPage(pageParam, PAGE_SIZE, false, signal);
      setUnreadCount(queryClient, page.unreadCount);
      return page;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

function mapItems(data: ListData, change: (item: NotificationItem) => NotificationItem): ListData {
  return { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map(change) })) };
}

/**
 * New notifications from the stream: the count, and the items on top of the list if it was
 * loaded (a list not loaded yet reads them when it is). A list being read right now is read
 * again, since its answer may be older than these items.
 */
export function addNewNotifications(
  queryClient: QueryClient,
  items: NotificationItem[],
  unreadCount: number,
): void {
  setUnreadCount(queryClient, unreadCount);
  const state = queryClient.getQueryState(LIST_KEY);
  if (!state?.data) return;
  if (state.fetchStatus === 'fetching') {
    void queryClient.invalidateQueries({ queryKey: LIST_KEY, exact: true });
    return;
  }
  queryClient.setQueryData<ListData>(LIST_KEY, (data) => {
    const [first, ...rest] = data?.pages ?? [];
    if (!data || !first) return data;
    const known = new Set(data.pages.flatMap((page) => page.items.map((item) => item.id)));
    const fresh = items.filter((item) => !known.has(item.id)).sort((a, b) => b.id - a.id);
    if (fresh.length === 0) return data;
    return { ...data, pages: [{ ...first, items: [...fresh, ...first.items] }, ...rest] };
  });
}

/**
 * Marks notifications read: shown read at once, then the server's count. On failure the list
 * is read again (so nothing shows read that is not) and the error is thrown on.
 */
export async function markRead(
  queryClient: QueryClient,
  target: { ids: number[] } | { all: true },
): Promise<void> {
  const now = new Date().toISOString();
  const hit = (item: NotificationItem) => 'all' in target || target.ids.includes(item.id);
  queryClient.setQueryData<ListData>(
    LIST_KEY,
    (data) =>
      data && mapItems(data, (item) => (item.readAt === null && hit(item) ? { ...item, readAt: now } : item)),
  );
  try {
    const { unreadCount } = await api.post<{ unreadCount: number }>('/api/notifications/read', target);
    setUnreadCount(queryClient, unreadCount);
  } catch (error) {
    void queryClient.invalidateQueries({ queryKey: LIST_KEY, exact: true });
    void queryClient.invalidateQueries({ queryKey: UNREAD_KEY, exact: true });
    throw error;
  }
}

/** Kinds and channels this app knows; anything newer from the server is left out, not guessed at. */
function known(preferences: Array<{ kind: string; channel: string }>): Preference[] {
  return preferences.filter((p): p is Preference => isKind(p.kind) && isChannel(p.channel));
}

interface PreferencesAnswer {
  preferences: Array<{ kind: string; channel: string }>;
}

export function usePreferences() {
  return useQuery({
    queryKey: PREFERENCES_KEY,
    queryFn: async ({ signal }) =>
      known((await api.get<PreferencesAnswer>('/api/notifications/preferences', { signal })).preferences),
  });
}

/** Sets the listed kinds' channels (others keep theirs); answers with every kind's. */
export async function savePreferences(preferences: Preference[]): Promise<Preference[]> {
  const answer = await request<PreferencesAnswer>('PUT', '/api/notifications/preferences', {
    body: { preferences },
  });
  return known(answer.preferences);
}
