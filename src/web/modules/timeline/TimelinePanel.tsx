import {
  Button,
  Chip,
  Collapse,
  Group,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconNote, IconPhone, IconSearch, IconUsers } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import type { RecordData } from '../../app/api-types.ts';
import { useRecordTitles } from '../../records/titles.ts';
import { instantFromPickerValue, pickerValueFromInstant } from '../../ui/datetime-input.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useFormatters, useLocale } from '../../ui/format.ts';
import { LocalDateInput } from '../../ui/LocalDateInput.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { useObjectAbilities } from '../access/index.ts';
import { pickLabel, recordTitle } from '../metadata/index.ts';
import { NO_FILTERS, type TimelineFilters, type TimelineItem, useTimeline } from './api.ts';
import { LogActivityDialog, type LogKind } from './LogActivityDialog.tsx';
import { TimelineEntry } from './TimelineEntry.tsx';
import { UpcomingEntries } from './UpcomingEntries.tsx';

const CHANGE = 'change';

interface Props {
  meta: ObjectMeta;
  record: RecordData;
  objects: ObjectMeta[];
}

/** Local midnight of a picked day as an instant; `end`: of the day after (the range includes the day). */
function dayStart(day: string | null, end: boolean): string | null {
  if (!day) return null;
  const start = instantFromPickerValue(`${day.slice(0, 10)} 00:00:00`);
  if (!start || !end) return start;
  const next = new Date(start);
  next.setDate(next.getDate() + 1);
  return next.toISOString();
}

interface Section {
  key: string;
  heading: string;
  items: TimelineItem[];
}

/**
 * A client's (or person's) file: what is planned with them (soonest first), then everything
 * that happened, newest first, from the timeline API; filters by type, words and dates; grouped by day or by case; "Log a call /
 * meeting / note" at the top, so recording what happened takes one click and a sentence.
 */
export function TimelinePanel({ meta, record, objects }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  const [types, setTypes] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, 300);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [byCase, setByCase] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [logging, setLogging] = useState<LogKind | null>(null);
  const filters: TimelineFilters = {
    ...NO_FILTERS,
    types,
    q,
    from: dayStart(from, false),
    to: dayStart(to, true),
  };
  const timeline = useTimeline(meta.key, record.id, filters, locale);
  const entryObjects = objects.filter((object) => object.timelineEntry);
  const labelOf = (type: string) => {
    const object = objects.find((candidate) => candidate.key === type);
    return object ? pickLabel(object.labels.one, locale) : t('timeline:type.change');
  };
  const canActivity = useObjectAbilities('activity').create;
  const canNote = useObjectAbilities('note').create;
  const items = useMemo(() => timeline.data?.pages.flatMap((page) => page.items) ?? [], [timeline.data]);
  const caseTitles = useRecordTitles(
    'case',
    byCase ? [...new Set(items.map((item) => item.caseId).filter((id): id is number => id !== null))] : [],
    locale,
  );
  const subject = {
    object: meta.key as 'company' | 'person',
    id: record.id,
    title: recordTitle(meta, record, locale) || `#${record.id}`,
    company: meta.key === 'company' ? record.id : typeof record.company === 'number' ? record.company : null,
  };

  const sections: Section[] = [];
  for (const item of items) {
    // Days as the reader's clock has them, not UTC's.
    const day = pickerValueFromInstant(item.at)?.slice(0, 10) ?? item.at.slice(0, 10);
    const key = byCase ? String(item.caseId ?? 'none') : day;
    const last = byCase ? sections.find((section) => section.key === key) : sections.at(-1);
    if (last && last.key === key) last.items.push(item);
    else
      sections.push({
        key,
        heading: byCase
          ? item.caseId === null
            ? t('timeline:noCase')
            : (caseTitles.get(item.caseId) ?? `#${item.caseId}`)
          : format.date(day),
        items: [item],
      });
  }

  return (
    <Stack gap="md" aria-label={t('timeline:label')} component="section">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2} size="h4">
          {t('timeline:title')}
        </Title>
        {(meta.key === 'company' || meta.key === 'person') && (
          <Group gap="xs" wrap="wrap">
            {canActivity && (
              <>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPhone size={14} aria-hidden />}
                  onClick={() => setLogging('call')}
                >
                  {t('timeline:log.button.call')}
                </Button>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconUsers size={14} aria-hidden />}
                  onClick={() => setLogging('meeting')}
                >
                  {t('timeline:log.button.meeting')}
                </Button>
              </>
            )}
            {canNote && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconNote size={14} aria-hidden />}
                onClick={() => setLogging('note')}
              >
                {t('timeline:log.button.note')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      <Chip.Group multiple value={types} onChange={setTypes}>
        <Group gap={6} wrap="wrap" role="group" aria-label={t('timeline:filter.types')}>
          {[...entryObjects.map((object) => object.key), CHANGE].map((type) => (
            <Chip key={type} value={type} size="xs">
              {type === CHANGE ? t('timeline:type.change') : labelOf(type)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Button
        variant="subtle"
        size="xs"
        leftSection={<IconAdjustmentsHorizontal size={14} aria-hidden />}
        onClick={() => setFiltersOpen((open) => !open)}
        aria-expanded={filtersOpen}
        style={{ alignSelf: 'flex-start' }}
      >
        {t(filtersOpen ? 'timeline:filter.hide' : 'timeline:filter.show')}
      </Button>
      {/* Searching and dates are there when wanted; the entries come first. */}
      <Collapse expanded={filtersOpen}>
        <Stack gap="xs">
          <TextInput
            label={t('timeline:filter.search')}
            leftSection={<IconSearch size={14} aria-hidden />}
            placeholder={t('timeline:filter.searchPlaceholder')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
          />
          <SimpleGrid cols={2} spacing="xs">
            <LocalDateInput label={t('timeline:filter.from')} value={from} onChange={setFrom} />
            <LocalDateInput label={t('timeline:filter.to')} value={to} onChange={setTo} />
          </SimpleGrid>
          <Switch
            label={t('timeline:filter.byCase')}
            checked={byCase}
            onChange={(event) => setByCase(event.currentTarget.checked)}
          />
        </Stack>
      </Collapse>
      {/* A chosen date range shows just that range; otherwise what is coming comes first. */}
      {from === null && to === null && (
        <UpcomingEntries
          object={meta.key}
          id={record.id}
          filters={filters}
          locale={locale}
          labelOf={labelOf}
        />
      )}
      {timeline.isPending ? (
        <PageLoader />
      ) : timeline.isError ? (
        <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed">
          {t(types.length > 0 || q || from || to ? 'timeline:emptyFiltered' : 'timeline:empty')}
        </Text>
      ) : (
        <Stack gap="lg">
          {sections.map((section) => (
            <Stack key={section.key} gap={6}>
              <Text size="sm" fw={600} c="dimmed">
                {section.heading}
              </Text>
              <Timeline bulletSize={24} lineWidth={2} role="list" aria-label={section.heading}>
                {section.items.map((item) => (
                  <TimelineEntry key={item.id} item={item} typeLabel={labelOf(item.type)} />
                ))}
              </Timeline>
            </Stack>
          ))}
          {timeline.hasNextPage && (
            <Button
              variant="default"
              onClick={() => void timeline.fetchNextPage()}
              loading={timeline.isFetchingNextPage}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('timeline:older')}
            </Button>
          )}
        </Stack>
      )}
      <LogActivityDialog
        kind={logging}
        onClose={() => setLogging(null)}
        subject={subject}
        activityMeta={objects.find((object) => object.key === 'activity')}
        noteMeta={objects.find((object) => object.key === 'note')}
      />
    </Stack>
  );
}
