import { lazy, Suspense } from 'react';

const Bell = lazy(() =>
  import('./NotificationBell.tsx').then((module) => ({ default: module.NotificationBell })),
);

/**
 * The bell, loaded on its own once the shell shows (the login screen never loads it). Until
 * then an empty box of its size keeps the header's buttons where they will stay.
 */
export function NotificationBell() {
  return (
    <Suspense fallback={<span style={{ display: 'inline-block', width: 34, height: 34 }} />}>
      <Bell />
    </Suspense>
  );
}
