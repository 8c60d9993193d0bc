import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client.ts';
import { CopyIconButton } from '../../ui/CopyIconButton.tsx';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useFormatters } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';

interface Feed {
  id: number;
  createdAt: string;
}

const FEEDS = ['calendar-feeds'];

/**
 * Publishing one's calendar to Google Calendar, Outlook or Thunderbird: a private link, shown
 * once when it is made (only its hash is kept), and the live links by the day they were made,
 * each revocable — whoever lost a link can still cut it off.
 */
export function CalendarFeedsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [shown, setShown] = useState<{ id: number; url: string } | null>(null);
  const url = shown?.url ?? null;
  const feeds = useQuery({ queryKey: FEEDS, queryFn: () => api.get<Feed[]>('/api/calendar/feeds') });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: FEEDS });
  const publish = useMutation({
    mutationFn: () => api.post<{ id: number; token: string; url: string }>('/api/calendar/feeds'),
    onSuccess: (made) => {
      setShown({ id: made.id, url: made.url });
      refresh();
    },
    onError: (error) => notify(errorMessage(error), 'red'),
  });
  const revoke = useMutation({
    mutationFn: (id: number) => api.delete<null>(`/api/calendar/feeds/${id}`),
    onSuccess: (_nothing, id) => {
      // The link on show goes only when it is the one revoked: it may not be copied yet.
      if (shown?.id === id) setShown(null);
      notify(t('calendar:feeds.revoked'));
      refresh();
    },
    onError: (error) => notify(errorMessage(error), 'red'),
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('calendar:feeds.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('calendar:feeds.explain')}</Text>
        {url ? (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('calendar:feeds.shownOnce')}
            </Text>
            <TextInput
              readOnly
              label={t('calendar:feeds.link')}
              value={url}
              onFocus={(event) => event.currentTarget.select()}
              rightSection={
                <CopyIconButton
                  value={url}
                  label={t('calendar:feeds.copy')}
                  copiedLabel={t('calendar:feeds.copied')}
                  variant="subtle"
                />
              }
            />
          </Stack>
        ) : (
          <Group>
            <Button onClick={() => publish.mutate()} loading={publish.isPending}>
              {t('calendar:feeds.publish')}
            </Button>
          </Group>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('calendar:feeds.live')}
          </Text>
          {feeds.data?.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('calendar:feeds.none')}
            </Text>
          )}
          {feeds.data?.map((feed) => (
            <Group key={feed.id} justify="space-between">
              <Text size="sm">{t('calendar:feeds.madeOn', { when: format.dateTime(feed.createdAt) })}</Text>
              <Button
                size="compact-sm"
                variant="light"
                color="red"
                disabled={revoke.isPending}
                onClick={() => revoke.mutate(feed.id)}
              >
                {t('calendar:feeds.revoke')}
              </Button>
            </Group>
          ))}
        </Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('calendar:feeds.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
