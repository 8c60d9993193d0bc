import {
  Box,
  Button,
  Center,
  Group,
  Loader,
  Stack,
  Text,
  ThemeIcon,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { IconBellOff } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useFormatters } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import { ReminderActions } from '../reminders/index.ts';
import { markRead, type NotificationItem, recordPath, useNotificationList, useUnreadCount } from './api.ts';
import classes from './Notifications.module.css';

interface Props {
  /** The id of the heading, which names the popover; null in the drawer, whose title names it. */
  headingId: string | null;
  /** Called when the user leaves for a notification's record (the popover or drawer closes). */
  onLeave: () => void;
}

/** The newest notifications, unread ones marked; "Mark all as read" and "Load more" (by cursor). */
export function NotificationList({ headingId, onLeave }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const list = useNotificationList(queryClient);
  const unread = useUnreadCount().data ?? 0;
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);

  const read = (target: { ids: number[] } | { all: true }) =>
    markRead(queryClient, target).catch((error: unknown) => notify(errorMessage(error), 'red'));

  const open = (item: NotificationItem) => {
    if (item.readAt === null) void read({ ids: [item.id] });
    onLeave();
  };

  return (
    <Stack gap={0}>
      <Group justify={headingId ? 'space-between' : 'flex-end'} px="sm" py="xs" wrap="nowrap">
        {headingId && (
          // Where the popover puts the focus on opening: the list is read from its name, and Enter
          // does nothing by mistake (as it would on "Mark all as read", the first button).
          <Title order={2} size="h5" id={headingId} tabIndex={-1} data-autofocus>
            {t('notifications:title')}
          </Title>
        )}
        {/* Disabled without losing the focus (`disabled` would drop it out of the popover). */}
        <Button
          variant="subtle"
          size="compact-sm"
          data-disabled={unread === 0 || undefined}
          aria-disabled={unread === 0}
          onClick={() => {
            if (unread > 0) void read({ all: true });
          }}
        >
          {t('notifications:markAllRead')}
        </Button>
      </Group>
      {list.isPending && (
        <Center p="md">
          <Loader size="sm" role="status" aria-label={t('common:loading')} />
        </Center>
      )}
      {list.isError && (
        <Box p="sm">
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        </Box>
      )}
      {list.isSuccess && items.length === 0 && <Empty />}
      {items.length > 0 && (
        <Box component="ul" className={classes.list} aria-label={t('notifications:title')}>
          {items.map((item) => (
            <li key={item.id}>
              <Entry item={item} onOpen={() => open(item)} />
              {/* A reminder that has come is snoozed or dismissed right here. */}
              {item.kind === 'reminder' && item.readAt === null && (
                <Box px="sm" pb="xs" pl={32}>
                  <ReminderActions reminderId={item.recordId} />
                </Box>
              )}
            </li>
          ))}
        </Box>
      )}
      {list.hasNextPage && (
        <Button
          variant="subtle"
          m="xs"
          loading={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('notifications:loadMore')}
        </Button>
      )}
    </Stack>
  );
}

function Entry({ item, onOpen }: { item: NotificationItem; onOpen: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const unread = item.readAt === null;
  return (
    <UnstyledButton
      component={Link}
      to={recordPath(item)}
      onClick={onOpen}
      className={classes.item}
      data-unread={unread || undefined}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <span className={classes.dot} aria-hidden />
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={unread ? 700 : 500}>
            {unread && <VisuallyHidden>{t('notifications:unread')}: </VisuallyHidden>}
            {item.title}
          </Text>
          {item.body && (
            <Text size="sm" lineClamp={2}>
              {item.body}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {item.actor && `${item.actor.name} · `}
            <time dateTime={item.createdAt}>{format.dateTime(item.createdAt)}</time>
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

function Empty() {
  const { t } = useTranslation();
  return (
    <Stack align="center" gap="xs" p="lg">
      <ThemeIcon variant="light" color="gray" size="xl" radius="xl" aria-hidden>
        <IconBellOff size={22} />
      </ThemeIcon>
      <Text fw={500}>{t('notifications:empty')}</Text>
      <Text size="sm" c="dimmed" ta="center">
        {t('notifications:emptyHint')}
      </Text>
    </Stack>
  );
}
