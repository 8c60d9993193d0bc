import { Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SECURITY_EVENT_KINDS } from '../../../shared/access/api.ts';
import { api } from '../../app/api-client.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useFormatters } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { SECURITY_EVENTS_KEY, type SecurityEventItem, useAccounts } from './api.ts';

const PAGE = 50;

/** What the server logs; a kind the web app does not know yet shows as it is. */
const KINDS = SECURITY_EVENT_KINDS;

/** `details` as one line: `key: value` pairs, nested values as JSON. */
function detailsText(details: unknown): string {
  if (details === null || details === undefined) return '';
  if (typeof details !== 'object') return String(details);
  return Object.entries(details as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(', ');
}

/** `/admin/security-log?kind=login&account=3`: the security log, newest first, page by page. */
export function SecurityLogPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('access:log.title')} · ${t('common:appName')}`);
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? undefined;
  const account = params.get('account') ?? undefined;
  const accounts = useAccounts();
  const kindLabel = (value: string) => t(`access:log.kind.${value}`, { defaultValue: value });
  const events = useInfiniteQuery({
    queryKey: [...SECURITY_EVENTS_KEY, { kind, account }],
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: SecurityEventItem[] }>('/api/access/security-events', {
        query: { limit: PAGE, kind, account, before: pageParam ?? undefined },
        signal,
      }),
    initialPageParam: null as number | null,
    // A full page may have more behind it; the oldest id on it is where the next one starts.
    getNextPageParam: (last) => (last.items.length === PAGE ? (last.items.at(-1)?.id ?? null) : null),
    staleTime: 0,
  });
  const rows = events.data?.pages.flatMap((page) => page.items) ?? [];
  // Some events name the account but not the login it used: the accounts list knows it.
  const logins = new Map((accounts.data ?? []).map((item) => [item.id, item.login]));
  const loginOf = (event: SecurityEventItem) =>
    event.login ?? (event.account === null ? '' : (logins.get(event.account) ?? `#${event.account}`));
  const setFilter = (key: 'kind' | 'account', value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('access:log.title')}
      </Title>
      <Group gap="sm" wrap="wrap">
        <Select
          label={t('access:log.kindFilter')}
          placeholder={t('access:log.allKinds')}
          data={KINDS.map((value) => ({ value, label: kindLabel(value) }))}
          value={kind ?? null}
          onChange={(value) => setFilter('kind', value)}
          clearable
          searchable
          clearButtonProps={{ 'aria-label': t('access:log.clearKind') }}
          w={260}
        />
        <Select
          label={t('access:log.accountFilter')}
          placeholder={t('access:log.allAccounts')}
          data={(accounts.data ?? []).map((item) => ({ value: String(item.id), label: item.login }))}
          value={account ?? null}
          onChange={(value) => setFilter('account', value)}
          clearable
          searchable
          clearButtonProps={{ 'aria-label': t('access:log.clearAccount') }}
          w={220}
        />
      </Group>
      {events.isPending ? (
        <PageLoader />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : rows.length === 0 ? (
        <Text c="dimmed" role="status">
          {t('access:log.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table striped aria-label={t('access:log.title')} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('access:log.at')}</Table.Th>
                <Table.Th scope="col">{t('access:log.event')}</Table.Th>
                <Table.Th scope="col">{t('access:log.login')}</Table.Th>
                <Table.Th scope="col">{t('access:log.ip')}</Table.Th>
                <Table.Th scope="col">{t('access:log.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(event.at)}</Table.Td>
                  <Table.Td>{kindLabel(event.kind)}</Table.Td>
                  <Table.Td>{loginOf(event)}</Table.Td>
                  <Table.Td>{event.ip ?? ''}</Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace" style={{ wordBreak: 'break-word' }}>
                      {detailsText(event.details)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {events.hasNextPage && (
        <Group>
          <Button
            variant="default"
            loading={events.isFetchingNextPage}
            onClick={() => void events.fetchNextPage()}
          >
            {t('access:log.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
