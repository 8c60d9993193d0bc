import { type CSSVariablesResolver, createTheme, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import {
  MutationCache,
  onlineManager,
  QueryCache,
  QueryClient,
  QueryClientProvider,
} from '@tanstack/react-query';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/hu';
import 'dayjs/locale/pl';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import type { Locale } from '../../shared/metadata/types.ts';
import { useLocale } from '../ui/format.ts';
import { ApiError, isConnectionFailure, onSessionLost, setCsrfToken } from './api-client.ts';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { connection, probeDelay, watchBrowserNetwork } from './connection.ts';
import { i18n } from './i18n.ts';
import { router } from './router.tsx';
import { loginPath } from './session.ts';

// Darker shades than Mantine's defaults: links and secondary text must reach WCAG AA contrast (4.5:1).
const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  // Someone who asked their system for less motion gets menus and dialogs without animation.
  respectReducedMotion: true,
});

const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Active menu entries and light badges: blue text on pale blue.
    '--mantine-color-blue-light-color': 'var(--mantine-color-blue-9)',
    '--mantine-color-blue-light': 'var(--mantine-color-blue-0)',
    '--mantine-color-blue-light-hover': 'var(--mantine-color-blue-1)',
    // Field errors: red-6 on white is below the 4.5:1 contrast text needs.
    '--mantine-color-error': 'var(--mantine-color-red-8)',
  },
  dark: {},
});

/**
 * A 4xx will not get better by asking again; a network blip or a 5xx may. A request that did
 * not reach the server also marks the connection lost (api-client.ts), and while it is, the
 * retries wait (they do not count) until the server answers again.
 */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isConnectionFailure(error)) return failureCount < 3;
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

const queryClient = new QueryClient({
  queryCache: new QueryCache(),
  mutationCache: new MutationCache(),
  defaultOptions: {
    queries: { retry: shouldRetry, retryDelay: probeDelay, staleTime: 30_000, refetchOnWindowFocus: false },
    /**
     * Saves are never repeated by themselves: one that failed on the way may still have landed,
     * and a repeat would create a second record (POST) or clash with its own first landing (a
     * PATCH carries the version it was based on, so the repeat gets 409). The failure shows
     * next to the button, the edit stays in the form, and saving again is the user's call (if
     * the first did land, the conflict dialog shows both versions rather than overwriting).
     * 'always', not the default 'online': a Save pressed while the connection is lost fails at
     * once with its message, instead of waiting unseen and firing whenever the server is back.
     */
    mutations: { retry: false, networkMode: 'always' },
  },
});

/**
 * The connection monitor is TanStack Query's idea of "online": while the server is away no
 * query is sent (each waits, paused, instead of failing), and when it answers again the paused
 * ones continue and those that had failed are asked again, so every screen recovers by itself.
 */
onlineManager.setEventListener((setOnline) => connection.subscribe((lost) => setOnline(!lost)));
connection.subscribe((lost) => {
  if (lost) return;
  void queryClient.refetchQueries(
    { type: 'active', predicate: (query) => query.state.status === 'error' },
    { cancelRefetch: false },
  );
});
watchBrowserNetwork();

/** Day.js names: British English writes the day first and starts the week on Monday, like pl and hu. */
const DAYJS_LOCALES: Record<Locale, string> = { en: 'en-gb', pl: 'pl', hu: 'hu' };

/** Calendars (month and weekday names, first day of the week) in the app's language. */
function LanguageDates({ children }: { children: ReactNode }) {
  const locale = useLocale();
  return (
    <DatesProvider settings={{ locale: DAYJS_LOCALES[locale], firstDayOfWeek: 1 }}>{children}</DatesProvider>
  );
}

let leaving = false;

/**
 * Any 401 means the session is gone (expired, or ended elsewhere): go to the login page and
 * remember where the user was. Forms keep their drafts in sessionStorage, so nothing typed is lost.
 */
onSessionLost((error) => {
  const { pathname, search } = window.location;
  if (leaving || pathname === '/login') return;
  leaving = true;
  setCsrfToken(null);
  void router
    .navigate(loginPath(pathname + search, error.code === 'session_expired'), { replace: true })
    .then(() => {
      queryClient.clear();
      queryClient.setQueryData(['me'], null);
      leaving = false;
    });
});

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={cssVariablesResolver}>
        <LanguageDates>
          <Notifications position="bottom-right" />
          {/* Here rather than in the shell: the login page needs it as much as any screen. */}
          <ConnectionBanner />
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </LanguageDates>
      </MantineProvider>
    </I18nextProvider>
  );
}
