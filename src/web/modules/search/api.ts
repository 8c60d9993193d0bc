import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Locale } from '../../../shared/metadata/types.ts';
import type { GlobalSearchResult } from '../../../shared/search/types.ts';
import { api } from '../../app/api-client.ts';

export type {
  GlobalSearchHit,
  GlobalSearchResult,
  SearchCounts,
  SearchFact,
} from '../../../shared/search/types.ts';

/** Fewer letters match too much to be useful (and the API would rank a great many). */
export const MIN_QUERY = 2;

/** `/api/search` with the counts, for the palette and the results page; off below MIN_QUERY. */
export function useGlobalSearch(query: string, limit: number, locale: Locale) {
  const q = query.trim();
  return useQuery({
    queryKey: ['search', q, limit, locale],
    queryFn: ({ signal }) =>
      api.get<GlobalSearchResult>('/api/search', { query: { q, limit, count: 'true', locale }, signal }),
    enabled: q.length >= MIN_QUERY,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** The address of the results page for a query. */
export function searchPagePath(query: string): string {
  return `/search?${new URLSearchParams({ q: query.trim() }).toString()}`;
}
