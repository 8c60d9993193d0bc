import { useQuery } from '@tanstack/react-query';
import type { Labels } from '../../../shared/metadata/types.ts';
import { ApiError, api, NETWORK_ERROR } from '../../app/api-client.ts';

// The import wizard's side of `/api/imports` and `/api/import-mappings`.

export type DuplicateRule = 'update' | 'skip' | 'create';
export type Mapping = Record<string, string | null>;

export interface ImportTarget {
  key: string;
  labels: Labels;
}

export interface Uploaded {
  id: number;
  fileName: string;
  rowCount: number;
  detected: {
    format: 'csv' | 'xlsx' | 'vcard';
    encoding: string | null;
    delimiter: string | null;
    columns: string[];
    sampleRows: string[][];
    warnings: string[];
  };
  guesses: {
    object: string | null;
    mappings: Record<string, Mapping>;
    targets: Record<string, ImportTarget[]>;
  };
}

export type ImportState =
  | 'uploaded'
  | 'queued'
  | 'running'
  | 'checked'
  | 'done'
  | 'failed'
  | 'undoing'
  | 'undone';

export interface ImportStatus {
  id: number;
  fileName: string;
  status: ImportState;
  dryRun: boolean;
  total: number;
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  relatedCreated: number;
  undoProcessed: number;
  undoTotal: number;
  undoConflicts: number;
  error: string | null;
}

export interface RowIssue {
  column: string | null;
  field: string | null;
  code: string;
  message: string;
}

export interface PreviewRow {
  rowNumber: number;
  action: 'create' | 'update' | 'unchanged' | 'skip' | 'fail';
  recordId: number | null;
  reason: string | null;
  issues: RowIssue[];
}

export interface OutcomeRow {
  rowNumber: number;
  action: string;
  recordId: number | null;
  reason: string | null;
  issues: RowIssue[];
  cells: string[];
}

export interface SavedMapping {
  id: number;
  name: string;
  object: string;
  mapping: Mapping;
}

export interface RunSettings {
  object: string;
  mapping: Mapping;
  duplicates: DuplicateRule;
}

/**
 * Uploads the file as multipart/form-data. The shared client speaks JSON only; this sends the
 * same CSRF header it does (the session's token, from `/api/auth/me`).
 */
export async function uploadFile(file: File, csrfToken: string, encoding: string | null): Promise<Uploaded> {
  const form = new FormData();
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/imports${encoding ? `?encoding=${encodeURIComponent(encoding)}` : ''}`, {
      method: 'POST',
      body: form,
      headers: { 'x-csrf-token': csrfToken, accept: 'application/json' },
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw new ApiError(0, NETWORK_ERROR, String(cause), undefined);
  }
  const payload = (await response.json().catch(() => null)) as
    | (Uploaded & { error?: { code: string; message: string; details?: unknown } })
    | null;
  if (response.ok && payload) return payload;
  throw new ApiError(
    response.status,
    payload?.error?.code ?? `http_${response.status}`,
    payload?.error?.message ?? `HTTP ${response.status}`,
    payload?.error?.details,
  );
}

export const importsApi = {
  preview: (id: number, settings: RunSettings) =>
    api.post<{ rows: PreviewRow[] }>(`/api/imports/${id}/preview`, settings),
  run: (id: number, settings: RunSettings, dryRun: boolean) =>
    api.post<ImportStatus>(`/api/imports/${id}/run`, { ...settings, dryRun }),
  undo: (id: number) => api.post<ImportStatus>(`/api/imports/${id}/undo`),
  rows: (id: number, action: string) =>
    api.get<{ items: OutcomeRow[]; nextAfter: number | null }>(`/api/imports/${id}/rows`, {
      query: { action, limit: 100 },
    }),
  saveMapping: (name: string, object: string, mapping: Mapping) =>
    api.post<SavedMapping>('/api/import-mappings', { name, object, mapping }),
};

const ACTIVE: ReadonlySet<ImportState> = new Set(['queued', 'running', 'undoing']);

/** The import's status, polled twice a second while its job runs. */
export function useImportStatus(id: number | null) {
  return useQuery({
    queryKey: ['imports', id],
    queryFn: ({ signal }) => api.get<ImportStatus>(`/api/imports/${id}`, { signal }),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && ACTIVE.has(query.state.data.status) ? 500 : false),
    refetchIntervalInBackground: true,
  });
}

export function useSavedMappings(object: string | null) {
  return useQuery({
    queryKey: ['import-mappings', object],
    queryFn: ({ signal }) =>
      api.get<{ items: SavedMapping[] }>('/api/import-mappings', {
        signal,
        query: { object: object ?? undefined },
      }),
    enabled: object !== null,
  });
}
