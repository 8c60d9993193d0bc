import { setImmediate as nextTurn } from 'node:timers/promises';
import { actorOfAccount } from '../../access/account-actor.ts';
import type { Actor } from '../../access/actor.ts';
import { AppError } from '../../errors.ts';
import type { AppServices } from '../../http/types.ts';
import type { JobContext } from '../../jobs/queue.ts';
import type { TextContext } from '../../metadata/field-types/module.ts';
import { decideBatch, type RunState } from './decide.ts';
import { BATCH_ROWS } from './limits.ts';
import { planImport } from './mapping.ts';
import { ReferenceResolver } from './references.ts';
import { loadImport, loadRows } from './store.ts';
import { Superseded, writeBatch } from './write-batch.ts';

export const RUN_JOB = 'imports.run';
export const RUN_ATTEMPTS = 3;

/** The currency of an amount written without one, by the installation's country. */
const CURRENCY_OF_COUNTRY: Record<string, string> = {
  PL: 'PLN',
  HU: 'HUF',
  GB: 'GBP',
  CZ: 'CZK',
  CH: 'CHF',
  US: 'USD',
};
const EURO_COUNTRIES = new Set([
  'AT',
  'BE',
  'HR',
  'CY',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PT',
  'SK',
  'SI',
  'ES',
]);

export function textContext(actor: Actor, country: string | undefined): TextContext {
  const code = country?.toUpperCase() ?? '';
  return {
    timeZone: actor.timeZone,
    currency: CURRENCY_OF_COUNTRY[code] ?? (EURO_COUNTRIES.has(code) ? 'EUR' : null),
  };
}

async function setStatus(services: AppServices, id: number, values: Record<string, unknown>): Promise<void> {
  await services.dialect.db.updateTable('data_import').set(values).where('id', '=', id).execute();
}

/**
 * The import job: the rows in batches of BATCH_ROWS, each decided, written in its own
 * transaction with its outcomes, and followed by a turn of the event loop. It resumes where the
 * last committed batch ended, so a retry after a crash neither repeats nor skips a row.
 */
export async function runImport(services: AppServices, importId: number, job: JobContext): Promise<void> {
  const found = await loadImport(services.dialect, importId);
  if (!found || (found.status !== 'queued' && found.status !== 'running')) return;
  const now = () => services.now().toISOString();
  if (found.status === 'queued')
    await setStatus(services, importId, { status: 'running', started_at: now() });
  try {
    const actor = await actorOfAccount(services.dialect, services.rights, found.createdBy);
    const plan = planImport(
      services.registry,
      actor,
      { object: found.object ?? '', mapping: found.mapping ?? {}, duplicates: found.duplicates ?? 'skip' },
      found.columns,
    );
    const state: RunState = {
      ctx: services.records,
      actor,
      plan,
      importId,
      resolver: new ReferenceResolver(services.records, actor),
      text: textContext(actor, services.records.country),
      dryRun: found.dryRun,
      checkCreates: false,
      seen: new Map(),
      relatedSeen: new Map(),
    };
    let processed = found.processed;
    for (;;) {
      const rows = await loadRows(services.dialect.db, importId, processed + 1, BATCH_ROWS);
      if (rows.length === 0) break;
      processed = await writeBatch(state, await decideBatch(state, rows), processed);
      // better-sqlite3 never yields by itself: let other requests in between batches.
      await nextTurn();
    }
    await setStatus(services, importId, { status: found.dryRun ? 'checked' : 'done', finished_at: now() });
  } catch (error) {
    if (error instanceof Superseded) return;
    if (error instanceof AppError || job.attempt >= RUN_ATTEMPTS) {
      const message = error instanceof Error ? error.message : String(error);
      await setStatus(services, importId, {
        status: 'failed',
        error: message.slice(0, 2000),
        finished_at: now(),
      });
      if (error instanceof AppError) return;
    }
    throw error;
  }
}
