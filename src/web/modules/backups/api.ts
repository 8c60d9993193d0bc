import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client.ts';

// The Backups screen's side of `/api/backups` (administrators only).

import type { BackupFile, BackupRun } from '../../../shared/backups/types.ts';

export type { BackupFile, BackupRun, BackupRunStatus } from '../../../shared/backups/types.ts';

export interface BackupSchedule {
  /** Null: no automatic backups. */
  cron: string | null;
  timeZone: string;
  keep: number;
  dir: string;
}

export interface BackupsOverview {
  items: BackupFile[];
  runs: BackupRun[];
  schedule: BackupSchedule;
}

export const BACKUPS_KEY = ['backups'] as const;

export function isActive(run: BackupRun | undefined): boolean {
  return run?.status === 'queued' || run?.status === 'running';
}

export function useBackups() {
  return useQuery({
    queryKey: BACKUPS_KEY,
    queryFn: ({ signal }) => api.get<BackupsOverview>('/api/backups', { signal }),
    staleTime: 0,
  });
}

/** A run, polled twice a second while it is queued or running. */
export function useBackupRun(id: number | null) {
  return useQuery({
    queryKey: [...BACKUPS_KEY, 'runs', id],
    queryFn: ({ signal }) => api.get<BackupRun>(`/api/backups/runs/${id}`, { signal }),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && !isActive(query.state.data) ? false : 500),
    refetchIntervalInBackground: true,
  });
}

export const backupsApi = {
  start: () => api.post<{ run: BackupRun }>('/api/backups'),
};

/** Where the browser downloads a backup file from (a plain link: the session cookie goes with it). */
export function downloadUrl(name: string): string {
  return `/api/backups/files/${encodeURIComponent(name)}`;
}
