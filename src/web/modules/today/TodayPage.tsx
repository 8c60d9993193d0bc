import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Filter } from '../../../shared/filter/types.ts';
import { useCurrentUser } from '../../app/session.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useFormatters, useLocale } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { canRead, useMyRights } from '../access/index.ts';
import { expandedTitle } from '../metadata/index.ts';
import {
  dueTasksFilter,
  nextActionsFilter,
  plannedFilter,
  type Scope,
  useList,
  useMyDepartment,
} from './queries.ts';
import { recentRecords } from './recent.ts';
import { ScopeControl } from './ScopeControl.tsx';

/** The browser's today as `YYYY-MM-DD`: next action dates are days, compared as such. */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function listLink(object: string, filter: Filter, sort: string, columns: string[]): string {
  const params = new URLSearchParams({ filter: JSON.stringify(filter), sort, cols: columns.join(',') });
  return `/records/${object}?${params.toString()}`;
}

type Due = 'overdue' | 'today' | 'week';

function dueOf(date: string, today: string): Due {
  return date < today ? 'overdue' : date === today ? 'today' : 'week';
}

// Light orange text fails the contrast check: today is blue, the rest of the week grey.
const DUE_COLOR: Record<Due, string> = { overdue: 'red', today: 'blue', week: 'gray' };

interface Row {
  id: number;
  when: string;
  /** Shown in red, with "overdue" for screen readers. */
  overdue?: boolean;
  to: string;
  title: string;
  detail: string;
}

