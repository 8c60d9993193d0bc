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

/**
 * Which part of the file: `past` is what happened, newest first, up to now (unless a date range
 * is chosen: then everything in it); `upcoming` is what is planned from now on, soonest first.
 * "Now" is taken when each page is asked for, so the query key stays stable and an activity
 * that has begun moves from one part to the other on the next refresh.
 */
export type TimelinePart = 'past' | 'upcoming';

export const UPCOMING_PAGE = 5;

export function useTimeline(
  object: string,
  id: number,
  filters: TimelineFilters,
  locale: Locale,
  part: TimelinePart = 'past',
  enabled = true,
) {
  const ranged = filters.from !== null || filters.to !== null;
  return useInfiniteQuery({
    queryKey: [...timelineKey(object, id), part, filters, locale],
    queryFn: ({ pageParam, signal }) => {
      const now = new Date().toISOString();
      const upcoming = part === 'upcoming';
      return api.get<TimelinePage>(`/api/timeline/${encodeURIComponent(object)}/${id}`, {
        query: {
          limit: String(upcoming ? UPCOMING_PAGE : TIMELINE_PAGE),
          cursor: pageParam ?? undefined,
          types: filters.types.join(',') || undefined,
          q: filters.q.trim() || undefined,
          from: (upcoming ? now : filters.from) ?? undefined,
          // Past without a chosen range: up to now, the future being the upcoming part.
          to: (upcoming ? null : ranged ? filters.to : now) ?? undefined,
          order: upcoming ? 'asc' : undefined,
          person: filters.person === null ? undefined : String(filters.person),
          employee: filters.employee === null ? undefined : String(filters.employee),
          locale,
        },
        signal,
      });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // A new filter keeps the old entries on screen until the new ones arrive.
    placeholderData: keepPreviousData,
    enabled,
  });
}
