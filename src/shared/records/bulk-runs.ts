/** What `/api/bulk-runs` speaks, shared by the server and the list's bulk action dialog. */

/** `cancelled`: stopped by its author or an administrator; the batches done before stay done. */
export type BulkRunStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** A batch of a background bulk action that was refused as a whole (and left unchanged). */
export interface BulkRunFailure {
  /** The batch's first and last record id, and how many records it held. */
  fromId: number;
  toId: number;
  count: number;
  /** The refusal's HTTP status and code, as a single request would have been answered. */
  status: number;
  code: string;
  message: string;
}

/** A bulk action running in the background, batch by batch, with its progress and report. */
export interface BulkRun {
  id: number;
  object: string;
  status: BulkRunStatus;
  /** Records in the selection when it started; an estimate when `totalExact` is false. */
  total: number;
  totalExact: boolean;
  /** Records gone through so far (changed, already as asked, or in a refused batch). */
  processed: number;
  /** Records changed. */
  updated: number;
  /** Records in refused batches, left as they were. */
  failed: number;
  failures: BulkRunFailure[];
  /** Why the whole run stopped (a right taken away, a crash on every attempt); null otherwise. */
  error: string | null;
  requestedBy: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}
