import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, onSecondFactorRequired, setCsrfToken } from './api-client.ts';
import type { CurrentUser, LoginResponse, MeResponse } from './api-types.ts';

export const ME_KEY = ['me'] as const;

/** The session probe: null when nobody is logged in (a 401 here is an answer, not an error). */
async function fetchMe(): Promise<MeResponse | null> {
  try {
    const me = await api.get<MeResponse>('/api/auth/me', { expectUnauthorized: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Number.POSITIVE_INFINITY, retry: false });
}

/** The logged-in user; only for components rendered inside the session guard. */
export function useCurrentUser(): CurrentUser | null {
  return useMe().data?.user ?? null;
}

/** Where two-factor login is set up, and where an account that must set it up is kept. */
export const SETTINGS_PATH = '/settings';

/**
 * Whether a role (or an administrator) requires two-factor login of this account and it is not
 * on yet: the server then refuses everything but setting it up. The login answer does not say
 * so, only `/api/auth/me`; until that is asked again the first refused request tells (below).
 */
export function secondFactorSetupRequired(me: MeResponse | null | undefined): boolean {
  const user: (CurrentUser & { totpSetupRequired?: boolean }) | undefined = me?.user;
  return user?.totpSetupRequired === true;
}

/**
 * Mirrors the 401 handling for 403 `totp_setup_required`: whichever screen asked, the user goes
 * to the settings page, and the session is asked again so that page can say why. Used by the
 * session guard, which is mounted whenever such a request can be made.
 */
export function useSecondFactorGuard(): void {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onSecondFactorRequired(() => {
        void queryClient.invalidateQueries({ queryKey: ME_KEY });
        if (window.location.pathname !== SETTINGS_PATH) void navigate(SETTINGS_PATH, { replace: true });
      }),
    [navigate, queryClient],
  );
}

export async function logIn(login: string, password: string): Promise<LoginResponse> {
  return api.post<LoginResponse>('/api/auth/login', { login, password }, { expectUnauthorized: true });
}

export function useLogout(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    try {
      await api.post('/api/auth/logout', undefined, { expectUnauthorized: true });
    } catch {
      // An already expired session is logged out all the same.
    }
    setCsrfToken(null);
    await navigate('/login', { replace: true });
    queryClient.clear();
    queryClient.setQueryData(ME_KEY, null);
  }, [navigate, queryClient]);
}

/**
 * Where the login page sends the user back to: only paths of this app, never another
 * site (`//evil.example` or `/\evil.example` would leave it).
 */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/login' || next.startsWith('/login?')) return '/';
  return next;
}

export function loginPath(next: string, expired = false): string {
  const params = new URLSearchParams();
  if (next && next !== '/') params.set('next', next);
  if (expired) params.set('expired', '1');
  const query = params.toString();
  return query ? `/login?${query}` : '/login';
}
