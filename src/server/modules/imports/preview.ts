import type { Actor } from '../../access/actor.ts';
import type { AppServices } from '../../http/types.ts';
import { type Decision, decideBatch } from './decide.ts';
import { PREVIEW_ROWS } from './limits.ts';
import type { ImportPlan } from './mapping.ts';
import { ReferenceResolver } from './references.ts';
import { textContext } from './run-job.ts';
import { type ImportRecord, loadRows, type RowIssue } from './store.ts';

export interface PreviewRow {
  rowNumber: number;
  action: 'create' | 'update' | 'unchanged' | 'skip' | 'fail';
  recordId: number | null;
  /** Why a row is skipped: `exists_email`, `duplicate_in_file`, `already_imported`, `empty`… */
  reason: string | null;
  /** The fields an update would change: [stored, from the file]. */
  changes: Record<string, [unknown, unknown]> | null;
  issues: RowIssue[];
}

function previewOf(decision: Decision): PreviewRow {
  const base = { rowNumber: decision.row.rowNumber, recordId: null, reason: null, changes: null, issues: [] };
  switch (decision.kind) {
    case 'failed':
      return { ...base, action: 'fail', issues: decision.issues };
    case 'skipped':
      return { ...base, action: 'skip', recordId: decision.recordId, reason: decision.reason };
    case 'unchanged':
      return { ...base, action: 'unchanged', recordId: decision.recordId };
    case 'create':
      return { ...base, action: 'create' };
    case 'update':
      return { ...base, action: 'update', recordId: decision.recordId, changes: decision.changes };
  }
}

/**
 * What the first rows would do, decided exactly as the run decides (values, references,
 * duplicates, previous imports), without writing: the wizard's preview with per-row errors.
 * Rights and scope that only a write can show are left to the dry run.
 */
export async function previewImport(
  services: AppServices,
  actor: Actor,
  found: ImportRecord,
  plan: ImportPlan,
): Promise<PreviewRow[]> {
  const rows = await loadRows(services.dialect.db, found.id, 1, PREVIEW_ROWS);
  const decisions = await decideBatch(
    {
      ctx: services.records,
      actor,
      plan,
      importId: found.id,
      resolver: new ReferenceResolver(services.records, actor),
      text: textContext(actor, services.records.country),
      dryRun: true,
      checkCreates: true,
      seen: new Map(),
      relatedSeen: new Map(),
    },
    rows,
  );
  return decisions.map(previewOf);
}
