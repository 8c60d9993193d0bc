import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/databases.ts';
import { testConfig } from '../../../../test/harness.ts';
import { openServices } from '../../runtime.ts';
import { loadDataset } from '../../seed/load.ts';

/** The hourly statistics refresh is what feeds the SQLite list planner on a growing database. */
describe('refreshStatistics (sqlite)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('analyses tables that have never been analysed, so the list planner has estimates', async () => {
    const services = await openServices(testConfig(database.config));
    try {
      await loadDataset(services.dialect, services.registry, {
        seed: 7,
        size: { companies: 3000, people: 0, employees: 5, companyGroups: 2, personGroups: 0 },
        referenceDate: '2026-11-23',
      });
      const db = services.dialect.db;
      /** The indexes of `company` that have statistics (none before the first ANALYZE). */
      const analysed = async (): Promise<string[]> => {
        const stats = await sql`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'`.execute(db);
        if (stats.rows.length === 0) return [];
        const rows = await sql<{ idx: string }>`SELECT idx FROM sqlite_stat1 WHERE tbl = 'company'`.execute(
          db,
        );
        return rows.rows.map((row) => row.idx);
      };
      expect(await analysed()).toEqual([]);
      await services.dialect.refreshStatistics();
      expect(await analysed()).toEqual(expect.arrayContaining(['company_sort_pl']));
    } finally {
      await services.dialect.close();
    }
  });
});
