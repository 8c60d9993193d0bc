import { Button, Stack, Text, Timeline } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/metadata/types.ts';
import { type TimelineFilters, useTimeline } from './api.ts';
import { TimelineEntry } from './TimelineEntry.tsx';

interface Props {
  object: string;
  id: number;
  filters: TimelineFilters;
  locale: Locale;
  labelOf: (type: string) => string;
}

/**
 * What is planned with the client, soonest first, above what happened: a meeting next week is
 * not the newest entry of the file but the next thing to prepare for. Absent when nothing is
 * coming (or it cannot be read: the timeline below says what went wrong).
 */
export function UpcomingEntries({ object, id, filters, locale, labelOf }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const upcoming = useTimeline(object, id, filters, locale, 'upcoming');
  const items = upcoming.data?.pages.flatMap((page) => page.items) ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap={6} component="section" aria-labelledby={headingId}>
      <Text size="sm" fw={600} c="dimmed" id={headingId}>
        {t('timeline:upcoming.title')}
      </Text>
      <Timeline bulletSize={24} lineWidth={2} role="list" aria-labelledby={headingId}>
        {items.map((item) => (
          <TimelineEntry key={item.id} item={item} typeLabel={labelOf(item.type)} />
        ))}
      </Timeline>
      {upcoming.hasNextPage && (
        <Button
          variant="subtle"
          size="xs"
          onClick={() => void upcoming.fetchNextPage()}
          loading={upcoming.isFetchingNextPage}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('timeline:upcoming.later')}
        </Button>
      )}
    </Stack>
  );
}
