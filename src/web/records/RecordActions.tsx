import { ActionIcon, Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { IconDots, IconShare, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { RecordCan } from '../../shared/access/rights.ts';
import type { ObjectMeta } from '../../shared/metadata/types.ts';
import type { GrammaticalGender } from '../../shared/text/gender.ts';
import { ApiError, api } from '../app/api-client.ts';
import { ShareDialog } from '../modules/access/index.ts';
import { useErrorMessage } from '../ui/error-message.ts';
import { notify } from '../ui/notify.ts';
import { showUndoNotice } from './undo-notice.tsx';

/** Restores a record from the trash; shared by the undo notice and the trash list. */
export async function restoreRecord(object: string, id: number): Promise<void> {
  await api.post(`/api/records/${encodeURIComponent(object)}/${id}/restore`);
}

/**
 * The record page's "⋯" menu. Deleting moves the record to the trash (a soft delete), so the
 * notice offers Undo instead of a second "are you sure". Only what the reader may do is offered
 * (`can`, from the record's `_can`: sharing and deleting); with nothing to offer there is no menu.
 */
export function RecordActions(props: {
  meta: ObjectMeta;
  id: number;
  version: number;
  title: string;
  can: RecordCan;
  /** The i18next context of sentences naming the record (Polish gender: `recordContext`). */
  context?: GrammaticalGender;
}) {
  const { meta, id, version, title, can, context } = props;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [confirming, setConfirming] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [busy, setBusy] = useState(false);

  async function moveToTrash() {
    setBusy(true);
    try {
      // With the version on screen: a record someone changed meanwhile is not deleted unseen.
      await api.delete(`/api/records/${encodeURIComponent(meta.key)}/${id}`, { query: { version } });
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: ['records', meta.key] });
      showUndo();
      await navigate(`/records/${meta.key}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setConfirming(false);
        notify(t('records:actions.changedMeanwhile'), 'yellow');
        void queryClient.invalidateQueries({ queryKey: ['records', meta.key] });
      } else notify(errorMessage(error), 'red');
    } finally {
      setBusy(false);
    }
  }

  function showUndo() {
    showUndoNotice({
      message: t('records:actions.deleted'),
      undo: async () => {
        await restoreRecord(meta.key, id);
      },
      onUndone: () => {
        void queryClient.invalidateQueries({ queryKey: ['records', meta.key] });
        void navigate(`/records/${meta.key}/${id}`);
      },
      errorMessage,
    });
  }

  if (!can.delete && !can.share) return null;

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="default" size="lg" aria-label={t('records:actions.menu')}>
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {can.share && (
            <Menu.Item leftSection={<IconShare size={14} aria-hidden />} onClick={() => setSharing(true)}>
              {t('access:share.action')}
            </Menu.Item>
          )}
          {can.share && can.delete && <Menu.Divider />}
          {can.delete && (
            <Menu.Item
              color="red"
              leftSection={<IconTrash size={14} aria-hidden />}
              onClick={() => setConfirming(true)}
            >
              {t('records:actions.delete')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('records:actions.confirmTitle')}
        closeButtonProps={{ 'aria-label': t('common:close') }}
      >
        <Stack gap="md">
          <Text>{t('records:actions.confirmText', { title, context })}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('records:actions.cancel')}
            </Button>
            <Button color="red" loading={busy} onClick={() => void moveToTrash()}>
              {t('records:actions.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {sharing && <ShareDialog object={meta.key} id={id} title={title} onClose={() => setSharing(false)} />}
    </>
  );
}
