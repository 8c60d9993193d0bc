import { Alert, Button, Group, List, Progress, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkRun } from '../../shared/records/bulk-runs.ts';
import { ApiError, api } from '../app/api-client.ts';
import { useErrorMessage } from '../ui/error-message.ts';
import { useFormatters } from '../ui/format.ts';

/** How often a running bulk action is asked how far it got. */
const POLL_MS = 700;

function finished(run: BulkRun): boolean {
  return run.status === 'done' || run.status === 'failed' || run.status === 'cancelled';
}

/**
 * A bulk action running in the background: a progress bar while it runs, then its report —
 * how many records changed and, for each batch refused, which records and why. The work goes
 * on if the dialog is closed; `onFinished` runs once when it ends.
 */
export function BulkRunProgress({
  started,
  onFinished,
}: {
  started: BulkRun;
  onFinished: (run: BulkRun) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [stopping, setStopping] = useState(false);
  const [stopError, setStopError] = useState<string | null>(null);
  async function stop() {
    setStopping(true);
    setStopError(null);
    try {
      const stopped = await api.post<BulkRun>(`/api/bulk-runs/${started.id}/cancel`);
      queryClient.setQueryData(['bulk-runs', started.id], stopped);
    } catch (failure) {
      // It may have ended meanwhile (409): the next poll shows how.
      setStopError(errorMessage(failure));
    } finally {
      setStopping(false);
    }
  }
  const { data } = useQuery({
    queryKey: ['bulk-runs', started.id],
    queryFn: ({ signal }) => api.get<BulkRun>(`/api/bulk-runs/${started.id}`, { signal }),
    initialData: started,
    refetchInterval: (query) => (query.state.data && finished(query.state.data) ? false : POLL_MS),
  });
  const run = data ?? started;
  const ended = finished(run);
  // Told once, when it ends (the run object changes on every poll).
  const report = useRef(onFinished);
  report.current = onFinished;
  const reported = useRef(false);
  useEffect(() => {
    if (!ended || reported.current) return;
    reported.current = true;
    report.current(run);
  }, [ended, run]);

  const total = Math.max(run.total, run.processed);
  const counts = {
    processed: format.number(run.processed),
    total: `${run.totalExact ? '' : '≈ '}${format.number(total)}`,
    updated: format.number(run.updated),
    failed: format.number(run.failed),
  };
  return (
    <Stack gap="sm">
      {!ended && (
        <Stack gap={4} role="status">
          <Text>
            {run.status === 'queued' ? t('records:bulk.run.queued') : t('records:bulk.run.running', counts)}
          </Text>
          <Progress
            value={total === 0 ? 0 : (run.processed / total) * 100}
            animated
            striped
            size="lg"
            aria-label={t('records:bulk.run.progressLabel')}
          />
          <Text size="sm" c="dimmed">
            {t('records:bulk.run.closeHint')}
          </Text>
          {stopError && (
            <Text size="sm" c="red">
              {stopError}
            </Text>
          )}
          <Group justify="flex-start">
            <Button variant="default" size="xs" loading={stopping} onClick={() => void stop()}>
              {t('records:bulk.run.stop')}
            </Button>
          </Group>
        </Stack>
      )}
      {ended && (
        <Alert
          color={run.status === 'failed' || run.failed > 0 ? 'red' : 'blue'}
          role={run.status === 'failed' || run.failed > 0 ? 'alert' : 'status'}
          title={
            run.status === 'failed'
              ? t('records:bulk.run.stopped')
              : run.status === 'cancelled'
                ? t('records:bulk.run.cancelled', counts)
                : t('records:bulk.run.finished', counts)
          }
        >
          <Stack gap={4}>
            {run.status === 'failed' && <Text size="sm">{t('records:bulk.run.partly', counts)}</Text>}
            {/* The server's own words: a right taken away, a database gone on every attempt. */}
            {run.error && <Text size="sm">{run.error}</Text>}
            {run.failures.length > 0 && (
              <>
                <Text size="sm">{t('records:bulk.run.refused', counts)}</Text>
                <List size="sm">
                  {run.failures.map((failure) => (
                    <List.Item key={failure.fromId}>
                      {t('records:bulk.run.batch', {
                        from: failure.fromId,
                        to: failure.toId,
                        formatted: format.number(failure.count),
                        reason: errorMessage(
                          new ApiError(failure.status, failure.code, failure.message, undefined),
                        ),
                      })}
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
