import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Filter } from '../../shared/filter/types.ts';
import type { Locale, SortSpec } from '../../shared/metadata/types.ts';
import { api } from '../app/api-client.ts';
import type { HistoryEntry, ListResponse, RecordData } from '../app/api-types.ts';

export interface ListParams {
  object: string;
  filter?: Filter;
  sort?: SortSpec[];
  q?: string;
  fields?: string[];
  expand?: string[];
  locale: Locale;
  limit?: number;
  /** `only`: the trash. */
  deleted?: 'only';
}

export const PAGE_SIZE = 100;

export function queryRecords(params: ListParams, cursor: string | null, signal?: AbortSignal) {
  const { object, ...body } = params;
  return api.post<ListResponse>(
    `/api/records/${encodeURIComponent(object)}/query`,
    { ...body, q: body.q || undefined, limit: body.limit ?? PAGE_SIZE, cursor },
    { signal },
  );
}

/** A list fed page by page through the API's cursor; all of its parameters are in the cache key. */
export function useRecordPages(params: ListParams, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['records', params.object, 'list', params],
    queryFn: ({ pageParam, signal }) => queryRecords(params, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // A new sort or search keeps the old rows on screen until the new ones arrive.
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function recordKey(object: string, id: string | number) {
  return ['records', object, 'one', String(id)] as const;
}

export function useRecord(object: string, id: string, expand: string[], locale: Locale) {
  return useQuery({
    queryKey: [...recordKey(object, id), locale],
    queryFn: ({ signal }) =>
      api.get<RecordData>(`/api/records/${encodeURIComponent(object)}/${encodeURIComponent(id)}`, {
        query: { expand: expand.join(',') || undefined, locale },
        signal,
      }),
    // Editing starts from what the server has now, not from a list row a minute old.
    staleTime: 0,
  });
}

export function useHistory(object: string, id: string) {
  return useQuery({
    queryKey: ['records', object, 'history', id],
    queryFn: ({ signal }) =>
      api.get<{ items: HistoryEntry[] }>(
        `/api/records/${encodeURIComponent(object)}/${encodeURIComponent(id)}/history`,
        { query: { limit: 200 }, signal },
      ),
    staleTime: 0,
  });
}
