import { lazy, Suspense } from 'react';
import { PageLoader } from '../../ui/PageLoader.tsx';

/*
 * The screen loads on first use. The module's index is reached from every form (the picker
 * adds values through it), so exporting the page itself there would put it in the bundle the
 * login screen loads.
 */
const Page = lazy(() =>
  import('./DictionariesPage.tsx').then((module) => ({ default: module.DictionariesPage })),
);

/** `/admin/dictionaries`, loaded on first use. */
export function DictionariesPage() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Page />
    </Suspense>
  );
}
