import { Anchor, Badge, Button, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { IconArrowMerge } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateGroup } from '../../../shared/duplicates/types.ts';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import { ValueText } from '../../records/ValueText.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useLocale } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { fieldOf } from '../metadata/index.ts';
import { useDuplicateGroups } from './api.ts';
import { MergeDialog } from './MergeDialog.tsx';
import { reasonText, scoreLevel } from './reasons.ts';

/**
 * The likely duplicates of an object, strongest reason first. Each group is one set of records
 * with every reason they share (a badge each: "Same NIP: 123-456-32-18", "Same name in the same
 * city"), then its records; every record after the first has "Merge…", which proposes keeping
 * the first (the dialog can swap them). A page that found nothing yet but has more to look
 * through asks for it at once.
 */
export function DuplicateGroups({ meta, canMerge }: { meta: ObjectMeta; canMerge: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const groups = useDuplicateGroups(meta.key, locale);
  const [merging, setMerging] = useState<{ keepId: number; mergeId: number } | null>(null);
  const items = groups.data?.pages.flatMap((page) => page.items) ?? [];
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = groups;
  const lastPageEmpty = groups.data?.pages.at(-1)?.items.length === 0;

  useEffect(() => {
    // The server returns an empty page with a cursor when a large table needs more looking through.
    if (lastPageEmpty && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [lastPageEmpty, hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (groups.isPending) return <PageLoader />;
  if (groups.isError) return <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />;

  return (
    <Stack gap="md">
      {items.length === 0 && !hasNextPage && <Text c="dimmed">{t('duplicates:list.none')}</Text>}
      {items.map((group) => (
        <GroupCard
          key={`${group.code}-${group.field}-${group.records.map((r) => r.id).join('-')}`}
          meta={meta}
          group={group}
          canMerge={canMerge}
          onMerge={(keepId, mergeId) => setMerging({ keepId, mergeId })}
        />
      ))}
      {hasNextPage && (
        <Group>
          {isFetchingNextPage ? (
            <Group gap="xs">
              <Loader size="sm" aria-hidden />
              <Text size="sm">{t('duplicates:list.looking')}</Text>
            </Group>
          ) : (
            <Button variant="default" onClick={() => void fetchNextPage()}>
              {t('duplicates:list.more')}
            </Button>
          )}
        </Group>
      )}
      {merging && (
        <MergeDialog
          meta={meta}
          keepId={merging.keepId}
          mergeId={merging.mergeId}
          onClose={() => setMerging(null)}
        />
      )}
    </Stack>
  );
}

function GroupCard(props: {
  meta: ObjectMeta;
  group: DuplicateGroup;
  canMerge: boolean;
  onMerge: (keepId: number, mergeId: number) => void;
}) {
  const { meta, group } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const level = scoreLevel(group.score);
  const reasons = group.reasons.map((reason) => ({ reason, text: reasonText(t, meta, reason, locale) }));
  const [first] = group.records;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="section"
      aria-label={reasons.map(({ text }) => text).join(', ')}
    >
      <Group gap="xs" mb="xs">
        <Badge color={level.color} variant="light" c="var(--mantine-color-text)">
          {t(`duplicates:score.${level.key}`)}
        </Badge>
        {reasons.map(({ reason, text }) => (
          <Badge
            key={`${reason.code}-${reason.field}`}
            variant="outline"
            color="gray"
            tt="none"
            c="var(--mantine-color-text)"
            maw="100%"
          >
            {text}
            {reason.value !== undefined && (
              <>
                {': '}
                {/* Formatted by its field's type: a NIP as 123-456-32-18, a phone in national form. */}
                <ValueText field={fieldOf(meta, reason.field)} value={reason.value} />
              </>
            )}
          </Badge>
        ))}
      </Group>
      <Table>
        <Table.Tbody>
          {group.records.map((record, index) => (
            <Table.Tr key={record.id}>
              <Table.Td>
                <Anchor component={Link} to={`/records/${meta.key}/${record.id}`}>
                  {record.title || `#${record.id}`}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">
                {index > 0 && first && props.canMerge && (
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<IconArrowMerge size={14} aria-hidden />}
                    onClick={() => props.onMerge(first.id, record.id)}
                    aria-label={t('duplicates:list.mergeInto', {
                      merge: record.title || `#${record.id}`,
                      keep: first.title || `#${first.id}`,
                    })}
                  >
                    {t('duplicates:list.merge')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
