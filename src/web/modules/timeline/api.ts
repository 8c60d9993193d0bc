import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { Locale } from '../../../shared/metadata/types.ts';
import type { TimelineItem, TimelinePage } from '../../../shared/timeline/types.ts';
import { api } from '../../app/api-client.ts';

export type { TimelineItem };

export interface TimelineFilters {
  types: string[];
  q: string;
  from: string | null;
  to: string | null;
  person: number | null;
  employee: number | null;
}

export const NO_FILTERS: TimelineFilters = {
  types: [],
  q: '',
  from: null,
  to: null,
  person: null,
  employee: null,
};

export const TIMELINE_PAGE = 30;

/** The timeline's cache key: whatever writes to a record of the client refreshes it. */
export function timelineKey(object: string, id: number) {
  return ['timeline', object, id] as const;
}

export function useTimeline(object: string, id: number, filters: TimelineFilters, locale: Locale) {
  return useInfiniteQuery({
    queryKey: [...timelineKey(object, id), filters, locale],
    queryFn: ({ pageParam, signal }) =>
      api.get<TimelinePage>(`/api/timeline/${encodeURIComponent(object)}/${id}`, {
        query: {
          limit: String(TIMELINE_PAGE),
          cursor: pageParam ?? undefined,
          types: filters.types.join(',') || undefined,
          q: filters.q.trim() || undefined,
          from: filters.from ?? undefined,
          to: filters.to ?? undefined,
          person: filters.person === null ? undefined : String(filters.person),
          employee: filters.employee === null ? undefined : String(filters.employee),
          locale,
        },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // A new filter keeps the old entries on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}
