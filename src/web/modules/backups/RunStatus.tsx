import { Alert, Progress, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters, useLocale } from '../../ui/format.ts';
import type { BackupRun } from './api.ts';

/** One run: its progress bar while it is queued or running, then how it ended. */
export function RunStatus({ run }: { run: BackupRun }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  if (run.status === 'queued' || run.status === 'running') {
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
      run.progress,
    );
    return (
      <Stack gap={4} role="status">
        <Text>
          {run.status === 'queued' ? t('backups:run.queued') : t('backups:run.running', { percent })}
        </Text>
        <Progress
          value={run.status === 'queued' ? 0 : run.progress * 100}
          animated
          striped
          size="lg"
          aria-label={t('backups:run.progressLabel')}
        />
      </Stack>
    );
  }
  if (run.status === 'done')
    return (
      // Blue, as the app's other status alerts: green text on pale green is below 4.5:1 contrast.
      <Alert
        color="blue"
        icon={<IconCircleCheck aria-hidden />}
        role="status"
        title={t('backups:run.done', { name: run.fileName ?? '' })}
      >
        {run.finishedAt ? format.dateTime(run.finishedAt) : null}
      </Alert>
    );
  return (
    <Alert color="red" role="alert" title={t('backups:run.failed')}>
      <Stack gap={4}>
        {run.finishedAt && <Text size="sm">{format.dateTime(run.finishedAt)}</Text>}
        {/* The server's own words (a full disk, a missing pg_dump): what an administrator acts on. */}
        <Text size="sm">{run.error ?? t('backups:run.interrupted')}</Text>
      </Stack>
    </Alert>
  );
}