/** A card's rows: when, what (a link) and a line about it; loading, failure and nothing handled. */
function RowList({
  query,
  rows,
  empty,
  whenWidth,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  rows: Row[];
  empty: string;
  whenWidth: number;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (rows.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {rows.map((row) => (
        <Group key={row.id} component="li" gap="sm" wrap="nowrap" align="baseline">
          <Text
            size="sm"
            c={row.overdue ? 'red.8' : undefined}
            fw={row.overdue ? 700 : 400}
            miw={whenWidth}
            style={{ flexShrink: 0, whiteSpace: 'nowrap' }}
          >
            {row.when}
            {row.overdue && <VisuallyHidden> ({t('today:actions.overdueWord')})</VisuallyHidden>}
          </Text>
          <Stack gap={0} miw={0}>
            <Anchor component={Link} to={row.to} size="sm" fw={600}>
              {row.title}
            </Anchor>
            <Text size="xs" c="dimmed">
              {row.detail}
            </Text>
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}

/** A card of rows due or planned, with a link to the whole list behind it. */
function ListCard({
  id,
  title,
  badges,
  all,
  children,
}: {
  id: string;
  title: string;
  /** Beside the title (counts by due). */
  badges?: ReactNode;
  /** The links under the rows: the whole list, and more. */
  all: Array<{ to: string; label: string }>;
  children: ReactNode;
}) {
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {badges}
      </Group>
      {children}
      {all.map((link, index) => (
        <Anchor key={link.to} component={Link} to={link.to} size="sm" mt={index === 0 ? 'sm' : undefined}>
          {link.label}
        </Anchor>
      ))}
    </Card>
  );
}

/**
 * The first screen after logging in: what is due (my overdue and today's next actions, the
 * rest of the week), what I have planned, and what I opened lately — instead of an
 * alphabetical list of companies that gives no hint 31 next actions are overdue.
 */
export function TodayPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  const user = useCurrentUser();
  const rights = useMyRights().data;
  const employeeId = user?.employeeId ?? null;
  const [scope, setScope] = useState<Scope>(employeeId === null ? 'all' : 'mine');
  useDocumentTitle([t('today:title'), t('common:appName')].join(' · '));
  const department = useMyDepartment(employeeId);
  const today = localToday();
  const actionsFilter = nextActionsFilter(scope, employeeId, department);
  const activityFilter = plannedFilter(scope, employeeId, department);
  const readsCases = canRead(rights, 'case');
  const readsActivities = canRead(rights, 'activity');
  const actions = useList(
    'case',
    actionsFilter,
    'next_action_date',
    ['company', 'next_action_type', 'lead'],
    locale,
    readsCases,
  );
  const planned = useList(
    'activity',
    activityFilter,
    'starts_at',
    ['company', 'type'],
    locale,
    readsActivities,
  );
  const tasksFilter = dueTasksFilter(scope, employeeId, department);
  const readsTasks = canRead(rights, 'task');
  const tasks = useList('task', tasksFilter, 'due_at', ['register', 'assignee'], locale, readsTasks);
  const recent = user ? recentRecords(user.id) : [];
  const counts: Record<Due, number> = { overdue: 0, today: 0, week: 0 };
  for (const item of actions.data?.items ?? []) counts[dueOf(String(item.next_action_date), today)] += 1;

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Stack gap={0}>
          <Title order={1} size="h2">
            {t('today:title')}
          </Title>
          <Text c="dimmed">{format.date(today)}</Text>
        </Stack>
        <ScopeControl value={scope} onChange={setScope} employeeId={employeeId} />
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        {readsCases && (
          <ListCard
            id="today-actions"
            title={t('today:actions.title')}
            badges={
              <Group gap={6}>
                {(['overdue', 'today', 'week'] as const).map((due) => (
                  <Badge key={due} color={DUE_COLOR[due]} variant={due === 'overdue' ? 'filled' : 'light'}>
                    {t(`today:actions.${due}`, { count: counts[due] })}
                  </Badge>
                ))}
              </Group>
            }
            all={[
              {
                to: listLink('case', actionsFilter, 'next_action_date', [
                  'topic',
                  'company',
                  'lead',
                  'next_action_type',
                  'next_action_date',
                  'status',
                ]),
                label: t('today:actions.all'),
              },
            ]}
          >
            <RowList
              query={actions}
              empty={t('today:actions.none')}
              whenWidth={100}
              rows={(actions.data?.items ?? []).slice(0, 15).map((item) => ({
                id: item.id,
                when: format.date(String(item.next_action_date)),
                overdue: dueOf(String(item.next_action_date), today) === 'overdue',
                to: `/records/case/${item.id}`,
                title: String(item.topic ?? `#${item.id}`),
                detail: [
                  expandedTitle(item, 'next_action_type'),
                  expandedTitle(item, 'company'),
                  scope === 'mine' ? null : expandedTitle(item, 'lead'),
                ]
                  .filter(Boolean)
                  .join(' · '),
              }))}
            />
          </ListCard>
        )}
        {readsActivities && (
          <ListCard
            id="today-planned"
            title={t('today:planned.title')}
            all={[
              {
                to: listLink('activity', activityFilter, 'starts_at', [
                  'starts_at',
                  'title',
                  'type',
                  'company',
                  'organiser',
                  'status',
                ]),
                label: t('today:planned.all'),
              },
              { to: '/plan', label: t('today:plan.link') },
            ]}
          >
            <RowList
              query={planned}
              empty={t('today:planned.none')}
              whenWidth={130}
              rows={(planned.data?.items ?? []).slice(0, 15).map((item) => ({
                id: item.id,
                when: format.dateTime(String(item.starts_at)),
                to: `/records/activity/${item.id}`,
                title: String(item.title ?? `#${item.id}`),
                detail: [expandedTitle(item, 'type'), expandedTitle(item, 'company')]
                  .filter(Boolean)
                  .join(' · '),
              }))}
            />
          </ListCard>
        )}
        {readsTasks && (
          <ListCard
            id="today-tasks"
            title={t('today:tasks.title')}
            all={[
              {
                to: listLink('task', tasksFilter, 'due_at', [
                  'title',
                  'due_at',
                  'status',
                  'priority',
                  'assignee',
                  'register',
                ]),
                label: t('today:tasks.all'),
              },
            ]}
          >
            <RowList
              query={tasks}
              empty={t('today:tasks.none')}
              whenWidth={130}
              rows={(tasks.data?.items ?? []).slice(0, 15).map((item) => ({
                id: item.id,
                when: format.dateTime(String(item.due_at)),
                overdue: Date.parse(String(item.due_at)) < Date.now(),
                to: `/records/task/${item.id}`,
                title: String(item.title ?? `#${item.id}`),
                detail: [
                  expandedTitle(item, 'register'),
                  scope === 'mine' ? null : expandedTitle(item, 'assignee'),
                ]
                  .filter(Boolean)
                  .join(' · '),
              }))}
            />
          </ListCard>
        )}
        <Card withBorder component="section" aria-labelledby="today-recent">
          <Title order={2} size="h4" id="today-recent" mb="sm">
            {t('today:recent.title')}
          </Title>
          {recent.length === 0 ? (
            <Text c="dimmed">{t('today:recent.none')}</Text>
          ) : (
            <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {recent.map((entry) => (
                <li key={`${entry.object}:${entry.id}`}>
                  <Anchor component={Link} to={`/records/${entry.object}/${entry.id}`} size="sm">
                    {entry.title}
                  </Anchor>
                </li>
              ))}
            </Stack>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
