import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState } from '../ui/ErrorState.tsx';
import { PageLoader } from '../ui/PageLoader.tsx';
import {
  loginPath,
  SETTINGS_PATH,
  secondFactorSetupRequired,
  useMe,
  useSecondFactorGuard,
} from './session.ts';

/**
 * Everything but the login page needs a session; without one the user logs in and comes back here.
 * An account that must set up two-factor login first can only do that: it is kept on the
 * settings page (the server would refuse every other screen's requests anyway).
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  useSecondFactorGuard();
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  if (secondFactorSetupRequired(me.data) && location.pathname !== SETTINGS_PATH)
    return <Navigate to={SETTINGS_PATH} replace />;
  return children;
}
