import { Anchor, Group, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../ui/format.ts';
import type { TimelineItem } from './api.ts';
import { entryIcon } from './icons.tsx';

/** One entry: its icon, what it is (linked to its record), a line about it, who and when. */
export function TimelineEntry({ item, typeLabel }: { item: TimelineItem; typeLabel: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const Icon = entryIcon(item);
  const label = item.kind?.title ?? typeLabel;
  return (
    <Timeline.Item
      role="listitem"
      bullet={<Icon size={14} aria-hidden />}
      title={
        <Group gap={6} wrap="wrap">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {label}
          </Text>
          <Anchor component={Link} to={`/records/${item.object}/${item.recordId}`} size="sm" fw={600}>
            {item.title || t('timeline:untitled')}
          </Anchor>
        </Group>
      }
    >
      {item.summary && (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {item.summary}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        <time dateTime={item.at}>{format.dateTime(item.at)}</time>
        {item.actor ? ` · ${item.actor.name}` : ''}
      </Text>
    </Timeline.Item>
  );
}
