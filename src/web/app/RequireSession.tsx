import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState } from '../ui/ErrorState.tsx';
import { PageLoader } from '../ui/PageLoader.tsx';
import { loginPath, useMe } from './session.ts';

/** Everything but the login page needs a session; without one the user logs in and comes back here. */
export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  return children;
}
