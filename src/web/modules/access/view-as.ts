import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { useNavigate } from 'react-router';
import { setExtraHeaders } from '../../app/api-client.ts';

/**
 * "View as": an administrator sees the application exactly as another account does. The
 * server answers a request carrying `X-Kartoteka-View-As` as that account would get it, and
 * refuses writes with it (403), so nothing is ever changed in someone else's name.
 */
export const VIEW_AS_HEADER = 'x-kartoteka-view-as';
const STORAGE_KEY = 'kartoteka.viewAs';

export interface ViewAsTarget {
  /** The viewed account. */
  id: number;
  login: string;
  /** The administrator who started it: another login in this tab must not inherit it. */
  by: number;
}

function isTarget(value: unknown): value is ViewAsTarget {
  const v = value as Partial<ViewAsTarget> | null;
  return typeof v?.id === 'number' && typeof v.login === 'string' && typeof v.by === 'number';
}

function readStored(): ViewAsTarget | null {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    return isTarget(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

let current: ViewAsTarget | null = typeof sessionStorage === 'undefined' ? null : readStored();
const listeners = new Set<() => void>();

function store(next: ViewAsTarget | null, notify: boolean): void {
  current = next;
  try {
    if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage may be unavailable (private mode quotas): the setting then lasts until a reload.
  }
  if (notify) for (const listener of listeners) listener();
}

/**
 * Every request but the session's own (`/api/auth/…`: login, logout, the session probe) carries
 * the header while viewing. Reads are answered for the viewed account; writes are refused by the
 * server, which is what we want: a write that slipped through would otherwise run with the
 * administrator's rights while the screen pretends to be someone else's.
 */
setExtraHeaders(
  (_method, path): Record<string, string> =>
    current && !path.startsWith('/api/auth/') ? { [VIEW_AS_HEADER]: String(current.id) } : {},
);

export function viewAsTarget(): ViewAsTarget | null {
  return current;
}

/**
 * Drops a "view as" that another account started in this tab (an administrator logged out
 * while viewing, someone else logged in). Called while the shell renders, before any screen
 * below it sends a request; it does not notify, since it runs during a render.
 */
export function forgetViewAsOfOthers(userId: number | undefined): void {
  if (current && userId !== undefined && current.by !== userId) store(null, false);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useViewAs(): ViewAsTarget | null {
  return useSyncExternalStore(subscribe, viewAsTarget, () => null);
}

/** Starts or stops viewing; every cached answer belonged to the other reader, so all are reloaded. */
export function useSetViewAs(): (next: ViewAsTarget | null) => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    async (next) => {
      store(next, true);
      // Cached answers were the other reader's: dropped before the next screen mounts and reads.
      // The session itself (`me`) stays: it is the administrator's either way.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
      await navigate(next ? '/' : '/admin/accounts');
    },
    [navigate, queryClient],
  );
}
