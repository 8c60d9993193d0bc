import type { AppServices } from '../../http/types.ts';
import { RUN_JOB, runImport } from './run-job.ts';
import { UNDO_JOB, undoImport } from './undo.ts';

function importIdOf(payload: unknown): number {
  const id = (payload as { importId?: unknown } | null)?.importId;
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) throw new Error('import job without an importId');
  return id;
}

/** The import wizard's background work: running an import (or its dry run) and undoing one. */
export function registerImportJobs(services: AppServices): void {
  services.jobs.register(RUN_JOB, (payload, context) => runImport(services, importIdOf(payload), context));
  services.jobs.register(UNDO_JOB, (payload, context) => undoImport(services, importIdOf(payload), context));
}
