import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPrinter } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { todayIn } from '../../shared/filter/relative-dates.ts';
import type { ObjectMeta } from '../../shared/metadata/types.ts';
import { NotFound } from '../app/NotFound.tsx';
import { useCurrentUser } from '../app/session.ts';
import { pickLabel, useObjectMeta } from '../modules/metadata/index.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { useFormatters, useLocale } from '../ui/format.ts';
import { PageLoader } from '../ui/PageLoader.tsx';
import { listColumns, listProjection } from './columns.ts';
import { FieldValue } from './FieldValue.tsx';
import { factsOf } from './field-types/index.ts';
import { useMetadataLookup } from './filters/use-lookup.ts';
import { readListAddress } from './list-url.ts';
import { useRecordPages } from './queries.ts';
import { columnField } from './related-fields.ts';

/** Paper is not a place for a million rows: past this the page points to the export. */
const PRINT_LIMIT = 1000;
const PAGE = 500;

/** `/records/:object/print?cols=…&filter=…&sort=…&q=…`: the list as a plain table, ready to print. */
export function PrintListPage() {
  const { object = '' } = useParams();
  const { meta, isPending, error } = useObjectMeta(object);
  if (isPending) return <PageLoader />;
  if (error) return <ErrorState error={error} />;
  if (!meta) return <NotFound />;
  return <PrintList meta={meta} />;
}

function PrintList({ meta }: { meta: ObjectMeta }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  const [params] = useSearchParams();
  const user = useCurrentUser();
  const address = readListAddress(params);
  const lookup = useMetadataLookup(meta);
  const columns = useMemo(() => {
    const chosen = address.columns
      ?.map((key) => columnField(meta, lookup, key))
      .filter((field) => field !== undefined);
    return chosen?.length ? chosen : listColumns(meta, lookup);
  }, [address.columns, meta, lookup]);
  const projection = listProjection(meta, columns);
  const pages = useRecordPages({
    object: meta.key,
    filter: address.filter ?? undefined,
    sort: address.sort ?? undefined,
    q: address.q,
    locale,
    limit: PAGE,
    ...projection,
  });
  const rows = useMemo(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  const limited = rows.length >= PRINT_LIMIT && hasNextPage;
  const title = t('records:print.title', {
    object: pickLabel(meta.labels.many, locale),
    date: format.date(todayIn(user?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone)),
  });
  useDocumentTitle(title);

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && rows.length < PRINT_LIMIT) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, rows.length, fetchNextPage]);

  if (pages.isPending) return <PageLoader />;
  if (pages.isError) return <ErrorState error={pages.error} onRetry={() => void pages.refetch()} />;
  return (
    <Stack gap="sm" p="md">
      <Group justify="space-between" className="no-print">
        <Text size="sm" c="dimmed" role="status">
          {limited
            ? t('records:print.limited', { formatted: format.number(PRINT_LIMIT) })
            : t('records:print.rows', { count: rows.length, formatted: format.number(rows.length) })}
        </Text>
        <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
          {t('records:print.print')}
        </Button>
      </Group>
      <Title order={1} size="h3">
        {title}
      </Title>
      <Table striped withTableBorder withColumnBorders fz="xs" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((field) => (
              <Table.Th key={field.key} ta={factsOf(field).alignRight ? 'right' : undefined}>
                {pickLabel(field.labels, locale)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.slice(0, PRINT_LIMIT).map((row) => (
            <Table.Tr key={row.id}>
              {columns.map((field) => (
                <Table.Td key={field.key} ta={factsOf(field).alignRight ? 'right' : undefined}>
                  <FieldValue field={field} record={row} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
