import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteListPlanner } from './sqlite-planner.ts';

describe('SQLite list planner', async () => {
  const database = new Database(':memory:');
  database.exec(`
    CREATE TABLE company (id INTEGER PRIMARY KEY, name TEXT NOT NULL, industry_id INTEGER, tax_id TEXT, manager_id INTEGER);
    CREATE INDEX company_industry ON company (industry_id);
    CREATE INDEX company_tax ON company (tax_id);
    CREATE INDEX company_manager ON company (manager_id);
    CREATE INDEX company_sort_pl ON company (name);`);
  const insert = database.prepare(
    'INSERT INTO company (name, industry_id, tax_id, manager_id) VALUES (?, ?, ?, ?)',
  );
  database.transaction(() => {
    for (let i = 0; i < 6000; i += 1) insert.run(`Company ${i}`, i % 3, String(i), i % 50);
  })();
  database.exec('ANALYZE');
  const planner = new SqliteListPlanner(database);
  const accessOf = async (...args: Parameters<SqliteListPlanner['access']>) =>
    (await planner.access(...args)).access;

  it('walks the sort index when the equality filter matches many rows', async () => {
    expect(
      await accessOf('company', {
        sortIndex: 'company_sort_pl',
        equalities: [{ column: 'industry_id', values: 1 }],
      }),
    ).toEqual({ index: 'company_sort_pl' });
  });

  it('leaves a selective filter to SQLite', async () => {
    expect(
      await accessOf('company', {
        sortIndex: 'company_sort_pl',
        equalities: [
          { column: 'industry_id', values: 1 },
          { column: 'tax_id', values: 1 },
        ],
      }),
    ).toBeNull();
  });

  it('sorts the matches when two broad filters together are narrow (an industry of my clients)', async () => {
    const plan = (equalities: Array<{ column: string; values: number }>) =>
      accessOf('company', { sortIndex: 'company_sort_pl', equalities });
    // A third of the rows, then a fiftieth of those: 40 rows to sort beat walking 7,650.
    expect(
      await plan([
        { column: 'industry_id', values: 1 },
        { column: 'manager_id', values: 1 },
      ]),
    ).toBeNull();
    // Forty of fifty managers are most of the table again: walk.
    expect(
      await plan([
        { column: 'industry_id', values: 1 },
        { column: 'manager_id', values: 40 },
      ]),
    ).toEqual({ index: 'company_sort_pl' });
  });

  it('does nothing without a sort index or without an indexed equality', async () => {
    expect(
      await accessOf('company', {
        sortIndex: null,
        equalities: [{ column: 'industry_id', values: 1 }],
      }),
    ).toBeNull();
    expect(
      await accessOf('company', {
        sortIndex: 'company_sort_pl',
        equalities: [{ column: 'name', values: 1 }],
      }),
    ).toBeNull();
  });

  it('drives a narrow relation path from its index, and walks the sort index for a broad one', async () => {
    const counted: number[] = [];
    const driver = (ids: number) => ({
      column: 'manager_id',
      count: async (cap: number) => {
        counted.push(cap);
        return Math.min(ids, cap);
      },
    });
    // Two managers' companies (240 rows) are sorted; the manager index finds them.
    expect(
      await accessOf('company', {
        sortIndex: 'company_sort_pl',
        equalities: [],
        drivers: [driver(2)],
      }),
    ).toEqual({ index: 'company_manager' });
    // Forty managers: most of the table, walk the sort index.
    expect(
      await accessOf('company', {
        sortIndex: 'company_sort_pl',
        equalities: [],
        drivers: [driver(40)],
      }),
    ).toEqual({ index: 'company_sort_pl' });
    // The related side is counted only as far as the choice needs (a few hundred rows here).
    expect(counted.every((cap) => cap >= 100 && cap < 6000)).toBe(true);
    // An indexed equality narrower than the path: SQLite is left to use it.
    expect(
      await accessOf('company', {
        sortIndex: 'company_sort_pl',
        equalities: [{ column: 'tax_id', values: 1 }],
        drivers: [driver(2)],
      }),
    ).toBeNull();
  });

  it('looks rows up by id when a trigram index finds few, and walks the sort index when it finds many', async () => {
    const ids = (found: number) => ({ column: 'id', count: async (cap: number) => Math.min(found, cap) });
    expect(
      await accessOf('company', { sortIndex: 'company_sort_pl', equalities: [], drivers: [ids(30)] }),
    ).toEqual({ byId: true });
    expect(
      await accessOf('company', { sortIndex: 'company_sort_pl', equalities: [], drivers: [ids(3000)] }),
    ).toEqual({ index: 'company_sort_pl' });
  });

  it('walks with a fallback that sorts the matches through the narrowest condition', async () => {
    const planned = await planner.access('company', {
      sortIndex: 'company_sort_pl',
      equalities: [{ column: 'industry_id', values: 1 }],
    });
    expect(planned.access).toEqual({ index: 'company_sort_pl' });
    expect(planned.walk?.otherwise).toEqual({ index: 'company_industry' });
    expect(planned.walk?.rows).toBeGreaterThan(50);
  });
});
