import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, Outlet } from 'react-router';
import { RequireAdministrator } from '../modules/access/index.ts';
import { LoginPage } from '../modules/auth/index.ts';
import { DictionariesPage } from '../modules/dictionaries/index.ts';
import { PageLoader } from '../ui/PageLoader.tsx';
import { NotFound } from './NotFound.tsx';
import { RequireSession } from './RequireSession.tsx';
import { Shell } from './Shell.tsx';

// Lists and record pages load on first use, so the login screen stays small.
const RecordListPage = lazy(() =>
  import('../records/index.ts').then((module) => ({ default: module.RecordListPage })),
);
const RecordCreatePage = lazy(() =>
  import('../records/index.ts').then((module) => ({ default: module.RecordCreatePage })),
);
// Its own chunk: not through the module's index, which the login screen loads eagerly.
const SettingsPage = lazy(() =>
  import('../modules/auth/SettingsPage.tsx').then((module) => ({ default: module.SettingsPage })),
);
const PrintListPage = lazy(() =>
  import('../records/index.ts').then((module) => ({ default: module.PrintListPage })),
);
const BusinessCardPage = lazy(() =>
  import('../modules/cards/index.ts').then((module) => ({ default: module.BusinessCardPage })),
);
const TodayPage = lazy(() =>
  import('../modules/today/TodayPage.tsx').then((module) => ({ default: module.TodayPage })),
);
const CalendarPage = lazy(() =>
  import('../modules/calendar/CalendarPage.tsx').then((module) => ({ default: module.CalendarPage })),
);
const ActionPlanPage = lazy(() =>
  import('../modules/today/ActionPlanPage.tsx').then((module) => ({ default: module.ActionPlanPage })),
);
const RecordPage = lazy(() =>
  import('../records/index.ts').then((module) => ({ default: module.RecordPage })),
);

// Capability screens, each its own chunk.
const ImportWizardPage = lazy(() =>
  import('../modules/imports/index.ts').then((module) => ({ default: module.ImportWizardPage })),
);
const DuplicatesPage = lazy(() =>
  import('../modules/duplicates/index.ts').then((module) => ({ default: module.DuplicatesPage })),
);
// Its own chunk: the palette loads the search module's index eagerly.
const SearchResultsPage = lazy(() =>
  import('../modules/search/SearchResultsPage.tsx').then((module) => ({ default: module.SearchResultsPage })),
);

// The administration screens: their own chunk (see modules/access/admin.ts).
const adminPages = () => import('../modules/access/admin.ts');
const AccountsPage = lazy(() => adminPages().then((module) => ({ default: module.AccountsPage })));
const RolesPage = lazy(() => adminPages().then((module) => ({ default: module.RolesPage })));
const RoleEditorPage = lazy(() => adminPages().then((module) => ({ default: module.RoleEditorPage })));
const DepartmentsPage = lazy(() => adminPages().then((module) => ({ default: module.DepartmentsPage })));
const WorkGroupsPage = lazy(() => adminPages().then((module) => ({ default: module.WorkGroupsPage })));
const SecurityLogPage = lazy(() => adminPages().then((module) => ({ default: module.SecurityLogPage })));
const BackupsPage = lazy(() =>
  import('../modules/backups/index.ts').then((module) => ({ default: module.BackupsPage })),
);

function lazyPage(Page: React.ComponentType) {
  return (
    <Suspense fallback={<PageLoader />}>
      <Page />
    </Suspense>
  );
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // Without the shell: a page meant for paper.
  { path: '/records/:object/print', element: <RequireSession>{lazyPage(PrintListPage)}</RequireSession> },
  {
    path: '/records/:object/:id/card',
    element: <RequireSession>{lazyPage(BusinessCardPage)}</RequireSession>,
  },
  {
    element: (
      <RequireSession>
        <Shell />
      </RequireSession>
    ),
    children: [
      // The first screen after logging in: what is due today.
      { index: true, element: lazyPage(TodayPage) },
      { path: 'plan', element: lazyPage(ActionPlanPage) },
      { path: 'calendar', element: lazyPage(CalendarPage) },
      { path: 'records/:object', element: lazyPage(RecordListPage) },
      { path: 'records/:object/new', element: lazyPage(RecordCreatePage) },
      { path: 'records/:object/duplicates', element: lazyPage(DuplicatesPage) },
      { path: 'import', element: lazyPage(ImportWizardPage) },
      { path: 'records/:object/:id', element: lazyPage(RecordPage) },
      { path: 'settings', element: lazyPage(SettingsPage) },
      { path: 'search', element: lazyPage(SearchResultsPage) },
      {
        path: 'admin',
        element: (
          <RequireAdministrator>
            <Outlet />
          </RequireAdministrator>
        ),
        children: [
          { index: true, element: <Navigate to="/admin/accounts" replace /> },
          { path: 'accounts', element: lazyPage(AccountsPage) },
          { path: 'roles', element: lazyPage(RolesPage) },
          { path: 'roles/:id', element: lazyPage(RoleEditorPage) },
          { path: 'departments', element: lazyPage(DepartmentsPage) },
          { path: 'work-groups', element: lazyPage(WorkGroupsPage) },
          { path: 'security-log', element: lazyPage(SecurityLogPage) },
          { path: 'dictionaries', element: <DictionariesPage /> },
          { path: 'backups', element: lazyPage(BackupsPage) },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
