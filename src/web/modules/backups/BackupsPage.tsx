import { Alert, Button, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconDatabaseExport } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client.ts';
import { intlLocale } from '../../app/locale.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useLocale } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { BACKUPS_KEY, type BackupSchedule, backupsApi, isActive, useBackupRun, useBackups } from './api.ts';
import { BackupFiles } from './BackupFiles.tsx';
import { clockTime, dailyTime } from './describe.ts';
import { RunStatus } from './RunStatus.tsx';

/** "Every day at 02:00 (Europe/Warsaw). The newest 14 backups are kept." */
function ScheduleText({ schedule }: { schedule: BackupSchedule }) {
  const { t } = useTranslation();
  const locale = intlLocale(useLocale());
  const daily = schedule.cron ? dailyTime(schedule.cron) : null;
  const when = !schedule.cron
    ? t('backups:schedule.off')
    : daily
      ? t('backups:schedule.daily', { time: clockTime(daily, locale), timeZone: schedule.timeZone })
      : t('backups:schedule.cron', { cron: schedule.cron, timeZone: schedule.timeZone });
  return (
    <Stack gap={4}>
      <Text>
        {when} {t('backups:schedule.keep', { count: schedule.keep })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('backups:schedule.folder')} <Code>{schedule.dir}</Code>
      </Text>
    </Stack>
  );
}

/**
 * `/admin/backups`: the backup files to download, "Back up now" with its progress, and the
 * schedule. A run started elsewhere (another administrator, the schedule) is followed too.
 */
export function BackupsPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('backups:title')} · ${t('common:appName')}`);
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const overview = useBackups();
  const latest = overview.data?.runs[0];
  const [followId, setFollowId] = useState<number | null>(null);
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // A run already under way when the page opens (or another administrator's) is followed as well.
  useEffect(() => {
    if (latest && isActive(latest) && latest.id !== followId) setFollowId(latest.id);
  }, [latest, followId]);
  const followed = useBackupRun(followId);
  const status = followed.data?.status;
  // The run's end changes the files: a new one, and older ones pruned.
  useEffect(() => {
    if (status === 'done' || status === 'failed')
      void queryClient.invalidateQueries({ queryKey: BACKUPS_KEY, exact: true });
  }, [status, queryClient]);

  if (overview.isPending) return <PageLoader />;
  if (overview.isError) return <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />;
  const { items, schedule } = overview.data;
  // The run followed; else the last one, when it failed (a night's backup an administrator must see).
  const shown = followed.data ?? (latest?.status === 'failed' ? latest : undefined);

  async function start() {
    setStarting(true);
    setProblem(null);
    try {
      const { run } = await backupsApi.start();
      queryClient.setQueryData([...BACKUPS_KEY, 'runs', run.id], run);
      setFollowId(run.id);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409) {
        setProblem(t('backups:alreadyRunning'));
        void overview.refetch();
      } else setProblem(errorMessage(caught));
    } finally {
      setStarting(false);
    }
  }

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('backups:title')}
      </Title>
      <ScheduleText schedule={schedule} />
      <Group>
        <Button
          leftSection={<IconDatabaseExport size={16} aria-hidden />}
          loading={starting}
          disabled={isActive(shown)}
          onClick={() => void start()}
        >
          {t('backups:backUpNow')}
        </Button>
      </Group>
      {problem && (
        <Alert color="yellow" role="alert">
          {problem}
        </Alert>
      )}
      {shown && <RunStatus run={shown} />}
      <Title order={2} size="h4">
        {t('backups:files.title')}
      </Title>
      <BackupFiles files={items} />
      <Text size="sm" c="dimmed">
        {t('backups:restoreHint')}
      </Text>
    </Stack>
  );
}
