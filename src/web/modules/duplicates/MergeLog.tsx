import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MergeLogEntry } from '../../../shared/duplicates/types.ts';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import { useRecordTitles } from '../../records/titles.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useFormatters, useLocale } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { undoMerge, useMergeLog, useRefreshAfterMerge } from './api.ts';
import { undoErrorMessage } from './undo-notice.tsx';

/** Recent merges of the object, newest first, each with Undo until it is undone. */
export function MergeLog({ meta, canMerge }: { meta: ObjectMeta; canMerge: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  const errorMessage = useErrorMessage();
  const refresh = useRefreshAfterMerge();
  const log = useMergeLog(meta.key, locale);
  const [busy, setBusy] = useState<number | null>(null);
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  const users = useRecordTitles(
    'user_account',
    entries.map((entry) => entry.mergedBy).filter((id): id is number => id !== null),
    locale,
  );
  if (log.isPending) return <PageLoader />;
  if (log.isError) return <ErrorState error={log.error} onRetry={() => void log.refetch()} />;
  if (entries.length === 0) return <Text c="dimmed">{t('duplicates:log.empty')}</Text>;

  async function undo(entry: MergeLogEntry) {
    setBusy(entry.id);
    try {
      await undoMerge(entry.id);
      notify(t('duplicates:merge.undone'));
      refresh(meta.key);
    } catch (error) {
      notify(undoErrorMessage(error, errorMessage), 'red');
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <Table striped aria-label={t('duplicates:log.label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('duplicates:log.when')}</Table.Th>
            <Table.Th>{t('duplicates:log.kept')}</Table.Th>
            <Table.Th>{t('duplicates:log.merged')}</Table.Th>
            <Table.Th>{t('duplicates:log.who')}</Table.Th>
            <Table.Th>{t('duplicates:log.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>
                <time dateTime={entry.mergedAt}>{format.dateTime(entry.mergedAt)}</time>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/records/${meta.key}/${entry.keptId}`}>
                  {entry.keptTitle ?? `#${entry.keptId}`}
                </Anchor>
              </Table.Td>
              <Table.Td>{entry.mergedTitle ?? `#${entry.mergedId}`}</Table.Td>
              <Table.Td>
                {entry.mergedBy === null
                  ? t('duplicates:log.system')
                  : (users.get(entry.mergedBy) ?? `#${entry.mergedBy}`)}
              </Table.Td>
              <Table.Td>
                {entry.undoneAt ? (
                  <Text size="sm" c="dimmed">
                    {t('duplicates:log.undoneAt', { when: format.dateTime(entry.undoneAt) })}
                  </Text>
                ) : (
                  canMerge && (
                    <Button
                      size="compact-sm"
                      variant="light"
                      loading={busy === entry.id}
                      onClick={() => void undo(entry)}
                      aria-label={t('duplicates:log.undoOf', {
                        title: entry.mergedTitle ?? `#${entry.mergedId}`,
                      })}
                    >
                      {t('duplicates:merge.undo')}
                    </Button>
                  )
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {log.hasNextPage && (
        <Group mt="sm">
          <Button variant="default" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {t('duplicates:list.more')}
          </Button>
        </Group>
      )}
    </>
  );
}
