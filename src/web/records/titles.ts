import { useQuery } from '@tanstack/react-query';
import type { Locale } from '../../shared/metadata/types.ts';
import { recordTitle, titleProjection, useObjectMeta } from '../modules/metadata/index.ts';
import { queryRecords } from './queries.ts';

/**
 * Titles of records by id (for history entries, conflict views, restored drafts): one query
 * per target object and id set, cached like any other.
 */
export function useRecordTitles(
  target: string | undefined,
  ids: number[],
  locale: Locale,
): Map<number, string> {
  const { meta } = useObjectMeta(target);
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  const result = useQuery({
    queryKey: ['records', target, 'titles', unique, locale],
    queryFn: ({ signal }) =>
      queryRecords(
        {
          object: target!,
          filter: { field: 'id', op: 'in', value: unique },
          fields: titleProjection(meta!, locale),
          locale,
          limit: unique.length,
        },
        null,
        signal,
      ),
    enabled: Boolean(meta && target && unique.length > 0),
    staleTime: 60_000,
  });
  const titles = new Map<number, string>();
  if (meta) {
    for (const row of result.data?.items ?? [])
      titles.set(row.id, recordTitle(meta, row, locale) || `#${row.id}`);
  }
  return titles;
}
