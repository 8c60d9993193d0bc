import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Filter } from '../../shared/filter/types.ts';
import type { BulkRun } from '../../shared/records/bulk-runs.ts';
import { api, requestFile } from '../app/api-client.ts';
import { type ExportRequest, exportLink } from './export-link.ts';

export type { ExportRequest } from './export-link.ts';

/** `{count, exact}`: exact up to the server's cap; above it an estimate or "more than". */
export interface ListCount {
  count: number;
  exact: boolean;
}

export interface ListQuery {
  object: string;
  filter: Filter | null;
  q: string;
  deleted?: 'only';
}

function queryBody(list: ListQuery) {
  return {
    ...(list.filter ? { filter: list.filter } : {}),
    ...(list.q ? { q: list.q } : {}),
    ...(list.deleted ? { deleted: list.deleted } : {}),
  };
}

/** The list's total, counted without a slow full count on huge tables (the server caps it). */
export function useListCount(list: ListQuery, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['records', list.object, 'count', queryBody(list)],
    queryFn: ({ signal }) =>
      api.post<ListCount>(`/api/records/${encodeURIComponent(list.object)}/count`, queryBody(list), {
        signal,
      }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export type SelectionPayload = { ids: number[] } | { filter?: Filter; q?: string; exceptIds: number[] };

export type BulkAction =
  | { type: 'update'; field: string; value: unknown }
  | { type: 'addToGroup'; field: string; groupId: number }
  | { type: 'removeFromGroup'; field: string; groupId: number }
  | { type: 'delete' }
  | { type: 'restore' };

/** A request that takes a bulk action back (server: records/bulk-undo.ts). */
export interface BulkUndo {
  action: BulkAction;
  ids: number[];
  versions: Record<string, number>;
}

export interface BulkResult {
  count: number;
  /** False when the count is an estimate (a dry run over a large selection). */
  exact?: boolean;
  updated?: number;
  undo?: BulkUndo[];
}

/** A selection too large for one transaction: the server runs it in the background. */
export interface BulkStarted {
  count: number;
  exact: boolean;
  run: BulkRun;
}

/** Runs (or with `dryRun` only counts) a bulk action on the marked rows. */
export function runBulk(
  object: string,
  selection: SelectionPayload,
  action: BulkAction,
  dryRun: boolean,
): Promise<BulkResult | BulkStarted> {
  return api.post(`/api/records/${encodeURIComponent(object)}/bulk`, { selection, action, dryRun });
}

/** Sends an action's undo requests back; each refuses (409) if a record changed since. */
export async function undoBulk(object: string, undo: BulkUndo[]): Promise<void> {
  for (const request of undo) {
    await api.post(`/api/records/${encodeURIComponent(object)}/bulk`, {
      selection: { ids: request.ids },
      action: request.action,
      versions: request.versions,
    });
  }
}

/**
 * Downloads an export. Usually as a plain link: the browser saves the server's stream to disk
 * with its own progress, however big the file. A selection too long for an address is posted
 * instead and saved from memory (a link cannot carry a body).
 */
export async function downloadExport(object: string, body: ExportRequest): Promise<void> {
  const link = exportLink(object, body);
  if (link) {
    clickDownload(link);
    return;
  }
  const response = await requestFile('POST', `/api/records/${encodeURIComponent(object)}/export`, { body });
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? `${object}.${body.format}`;
  const url = URL.createObjectURL(blob);
  clickDownload(url, name);
  // Revoked later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function clickDownload(href: string, name?: string): void {
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.download = name ?? '';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
}
