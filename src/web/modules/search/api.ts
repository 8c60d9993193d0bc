import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Locale } from '../../../shared/metadata/types.ts';
import { api } from '../../app/api-client.ts';

/** One subtitle fact of a hit, its label in the language asked for ("NIP", "725-18-01-126"). */
export interface SearchFact {
  field: string;
  label: string;
  value: string;
}

export interface GlobalSearchHit {
  object: string;
  id: number;
  title: string;
  subtitle: string | null;
  facts: SearchFact[];
  /** `title`: the record's own title matched; `other`: only its other fields did. */
  matched: 'title' | 'other';
  rank: number;
}

/** Matches per object as each object's list counts its quick search: "10,000+" when not exact. */
export interface SearchCounts {
  objects: Array<{ object: string; count: number; exact: boolean }>;
  total: number;
  exact: boolean;
}

export interface GlobalSearchResult {
  items: GlobalSearchHit[];
  counts?: SearchCounts;
}

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
