import { type CSSVariablesResolver, createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { ApiError, onSessionLost, setCsrfToken } from './api-client.ts';
import { i18n } from './i18n.ts';
import { router } from './router.tsx';
import { loginPath } from './session.ts';

// Darker shades than Mantine's defaults: links and secondary text must reach WCAG AA contrast (4.5:1).
const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
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

/** A 4xx will not get better by asking again; a network blip or a 5xx may. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

const queryClient = new QueryClient({
  queryCache: new QueryCache(),
  mutationCache: new MutationCache(),
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

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
        <Notifications position="bottom-right" />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
