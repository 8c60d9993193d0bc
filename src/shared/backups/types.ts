/** What `/api/backups` speaks, shared by the server and the Backups screen. */

export type BackupRunStatus = 'queued' | 'running' | 'done' | 'failed';

/** One backup as started (by an administrator or the schedule), with its progress and outcome. */
export interface BackupRun {
  id: number;
  status: BackupRunStatus;
  /** 0..1 */
  progress: number;
  fileName: string | null;
  bytes: number | null;
  /** Why it failed; null on a failed run means it stopped without finishing (a crash, a restart). */
  error: string | null;
  requestedBy: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** A backup file in the backup folder. */
export interface BackupFile {
  name: string;
  bytes: number;
  createdAt: string;
}
