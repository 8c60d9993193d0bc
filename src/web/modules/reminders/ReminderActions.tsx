import { Button, Group } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client.ts';
import type { RecordData } from '../../app/api-types.ts';
import { useErrorMessage } from '../../ui/error-message.ts';
import { notify } from '../../ui/notify.ts';

/** Snooze lengths offered, in minutes: a short break, an hour, until tomorrow's same time. */
const SNOOZES = [10, 60, 1440] as const;
const SNOOZE_LABELS: Record<(typeof SNOOZES)[number], string> = {
  10: 'reminders:snooze.minutes10',
  60: 'reminders:snooze.hour',
  1440: 'reminders:snooze.tomorrow',
};

/**
 * Snooze and Dismiss for a reminder that has come: in the bell beside its notification, and on
 * the reminder's page. The server lets only whom it is for do it.
 */
export function ReminderActions({ reminderId, size = 'compact-xs' }: { reminderId: number; size?: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const act = useMutation({
    mutationFn: (action: { snooze: number } | 'dismiss') =>
      action === 'dismiss'
        ? api.post<RecordData>(`/api/reminders/${reminderId}/dismiss`)
        : api.post<RecordData>(`/api/reminders/${reminderId}/snooze`, { minutes: action.snooze }),
    onSuccess: (_reminder, action) => {
      notify(t(action === 'dismiss' ? 'reminders:dismissed' : 'reminders:snoozed'));
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
      void queryClient.invalidateQueries({ queryKey: ['records', 'reminder'] });
    },
    onError: (error) => notify(errorMessage(error), 'red'),
  });
  return (
    <Group gap={4} wrap="wrap">
      {SNOOZES.map((minutes) => (
        <Button
          key={minutes}
          size={size}
          variant="default"
          disabled={act.isPending}
          onClick={() => act.mutate({ snooze: minutes })}
        >
          {t(SNOOZE_LABELS[minutes])}
        </Button>
      ))}
      <Button size={size} variant="light" disabled={act.isPending} onClick={() => act.mutate('dismiss')}>
        {t('reminders:dismiss')}
      </Button>
    </Group>
  );
}
