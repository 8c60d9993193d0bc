import { sql } from 'kysely';
import type { AppServices } from '../http/types.ts';
import { DEMO_SIZE } from './generator/generate.ts';
import { loadDataset } from './load.ts';

/** Fixed: every demo installation shows the same companies, so the manual's scenarios match. */
export const DEMO_SEED = 20_261_123;

/** Loads the demo data set once, into a database with no companies yet. */
export async function loadDemoIfFirstStart(
  services: AppServices,
  log: (message: string) => void,
): Promise<boolean> {
  const { dialect } = services;
  const marker = await dialect.db
    .selectFrom('app_setting')
    .select('value')
    .where('key', '=', 'demo_loaded')
    .executeTakeFirst();
  if (marker) return false;
  const existing = await sql<{ n: number }>`SELECT count(*) AS n FROM company`.execute(dialect.db);
  if (Number(existing.rows[0]?.n ?? 0) > 0) return false;
  log('Loading the demo data set…');
  await loadDataset(dialect, services.registry, {
    seed: DEMO_SEED,
    size: DEMO_SIZE,
    referenceDate: services.now().toISOString().slice(0, 10),
  });
  await dialect.db
    .insertInto('app_setting')
    .values({ key: 'demo_loaded', value: 'true', updated_at: services.now().toISOString() })
    .execute();
  log('Demo data loaded.');
  return true;
}
