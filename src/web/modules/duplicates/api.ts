import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DuplicateCandidate,
  DuplicateGroupPage,
  MergeLogEntry,
  MergePreview,
  MergeRequest,
  UndoMergeResult,
} from '../../../shared/duplicates/types.ts';
import type { Locale } from '../../../shared/metadata/types.ts';
import { api } from '../../app/api-client.ts';
import type { RecordData } from '../../app/api-types.ts';

const path = (object: string) => `/api/records/${encodeURIComponent(object)}`;

/** Likely duplicates of the values in a form; `values` should already be debounced. */
export function useDuplicateCheck(
  object: string,
  values: Record<string, unknown>,
  recordId: number | undefined,
  locale: Locale,
  enabled: boolean,
) {
  const body = { values: recordId === undefined ? values : { ...values, id: recordId }, locale };
  return useQuery({
    queryKey: ['duplicates', object, 'check', body],
    queryFn: ({ signal }) => api.post<DuplicateCandidate[]>(`${path(object)}/duplicates`, body, { signal }),
    enabled,
    staleTime: 30_000,
  });
}

/** Groups of likely duplicates across the object, page by page. */
export function useDuplicateGroups(object: string, locale: Locale) {
  return useInfiniteQuery({
    queryKey: ['duplicates', object, 'groups', locale],
    queryFn: ({ pageParam, signal }) =>
      api.get<DuplicateGroupPage>(`${path(object)}/duplicates`, {
        query: { cursor: pageParam ?? undefined, limit: 20, locale },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 0,
  });
}

export function useMergePreview(object: string, keepId: number, mergeId: number) {
  return useQuery({
    queryKey: ['duplicates', object, 'preview', keepId, mergeId],
    queryFn: ({ signal }) =>
      api.get<MergePreview>(`${path(object)}/merge-preview`, { query: { keepId, mergeId }, signal }),
    staleTime: 0,
  });
}

export function useMergeLog(object: string, locale: Locale) {
  return useInfiniteQuery({
    queryKey: ['duplicates', object, 'log', locale],
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: MergeLogEntry[]; nextCursor: string | null }>('/api/merges', {
        query: { object, cursor: pageParam ?? undefined, locale },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 0,
  });
}

export function mergeRecords(object: string, request: MergeRequest) {
  return api.post<{ record: RecordData; mergeId: number }>(`${path(object)}/merge`, request);
}

export function undoMerge(mergeId: number) {
  return api.post<UndoMergeResult>(`/api/merges/${mergeId}/undo`);
}

/** After a merge or its undo every list, record, group and log of the object is stale. */
export function useRefreshAfterMerge() {
  const queryClient = useQueryClient();
  return (object: string) => {
    void queryClient.invalidateQueries({ queryKey: ['duplicates', object] });
    // Records of other objects moved too (people to the kept company): every record query.
    void queryClient.invalidateQueries({ queryKey: ['records'] });
  };
}
