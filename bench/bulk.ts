import { setTimeout as sleep } from 'node:timers/promises';
import type { BulkRun } from '../src/shared/records/bulk-runs.ts';
import type { BenchClient } from './http-client.ts';
import type { Measurement } from './load.ts';

/** Records a bulk action changes in the benchmark (issue 11 §6: 100,000 in at most 10 s). */
export const BULK_RECORDS = 100_000;

/**
 * One bulk update of the first BULK_RECORDS companies (by id, as a filter), timed from the
 * request to the background run's end as the web app follows it. Each run writes a new value,
 * so every record changes: versions, history rows, events and all.
 */
export async function measureBulkUpdate(
  client: BenchClient,
  companies: number,
): Promise<Measurement & { records: number }> {
  const records = Math.min(BULK_RECORDS, companies);
  const started = performance.now();
  const answer = (await client.ok('POST', '/api/records/company/bulk', {
    selection: { filter: { field: 'id', op: 'lte', value: records } },
    action: { type: 'update', field: 'website', value: `https://bulk-${Date.now()}.example` },
  })) as { run?: BulkRun; updated?: number };
  let run = answer.run;
  while (run && run.status !== 'done' && run.status !== 'failed') {
    await sleep(100);
    run = (await client.ok('GET', `/api/bulk-runs/${run.id}`)) as BulkRun;
  }
  const elapsed = performance.now() - started;
  if (run?.status === 'failed' || (run && run.updated !== records))
    throw new Error(`bulk update: ${JSON.stringify(run)}`);
  const ms = Number(elapsed.toFixed(0));
  return { count: 1, p50_ms: ms, p95_ms: ms, ops_per_s: Math.round((records / elapsed) * 1000), records };
}
