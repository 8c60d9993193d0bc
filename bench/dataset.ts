import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { type AppConfig, loadConfig } from '../src/server/config.ts';
import { openServices } from '../src/server/runtime.ts';
import { DEMO_SEED } from '../src/server/seed/demo.ts';
import type { DatasetSize } from '../src/server/seed/generator/generate.ts';
import { loadDataset } from '../src/server/seed/load.ts';
import { BUSY_ENTRIES, loadBusyClient } from './busy-client.ts';

export type BenchDialect = 'sqlite' | 'postgres';

/**
 * Client work for the first 78% of the companies: at the generator's mix that is about one case
 * (with 3.3 stages) and three activities per company, the 1M cases and 3M activities at
 * 1M companies, and about 1.1 notes per company.
 */
const WORK_SHARE = 0.78;

/** Tasks per company: the 100k tasks at 1M companies, in four registers, some about a client. */
const TASK_SHARE = 0.1;

export function benchSize(companies: number): DatasetSize {
  const work = Math.round(companies * WORK_SHARE);
  return {
    companies,
    people: companies * 2,
    employees: 50,
    companyGroups: 30,
    personGroups: 20,
    caseClients: work,
    activityClients: work,
    noteClients: work,
    tasks: Math.round(companies * TASK_SHARE),
  };
}

const MARKER = 'bench_dataset';
/**
 * Part of the marker: raised whenever what is built changes beyond the size (2: client work,
 * one history row per work record, the busy client; 3: task registers and tasks), so an older
 * data set is rebuilt.
 */
const DATASET_VERSION = 3;

/** Where the benchmark database of a given size lives; built once, reused by later runs. */
export function benchDatabase(
  dialect: BenchDialect,
  companies: number,
): AppConfig['database'] & { env: Record<string, string> } {
  if (dialect === 'sqlite') {
    const dir = path.resolve(import.meta.dirname, 'data', `sqlite-${companies}`);
    return { kind: 'sqlite', file: path.join(dir, 'kartoteka.db'), env: { KARTOTEKA_DATA: dir } };
  }
  const url = new URL(process.env.KARTOTEKA_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/kartoteka_bench_${companies}`;
  return { kind: 'postgres', url: url.toString(), env: { DATABASE_URL: url.toString() } };
}

async function recreatePostgres(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  target.pathname = '/postgres';
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
}

async function markerValue(config: AppConfig): Promise<string | null> {
  if (config.database.kind === 'sqlite' && !fs.existsSync(config.database.file)) return null;
  try {
    const services = await openServices(config);
    try {
      const row = await services.dialect.db
        .selectFrom('app_setting')
        .select('value')
        .where('key', '=', MARKER)
        .executeTakeFirst();
      return row ? String(row.value) : null;
    } finally {
      await services.dialect.close();
    }
  } catch {
    return null;
  }
}

/** Builds the data set unless a complete one of this size is already there. */
export async function ensureDataset(
  dialect: BenchDialect,
  companies: number,
  log: (line: string) => void,
): Promise<void> {
  const database = benchDatabase(dialect, companies);
  const config: AppConfig = { ...loadConfig({}), database, logLevel: 'silent' };
  const expected = JSON.stringify({ version: DATASET_VERSION, ...benchSize(companies) });
  if ((await markerValue(config)) === expected) {
    log(`${dialect}: reusing the data set of ${companies.toLocaleString('en')} companies`);
    return;
  }
  log(
    `${dialect}: building the data set of ${companies.toLocaleString('en')} companies (once; reused later)…`,
  );
  if (database.kind === 'sqlite') fs.rmSync(path.dirname(database.file), { recursive: true, force: true });
  else await recreatePostgres(database.url);
  const services = await openServices(config);
  const started = Date.now();
  try {
    await loadDataset(services.dialect, services.registry, {
      seed: DEMO_SEED,
      size: benchSize(companies),
      referenceDate: new Date().toISOString().slice(0, 10),
      batchSize: 1000,
      // One history row per case, stage, activity and note, not one per field: a tenth of the
      // rows, and the timeline does not read the creation rows of its own entries.
      workHistory: 'record',
      onProgress: (message) => log(`  ${dialect} ${message}`),
    });
    const busy = await loadBusyClient(services.dialect, services.registry, new Date().toISOString());
    log(`  ${dialect} busy client ${busy}: ${BUSY_ENTRIES.toLocaleString('en')} timeline entries`);
    // After a bulk load PostgreSQL also wants VACUUM: until hint bits and the visibility map
    // are set, the first reads of every page write it back, and searches pay for that.
    if (dialect === 'postgres') await sql`VACUUM (ANALYZE)`.execute(services.dialect.db);
    else await sql`ANALYZE`.execute(services.dialect.db);
    await services.dialect.db
      .insertInto('app_setting')
      .values({ key: MARKER, value: expected, updated_at: new Date().toISOString() })
      .execute();
  } finally {
    await services.dialect.close();
  }
  log(`${dialect}: data set built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
