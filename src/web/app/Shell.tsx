import { AppShell, Burger, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import {
  canRead,
  forgetViewAsOfOthers,
  useMyRights,
  useViewAs,
  VIEW_AS_BANNER_HEIGHT,
  ViewAsBanner,
} from '../modules/access/index.ts';
import { useObjects } from '../modules/metadata/index.ts';
import { NotificationBell } from '../modules/notifications/index.ts';
import { useAdoptUserLanguage } from './language.ts';
import { ADMIN_NAV_ITEMS, NAV_ITEMS, type NavItem } from './navigation.ts';
import { SearchButton, SearchPalette } from './SearchPalette.tsx';
import classes from './Shell.module.css';
import { ShortcutsHelp } from './ShortcutsHelp.tsx';
import { useCurrentUser } from './session.ts';
import { UserMenu } from './UserMenu.tsx';

const HEADER_HEIGHT = 56;
const MAIN_ID = 'main-content';

export function Shell() {
  const { t } = useTranslation();
  const [navOpened, nav] = useDisclosure(false);
  const location = useLocation();
  const user = useCurrentUser();
  useAdoptUserLanguage(user?.preferredLocale);
  // Before anything below sends a request: a "view as" left by another login in this tab ends.
  forgetViewAsOfOthers(user?.id);
  const viewAs = useViewAs();
  const rights = useMyRights();
  const objects = useObjects();
  // The metadata lists only objects the reader may read; the rights say it too (and load apart).
  const reads = (key: string) =>
    objects.data?.some((object) => object.key === key) === true &&
    (!rights.data || canRead(rights.data, key));
  const visible = (item: NavItem) =>
    (!item.object || reads(item.object)) && (!item.anyOf || item.anyOf.some(reads));
  // On a phone the menu covers the page: close it once the user has gone somewhere.
  // A new page takes the focus (unless something in it already did), so a keyboard user goes on
  // from its content, not from the link in the navigation or from the top of the document.
  const firstPage = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => {
    nav.close();
    // The first page after loading or logging in starts from the top, skip link first.
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    const main = document.getElementById(MAIN_ID);
    if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
  }, [location.pathname]);

  const link = (item: NavItem) => (
    <NavLink
      key={item.key}
      component={Link}
      to={item.to}
      label={t(item.labelKey)}
      leftSection={<item.icon size={18} aria-hidden />}
      active={location.pathname === item.to || location.pathname.startsWith(`${item.to}/`)}
      aria-current={location.pathname === item.to ? 'page' : undefined}
    />
  );

  return (
    <AppShell
      header={{ height: HEADER_HEIGHT + (viewAs ? VIEW_AS_BANNER_HEIGHT : 0) }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      {/* The first Tab stop: past the header and the navigation, straight to the page. */}
      <a href={`#${MAIN_ID}`} className={classes.skipLink}>
        {t('a11y:skipToContent')}
      </a>
      <AppShell.Header>
        <Group h={HEADER_HEIGHT} px="md" gap="sm" wrap="nowrap" justify="space-between">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t(navOpened ? 'shell:menu.close' : 'shell:menu.open')}
              aria-expanded={navOpened}
              aria-controls="main-navigation"
            />
            <Text component={Link} to="/" fw={700} size="lg" c="inherit" td="none">
              {t('common:appName')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap" style={{ flex: 1, justifyContent: 'flex-end' }}>
            <SearchButton />
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
        <ViewAsBanner />
      </AppShell.Header>
      <AppShell.Navbar p="xs" id="main-navigation" aria-label={t('shell:nav.label')} component="nav">
        <AppShell.Section grow component={ScrollArea}>
          {NAV_ITEMS.filter(visible).map(link)}
          {rights.data?.administrator && (
            <>
              {/* A heading, so screen readers can jump to the section and hear what it is. */}
              <Text component="h2" size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4} m={0}>
                {t('access:nav.administration')}
              </Text>
              {ADMIN_NAV_ITEMS.map(link)}
            </>
          )}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_ID} tabIndex={-1} className={classes.main}>
        <Outlet />
      </AppShell.Main>
      <SearchPalette />
      <ShortcutsHelp />
    </AppShell>
  );
}
