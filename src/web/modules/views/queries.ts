import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SavedView as WireView, SavedViewList as WireViewList } from '../../../shared/views/types.ts';
import { api, request } from '../../app/api-client.ts';
import type { ListViewState } from '../../records/list-state.ts';

/** A saved view as the web app uses it: its content is a `ListViewState`, ready to apply. */
export type SavedView = Omit<WireView, 'definition'> & { definition: ListViewState };
export interface SavedViewList {
  items: SavedView[];
  defaultViewId: number | null;
}

// The server's definition and the list's state are one shape; this fails to compile if they drift.
const sameShape = (wire: WireView['definition']): ListViewState => wire;
const sameShapeBack = (state: ListViewState): WireView['definition'] => state;
void sameShape;
void sameShapeBack;

export function viewsKey(objectKey: string) {
  return ['views', objectKey] as const;
}

/** The views of an object the user can see, own first, and the user's default (`defaultViewId`). */
export function useSavedViews(objectKey: string) {
  return useQuery({
    queryKey: viewsKey(objectKey),
    queryFn: ({ signal }) =>
      api.get<WireViewList>('/api/views', { query: { object: objectKey }, signal }) as Promise<SavedViewList>,
    staleTime: 60_000,
  });
}

export interface CreateViewInput {
  object: string;
  name: string;
  shared: boolean;
  isDefault: boolean;
  definition: ListViewState;
}

export interface UpdateViewInput {
  view: SavedView;
  name?: string;
  shared?: boolean;
  definition?: ListViewState;
}

/** After any change the list is read again: defaults and ordering are the server's to decide. */
function useRefresh() {
  const queryClient = useQueryClient();
  return (objectKey: string) => queryClient.invalidateQueries({ queryKey: viewsKey(objectKey) });
}

export function useCreateView() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: CreateViewInput) => api.post<SavedView>('/api/views', input),
    onSuccess: (view) => refresh(view.object),
  });
}

/** Sends the version the user saw; a 409 (`ApiError.status`) means the view changed meanwhile. */
export function useUpdateView() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ view, ...changes }: UpdateViewInput) =>
      api.patch<SavedView>(`/api/views/${view.id}`, { ...changes, version: view.version }),
    onSettled: (_data, _error, input) => refresh(input.view.object),
  });
}

export function useDeleteView() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (view: SavedView) =>
      api.delete<void>(`/api/views/${view.id}`, { query: { version: view.version } }),
    onSettled: (_data, _error, view) => refresh(view.object),
  });
}

/** The user's own default for an object; `viewId: null` opens the standard list by default. */
export function useSetDefaultView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { object: string; viewId: number | null }) =>
      request<SavedViewList>('PUT', '/api/views/default', { body: input }),
    onSuccess: (list, input) => queryClient.setQueryData(viewsKey(input.object), list),
  });
}
