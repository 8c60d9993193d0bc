import { Group, Stack, Text, Timeline } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ObjectMeta } from '../../shared/metadata/types.ts';
import type { HistoryEntry } from '../app/api-types.ts';
import { fieldOf, pickLabel } from '../modules/metadata/index.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { useFormatters, useLocale } from '../ui/format.ts';
import { PageLoader } from '../ui/PageLoader.tsx';
import { useHistory } from './queries.ts';
import { useRecordTitles } from './titles.ts';
import { ValueText } from './ValueText.tsx';

interface Change {
  key: string;
  action: HistoryEntry['action'];
  changedAt: string;
  changedBy: number | null;
  entries: HistoryEntry[];
}

/** One save changes several fields at once: show them together, newest first. */
function groupChanges(entries: HistoryEntry[]): Change[] {
  const groups: Change[] = [];
  for (const entry of entries) {
    const last = groups.at(-1);
    if (
      last &&
      last.changedAt === entry.changedAt &&
      last.changedBy === entry.changedBy &&
      last.action === entry.action
    ) {
      last.entries.push(entry);
    } else {
      groups.push({
        key: String(entry.id),
        action: entry.action,
        changedAt: entry.changedAt,
        changedBy: entry.changedBy,
        entries: [entry],
      });
    }
  }
  return groups;
}

export function HistoryList({ meta, id }: { meta: ObjectMeta; id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  const history = useHistory(meta.key, id);
  const items = history.data?.items ?? [];
  const users = useRecordTitles(
    'user_account',
    items.map((entry) => entry.changedBy).filter((user): user is number => user !== null),
    locale,
  );
  if (history.isPending) return <PageLoader />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (items.length === 0) return <Text c="dimmed">{t('records:history.empty')}</Text>;

  return (
    <Timeline bulletSize={14} lineWidth={2} aria-label={t('records:history.label')}>
      {groupChanges(items).map((change) => (
        <Timeline.Item
          key={change.key}
          title={t(`records:history.action.${change.action}`, {
            user:
              change.changedBy === null
                ? t('records:history.system')
                : (users.get(change.changedBy) ?? `#${change.changedBy}`),
          })}
        >
          <Text size="xs" c="dimmed">
            <time dateTime={change.changedAt}>{format.dateTime(change.changedAt)}</time>
          </Text>
          <Stack gap={4} mt={4}>
            {change.entries
              .filter((entry) => entry.field !== null)
              .map((entry) => {
                const field = fieldOf(meta, entry.field ?? '');
                return (
                  <Group key={entry.id} gap={6} wrap="wrap" fz="sm">
                    <Text span fw={500} size="sm">
                      {field ? pickLabel(field.labels, locale) : entry.field}:
                    </Text>
                    <ValueText field={field} value={entry.oldValue} />
                    <IconArrowRight size={14} aria-label={t('records:history.to')} role="img" />
                    <ValueText field={field} value={entry.newValue} />
                  </Group>
                );
              })}
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
