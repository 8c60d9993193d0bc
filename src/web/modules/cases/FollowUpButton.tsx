import { Button } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../app/api-client.ts';
import type { RecordData } from '../../app/api-types.ts';
import { useErrorMessage } from '../../ui/error-message.ts';
import { notify } from '../../ui/notify.ts';
import { useObjectAbilities } from '../access/index.ts';

const ACTIVITY = 'activity';

/** A week later at the same time of day: a follow-up's usual distance, changed in the form. */
function aWeekLater(startsAt: unknown): string {
  const start = typeof startsAt === 'string' ? new Date(startsAt) : new Date();
  const base = start.getTime() > Date.now() ? start : new Date();
  return new Date(base.getTime() + 7 * 86_400_000).toISOString();
}

/**
 * "Plan the follow-up" on an activity's page: the next activity, linked to this one by its
 * `previous`, for the same client, case and people, planned a week later — made in one step
 * and opened in its form to set the date and subject.
 */
export function FollowUpButton({ object, record }: { object: string; record: RecordData }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const can = useObjectAbilities(ACTIVITY);
  const plan = useMutation({
    mutationFn: () =>
      api.post<RecordData>(`/api/records/${ACTIVITY}`, {
        title: t('cases:followUp.title', { title: String(record.title ?? '') }),
        type: record.type ?? null,
        starts_at: aWeekLater(record.starts_at),
        company: record.company ?? null,
        case: record.case ?? null,
        participants: Array.isArray(record.participants) ? record.participants : [],
        employees: Array.isArray(record.employees) ? record.employees : [],
        organiser: record.organiser ?? null,
        status: 'planned',
        previous: record.id,
      }),
    onSuccess: async (created) => {
      notify(t('cases:followUp.planned'));
      void queryClient.invalidateQueries({ queryKey: ['records', ACTIVITY] });
      void queryClient.invalidateQueries({ queryKey: ['timeline'] });
      await navigate(`/records/${ACTIVITY}/${created.id}?edit=1`);
    },
    onError: (error) => notify(errorMessage(error), 'red'),
  });
  if (object !== ACTIVITY || !can.create) return null;
  return (
    <Button
      variant="default"
      leftSection={<IconCalendarPlus size={16} aria-hidden />}
      loading={plan.isPending}
      onClick={() => plan.mutate()}
    >
      {t('cases:followUp.action')}
    </Button>
  );
}
