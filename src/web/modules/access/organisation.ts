import { useQuery } from '@tanstack/react-query';
import type { Locale } from '../../../shared/metadata/types.ts';
import type { RecordData } from '../../app/api-types.ts';
import { queryRecords } from '../../records/queries.ts';

/** Departments and work groups are few: the administration screens load them whole. */
const PAGE = 500;

async function fetchAll(
  object: string,
  fields: string[],
  expand: string[],
  locale: Locale,
  signal: AbortSignal,
) {
  const rows: RecordData[] = [];
  let cursor: string | null = null;
  do {
    const page = await queryRecords(
      { object, fields, expand, locale, limit: PAGE, sort: [{ field: 'name', direction: 'asc' }] },
      cursor,
      signal,
    );
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

/** Under the records engine's keys, so a change made on a record page refreshes these too. */
export function useDepartments(locale: Locale) {
  return useQuery({
    queryKey: ['records', 'department', 'admin-tree', locale],
    queryFn: ({ signal }) =>
      fetchAll('department', ['id', 'version', 'name', 'parent', 'head'], ['head'], locale, signal),
  });
}

export function useWorkGroups(locale: Locale) {
  return useQuery({
    queryKey: ['records', 'work_group', 'admin-list', locale],
    queryFn: ({ signal }) =>
      fetchAll(
        'work_group',
        ['id', 'version', 'name', 'description', 'members'],
        ['members'],
        locale,
        signal,
      ),
  });
}
