import { ActionIcon, Drawer, Indicator, Popover, ScrollArea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications as toasts } from '@mantine/notifications';
import { IconBell } from '@tabler/icons-react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { secondFactorSetupRequired, useMe } from '../../app/session.ts';
import { useViewAs } from '../access/index.ts';
import { type NotificationItem, useUnreadCount } from './api.ts';
import { NotificationList } from './NotificationList.tsx';
import { useNotificationStream } from './stream.ts';

/** Below this width the list opens as a full-width drawer rather than a popover. */
const PHONE_QUERY = '(max-width: 36em)';
/** The badge shows no more digits than this; the button's name says the exact count. */
const MOST_SHOWN = 99;
const TOAST_ID = 'notifications-new';

/**
 * The header's bell. Not while "viewing as" someone (the list would be theirs, the stream the
 * administrator's own, and marking read is refused), nor while the account must first set up
 * two-factor login (the server answers nothing else then).
 */
export function NotificationBell() {
  const me = useMe().data;
  const viewAs = useViewAs();
  if (!me || secondFactorSetupRequired(me) || viewAs) return null;
  return <Bell />;
}

function Bell() {
  const { t } = useTranslation();
  const phone = useMediaQuery(PHONE_QUERY) === true;
  const headingId = useId();
  const [opened, setOpened] = useState(false);
  const openedRef = useRef(false);
  useEffect(() => {
    openedRef.current = opened;
  }, [opened]);
  const count = useUnreadCount().data ?? 0;

  // A toast for what arrives while the list is closed (an open list shows it on top anyway).
  // E-mail-only notifications come already read: they are listed, not announced. One toast at
  // a time: more while it shows turn it into "3 new notifications", not a pile of toasts.
  const shown = useRef(0);
  const announce = useCallback(
    (items: NotificationItem[]) => {
      const fresh = items.filter((item) => item.readAt === null);
      const [only] = fresh;
      if (openedRef.current || !only) return;
      const total = shown.current + fresh.length;
      const toast = {
        id: TOAST_ID,
        color: 'blue',
        icon: <IconBell size={16} aria-hidden />,
        title: total === 1 ? only.title : t('notifications:toastMany', { count: total }),
        message: total === 1 ? only.body : t('notifications:toastHint'),
        closeButtonProps: { 'aria-label': t('common:close') },
        onClose: () => {
          shown.current = 0;
        },
      };
      if (shown.current === 0) toasts.show(toast);
      else toasts.update(toast);
      shown.current = total;
    },
    [t],
  );
  // Opening the list says it all: the toast goes.
  useEffect(() => {
    if (opened) toasts.hide(TOAST_ID);
  }, [opened]);
  useNotificationStream(announce);

  const close = () => setOpened(false);
  const label = count > 0 ? t('notifications:bell.unread', { count }) : t('notifications:bell.label');
  const button = (
    <ActionIcon
      variant="subtle"
      color="gray"
      size="lg"
      aria-label={label}
      aria-haspopup="dialog"
      aria-expanded={opened}
      onClick={() => setOpened((was) => !was)}
    >
      <Indicator
        label={count > MOST_SHOWN ? `${MOST_SHOWN}+` : count}
        disabled={count === 0}
        color="red.9"
        size={16}
        offset={2}
        fz={10}
        fw={700}
      >
        <IconBell size={20} aria-hidden />
      </Indicator>
    </ActionIcon>
  );

  if (phone) {
    return (
      <>
        {button}
        <Drawer
          opened={opened}
          onClose={close}
          position="right"
          size="100%"
          padding={0}
          title={t('notifications:title')}
          closeButtonProps={{ 'aria-label': t('notifications:close') }}
          styles={{ header: { paddingInline: 'var(--mantine-spacing-sm)' } }}
        >
          <NotificationList headingId={null} onLeave={close} />
        </Drawer>
      </>
    );
  }
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={400}
      shadow="md"
      trapFocus
      returnFocus
      withinPortal
    >
      <Popover.Target>{button}</Popover.Target>
      {/* Named by its heading, not by the bell (whose name is the count). */}
      <Popover.Dropdown p={0} aria-labelledby={headingId}>
        <ScrollArea.Autosize mah="min(70vh, 560px)" type="auto">
          <NotificationList headingId={headingId} onLeave={close} />
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
