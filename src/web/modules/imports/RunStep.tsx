import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconDownload, IconFileImport } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useLocale } from '../../ui/format.ts';
import { importsApi, useImportStatus } from './api.ts';
import { Counts } from './Counts.tsx';

/** Step 4: the run's progress, then its summary: the error report to download, and Undo. */
export function RunStep({ importId, onAnother }: { importId: number; onAnother: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const status = useImportStatus(importId);
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const data = status.data;
  if (!data) return null;
  const undoing = data.status === 'undoing';
  const finished = ['done', 'failed', 'undone'].includes(data.status);
  const value = undoing
    ? (100 * data.undoProcessed) / Math.max(1, data.undoTotal)
    : (100 * data.processed) / Math.max(1, data.total);

  async function undo() {
    setConfirming(false);
    setError(null);
    try {
      queryClient.setQueryData(['imports', importId], await importsApi.undo(importId));
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <Stack gap="md">
      {!finished && (
        <Stack gap={4}>
          <Text>
            {undoing
              ? t('imports:run.undoing', { done: data.undoProcessed, total: data.undoTotal })
              : t('imports:run.progress', { done: data.processed, total: data.total })}
          </Text>
          <Progress value={value} animated aria-label={t('imports:run.progressLabel')} />
        </Stack>
      )}
      {data.status === 'done' && (
        <Alert color={data.failed > 0 ? 'yellow' : 'green'} title={t('imports:run.done')} />
      )}
      {data.status === 'failed' && (
        <Alert color="red" title={t('imports:run.failed')} role="alert">
          {data.error}
        </Alert>
      )}
      {data.status === 'undone' && (
        <Alert color="gray" title={t('imports:run.undone')}>
          {data.undoConflicts > 0 ? t('imports:run.conflicts', { count: data.undoConflicts }) : null}
        </Alert>
      )}
      <Counts status={data} />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {finished && (
        <Group>
          {data.failed > 0 && (
            <Button
              component="a"
              href={`/api/imports/${importId}/errors.xlsx?locale=${locale}`}
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t('imports:run.errorReport')}
            </Button>
          )}
          {(data.status === 'done' || data.status === 'failed') && data.undoTotal > 0 && !confirming && (
            <Button
              color="red"
              variant="light"
              leftSection={<IconArrowBackUp size={16} aria-hidden />}
              onClick={() => setConfirming(true)}
            >
              {t('imports:run.undo')}
            </Button>
          )}
          {confirming && (
            <Group gap="xs">
              <Text>{t('imports:run.undoConfirm', { count: data.undoTotal })}</Text>
              <Button color="red" onClick={() => void undo()}>
                {t('imports:run.undoYes')}
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('imports:run.undoNo')}
              </Button>
            </Group>
          )}
          <Button variant="subtle" leftSection={<IconFileImport size={16} aria-hidden />} onClick={onAnother}>
            {t('imports:run.another')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
