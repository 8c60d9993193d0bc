import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api-client.ts';
import type { RecordData } from '../../app/api-types.ts';
import { useCurrentUser } from '../../app/session.ts';
import type { RecordExtensionProps } from '../../records/extensions.ts';
import { useRecordPages } from '../../records/queries.ts';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useLocale } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import { useMyRights } from '../access/index.ts';
import { expandedTitle } from '../metadata/index.ts';

/** The requests of a task: shown here while open, not again as a related list. */
export const CLAIM_RELATION = 'task_claim.task';

/**
 * Open requests to take on this task, above the subtasks: who asks and why, and for the
 * task's requester (and anyone the server lets decide: the register's keeper, administrators)
 * Accept and Decline. Readers who may not see requests see nothing.
 */
export function TaskClaims({ meta, record }: RecordExtensionProps) {
  if (meta.key !== 'task') return null;
  return <Claims task={record} />;
}

function Claims({ task }: { task: RecordData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pages = useRecordPages({
    object: 'task_claim',
    filter: {
      and: [
        { field: 'task', op: 'eq', value: task.id },
        { field: 'status', op: 'eq', value: 'pending' },
      ],
    },
    locale,
    limit: 20,
    fields: ['id', 'version', 'summary', 'claimant', 'note', 'status'],
    expand: ['claimant'],
  });
  if (pages.error instanceof ApiError && pages.error.status === 403) return null;
  const claims = pages.data?.pages[0]?.items ?? [];
  if (claims.length === 0) return null;
  return (
    <Stack gap="xs" aria-label={t('tasks:claim.listLabel')} component="section">
      {claims.map((claim) => (
        <ClaimNotice key={claim.id} claim={claim} task={task} />
      ))}
    </Stack>
  );
}

function ClaimNotice({ claim, task }: { claim: RecordData; task: RecordData }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const employeeId = useCurrentUser()?.employeeId ?? null;
  const administrator = useMyRights().data?.administrator === true;
  // Whether the reader decides: the task's requester, the register's keeper (whoever may read
  // the register learns its keeper), an administrator. The server checks it again.
  const register = useQuery({
    queryKey: ['records', 'task_register', 'one', String(task.register), 'keeper'],
    queryFn: ({ signal }) =>
      api.get<RecordData>(`/api/records/task_register/${String(task.register)}`, { signal }),
    enabled: typeof task.register === 'number',
    retry: false,
  });
  const decides =
    administrator ||
    (employeeId !== null && (task.requester === employeeId || register.data?.keeper === employeeId));
  const decide = useMutation({
    mutationFn: (action: 'accept' | 'decline') =>
      api.post<RecordData>(`/api/task-claims/${claim.id}/${action}`),
    onSuccess: (decided) => {
      notify(t(decided.status === 'accepted' ? 'tasks:claim.accepted' : 'tasks:claim.declined'));
      void queryClient.invalidateQueries({ queryKey: ['records', 'task_claim'] });
      void queryClient.invalidateQueries({ queryKey: ['records', 'task'] });
    },
    onError: (error) => notify(errorMessage(error), 'red'),
  });
  const who = expandedTitle(claim, 'claimant') ?? `#${String(claim.claimant)}`;
  const ownRequest = employeeId !== null && claim.claimant === employeeId;
  return (
    <Alert color="blue" title={t('tasks:claim.asks', { who })}>
      {typeof claim.note === 'string' && claim.note !== '' && <Text size="sm">{claim.note}</Text>}
      {ownRequest || !decides ? (
        <Text size="sm" c="dimmed">
          {t('tasks:claim.waiting')}
        </Text>
      ) : (
        <Group gap="xs" mt="xs">
          <Button size="compact-sm" loading={decide.isPending} onClick={() => decide.mutate('accept')}>
            {t('tasks:claim.accept', { who })}
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            loading={decide.isPending}
            onClick={() => decide.mutate('decline')}
          >
            {t('tasks:claim.decline')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
