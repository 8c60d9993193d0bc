import { Alert, Button, Group, Loader, Radio, Stack, Text, Title } from '@mantine/core';
import { IconPlayerPlay, IconTestPipe } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../ui/error-message.ts';
import {
  type DuplicateRule,
  type ImportStatus,
  importsApi,
  type RunSettings,
  useImportStatus,
} from './api.ts';
import { Counts } from './Counts.tsx';
import { RowTable } from './RowIssues.tsx';

const RULES: DuplicateRule[] = ['update', 'skip', 'create'];

/** Step 3: the duplicate rule, the first rows as they would go, a dry run, then the real run. */
export function CheckStep({
  importId,
  settings,
  onChange,
  onStarted,
}: {
  importId: number;
  settings: RunSettings;
  onChange: (settings: RunSettings) => void;
  onStarted: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [dryRunStarted, setDryRunStarted] = useState(false);
  const [busy, setBusy] = useState(false);
  const preview = useQuery({
    queryKey: ['imports', importId, 'preview', settings],
    queryFn: () => importsApi.preview(importId, settings),
    retry: false,
  });
  const status = useImportStatus(dryRunStarted ? importId : null);
  const checked = status.data?.status === 'checked' ? status.data : null;
  const failedRows = useQuery({
    queryKey: ['imports', importId, 'failed', checked?.processed],
    queryFn: () => importsApi.rows(importId, 'failed'),
    enabled: checked !== null && checked.failed > 0,
  });

  async function start(dryRun: boolean) {
    setBusy(true);
    setError(null);
    try {
      // The answer (queued) goes into the cache, so whoever shows the status polls from the start.
      queryClient.setQueryData(['imports', importId], await importsApi.run(importId, settings, dryRun));
      if (dryRun) setDryRunStarted(true);
      else onStarted();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  const running = dryRunStarted && status.data && ['queued', 'running'].includes(status.data.status);
  return (
    <Stack gap="md">
      <Radio.Group
        label={t('imports:check.duplicates')}
        description={t('imports:check.duplicatesHint')}
        value={settings.duplicates}
        onChange={(value) => {
          onChange({ ...settings, duplicates: value as DuplicateRule });
          setDryRunStarted(false);
        }}
      >
        <Stack gap="xs" mt="xs">
          {RULES.map((rule) => (
            <Radio key={rule} value={rule} label={t(`imports:check.rule.${rule}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <Title order={2} size="h4">
        {t('imports:check.preview')}
      </Title>
      {preview.isPending && <Loader size="sm" aria-label={t('imports:check.loading')} />}
      {preview.isError && (
        <Alert color="red" role="alert">
          {errorMessage(preview.error)}
        </Alert>
      )}
      {preview.data && <RowTable rows={preview.data.rows} caption={t('imports:check.previewCaption')} />}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {running && (
        <Group>
          <Loader size="sm" />
          <Text>{t('imports:check.dryRunning')}</Text>
        </Group>
      )}
      {checked && <DryRunResult status={checked} />}
      {failedRows.data && failedRows.data.items.length > 0 && (
        <RowTable rows={failedRows.data.items} caption={t('imports:check.failedCaption')} />
      )}
      <Group>
        <Button
          variant="default"
          leftSection={<IconTestPipe size={16} aria-hidden />}
          loading={busy || !!running}
          disabled={preview.isError}
          onClick={() => void start(true)}
        >
          {t('imports:check.dryRun')}
        </Button>
        <Button
          leftSection={<IconPlayerPlay size={16} aria-hidden />}
          loading={busy}
          disabled={preview.isError || !!running}
          onClick={() => void start(false)}
        >
          {t('imports:check.run')}
        </Button>
      </Group>
    </Stack>
  );
}

function DryRunResult({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  return (
    <Alert color={status.failed > 0 ? 'yellow' : 'green'} title={t('imports:check.dryRunDone')}>
      <Counts status={status} />
    </Alert>
  );
}
