import { Button, Checkbox, Group, Modal, Stack } from '@mantine/core';
import { IconHandStop, IconSubtask } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import { api } from '../../app/api-client.ts';
import type { RecordData } from '../../app/api-types.ts';
import { useCurrentUser } from '../../app/session.ts';
import type { RecordExtensionProps } from '../../records/extensions.ts';
import { ReferencePicker } from '../../records/ReferencePicker.tsx';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useLocale } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import { useRecordCan } from '../access/index.ts';
import { pickLabel } from '../metadata/index.ts';

/**
 * On a task's page: "Ask to be assigned" for a reader whose task it is not (its requester or
 * register keeper decides), and "Delegate" for whoever may change it (a subtask for someone
 * else, with the task's content or bare).
 */
export function TaskActions({ meta, record }: RecordExtensionProps) {
  if (meta.key !== 'task') return null;
  return <Actions meta={meta} task={record} />;
}

function Actions({ meta, task }: { meta: ObjectMeta; task: RecordData }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const employeeId = useCurrentUser()?.employeeId ?? null;
  const can = useRecordCan(task);
  const [delegating, setDelegating] = useState(false);
  const claim = useMutation({
    mutationFn: () => api.post<RecordData>(`/api/tasks/${task.id}/claim`, {}),
    onSuccess: () => {
      notify(t('tasks:claim.sent'));
      void queryClient.invalidateQueries({ queryKey: ['records', 'task_claim'] });
    },
    onError: (error) => notify(errorMessage(error), 'red'),
  });
  const mine = employeeId !== null && task.assignee === employeeId;
  return (
    <>
      {employeeId !== null && !mine && (
        <Button
          variant="default"
          leftSection={<IconHandStop size={16} aria-hidden />}
          loading={claim.isPending}
          onClick={() => claim.mutate()}
        >
          {t('tasks:claim.action')}
        </Button>
      )}
      {can.update && (
        <Button
          variant="default"
          leftSection={<IconSubtask size={16} aria-hidden />}
          onClick={() => setDelegating(true)}
        >
          {t('tasks:delegate.action')}
        </Button>
      )}
      {delegating && <DelegateDialog meta={meta} task={task} onClose={() => setDelegating(false)} />}
    </>
  );
}

function DelegateDialog({
  meta,
  task,
  onClose,
}: {
  meta: ObjectMeta;
  task: RecordData;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [employee, setEmployee] = useState<number | null>(null);
  const [withContent, setWithContent] = useState(true);
  const assigneeField = meta.fields.find((field) => field.key === 'assignee');
  const delegate = useMutation({
    mutationFn: () => api.post<RecordData>(`/api/tasks/${task.id}/delegate`, { employee, withContent }),
    onSuccess: async (subtask) => {
      notify(t('tasks:delegate.done'));
      void queryClient.invalidateQueries({ queryKey: ['records', 'task'] });
      onClose();
      await navigate(`/records/task/${subtask.id}`);
    },
    onError: (error) => notify(errorMessage(error), 'red'),
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('tasks:delegate.title')}
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (employee !== null) delegate.mutate();
        }}
      >
        <Stack gap="md">
          {assigneeField && (
            <ReferencePicker
              field={assigneeField}
              label={pickLabel(assigneeField.labels, locale)}
              value={employee}
              onChange={setEmployee}
              expanded={null}
            />
          )}
          <Checkbox
            label={t('tasks:delegate.withContent')}
            description={t('tasks:delegate.withContentHint')}
            checked={withContent}
            onChange={(event) => setWithContent(event.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('tasks:delegate.cancel')}
            </Button>
            <Button type="submit" disabled={employee === null} loading={delegate.isPending}>
              {t('tasks:delegate.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
