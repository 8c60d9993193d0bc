import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client.ts';
import { useErrorMessage } from '../../ui/error-message.ts';
import { notify } from '../../ui/notify.ts';
import { anonymise } from './api.ts';

/** As the server takes it (modules/personal-data/anonymise.ts). */
const MAX_REASON_LENGTH = 1000;

/**
 * Confirms an anonymisation. It cannot be undone, so the dialog says what goes and what stays,
 * and asks why: the reason is required and is kept in the history and the security log.
 */
export function AnonymiseDialog(props: { object: string; id: number; title: string; onClose: () => void }) {
  const { object, id, title, onClose } = props;
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);

  async function confirm() {
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    setBusy(true);
    try {
      await anonymise(object, id, reason.trim());
      notify(t('personal-data:anonymise.done'));
      void queryClient.invalidateQueries({ queryKey: ['records'] });
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        notify(t('personal-data:anonymise.already'), 'yellow');
        void queryClient.invalidateQueries({ queryKey: ['records', object] });
        onClose();
      } else notify(errorMessage(error), 'red');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('personal-data:anonymise.title', { name: title })}
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <Stack gap="md">
        <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />}>
          <Text size="sm">{t('personal-data:anonymise.warning')}</Text>
        </Alert>
        <Textarea
          label={t('personal-data:anonymise.reason')}
          description={t('personal-data:anonymise.reasonHint')}
          required
          autosize
          minRows={2}
          maxLength={MAX_REASON_LENGTH}
          value={reason}
          error={missing && reason.trim() === '' ? t('personal-data:anonymise.reasonMissing') : undefined}
          onChange={(event) => setReason(event.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('personal-data:anonymise.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void confirm()}>
            {t('personal-data:anonymise.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
