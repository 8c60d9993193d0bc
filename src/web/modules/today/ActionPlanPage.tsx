import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Filter } from '../../../shared/filter/types.ts';
import type { RecordData } from '../../app/api-types.ts';
import { useCurrentUser } from '../../app/session.ts';
import { pickerValueFromInstant } from '../../ui/datetime-input.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useFormatters, useLocale } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { expandedTitle } from '../metadata/index.ts';
import { type Scope, useList, useMyDepartment, whose } from './queries.ts';
import { ScopeControl } from './ScopeControl.tsx';

const DAY_MS = 86_400_000;

/** Monday 00:00 (the browser's clock) of the week `offset` weeks from this one. */
function weekStart(offset: number): Date {
  const now = new Date();
  const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - ((now.getDay() + 6) % 7));
  monday.setDate(monday.getDate() + offset * 7);
  return monday;
}

const localDay = (date: Date) => pickerValueFromInstant(date.toISOString())?.slice(0, 10) ?? '';

/**
 * The action plan: what each employee has planned, day by day, for a week — rows are people,
 * columns the days, each activity a link. Mine, my team's or everyone's I may see.
 */
export function ActionPlanPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  const user = useCurrentUser();
  const employeeId = user?.employeeId ?? null;
  const department = useMyDepartment(employeeId);
  const [scope, setScope] = useState<Scope>(employeeId === null ? 'all' : 'team');
  const [offset, setOffset] = useState(0);
  useDocumentTitle([t('today:plan.title'), t('common:appName')].join(' · '));
  const start = weekStart(offset);
  const end = new Date(start.getTime() + 7 * DAY_MS + 3_600_000);
  end.setHours(0, 0, 0, 0);
  const days = Array.from(
    { length: 7 },
    (_, i) => new Date(start.getFullYear(), start.getMonth(), start.getDate() + i),
  );
  const filter: Filter = {
    and: [
      ...whose('organiser', scope, employeeId, department),
      { field: 'status', op: 'eq', value: 'planned' },
      { field: 'starts_at', op: 'gte', value: start.toISOString() },
      { field: 'starts_at', op: 'lt', value: end.toISOString() },
    ],
  };
  const planned = useList('activity', filter, 'starts_at', ['organiser', 'company', 'type'], locale, true);
  const byEmployee = new Map<string, Map<string, RecordData[]>>();
  for (const item of planned.data?.items ?? []) {
    const who = expandedTitle(item, 'organiser') ?? t('today:plan.nobody');
    const day = pickerValueFromInstant(item.starts_at)?.slice(0, 10) ?? '';
    const row = byEmployee.get(who) ?? new Map<string, RecordData[]>();
    row.set(day, [...(row.get(day) ?? []), item]);
    byEmployee.set(who, row);
  }
  const people = [...byEmployee.keys()].sort((a, b) => a.localeCompare(b, locale));

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          {t('today:plan.title')}
        </Title>
        <ScopeControl value={scope} onChange={setScope} employeeId={employeeId} />
      </Group>
      <Group gap="xs">
        <Button
          variant="default"
          size="xs"
          onClick={() => setOffset(offset - 1)}
          leftSection={<IconChevronLeft size={14} aria-hidden />}
        >
          {t('today:plan.previous')}
        </Button>
        <Button variant="default" size="xs" onClick={() => setOffset(0)} disabled={offset === 0}>
          {t('today:plan.thisWeek')}
        </Button>
        <Button
          variant="default"
          size="xs"
          onClick={() => setOffset(offset + 1)}
          rightSection={<IconChevronRight size={14} aria-hidden />}
        >
          {t('today:plan.next')}
        </Button>
        <Text size="sm" c="dimmed">
          {format.date(localDay(days[0] ?? start))} – {format.date(localDay(days[6] ?? start))}
        </Text>
      </Group>
      {planned.isPending ? (
        <PageLoader />
      ) : planned.isError ? (
        <ErrorState error={planned.error} onRetry={() => void planned.refetch()} />
      ) : people.length === 0 ? (
        <Text c="dimmed">{t('today:plan.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table withTableBorder withColumnBorders verticalSpacing="xs" aria-label={t('today:plan.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('today:plan.employee')}</Table.Th>
                {days.map((day) => (
                  <Table.Th key={day.toISOString()} scope="col">
                    {format.date(localDay(day))}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.map((who) => (
                <Table.Tr key={who}>
                  <Table.Th scope="row">{who}</Table.Th>
                  {days.map((day) => (
                    <Table.Td key={day.toISOString()} valign="top">
                      <Stack gap={4}>
                        {(byEmployee.get(who)?.get(localDay(day)) ?? []).map((item) => (
                          <Anchor
                            key={item.id}
                            component={Link}
                            to={`/records/activity/${item.id}`}
                            size="xs"
                          >
                            {format.time(String(item.starts_at))} {String(item.title ?? '')}
                            {expandedTitle(item, 'company') ? ` · ${expandedTitle(item, 'company')}` : ''}
                          </Anchor>
                        ))}
                      </Stack>
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
