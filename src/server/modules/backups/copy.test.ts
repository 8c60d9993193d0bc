import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../../test/databases.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { searchTokens } from '../../../shared/text/fold.ts';
import { openDatabase } from '../../db/database.ts';
import type { Dialect } from '../../db/dialects/dialect.ts';
import { loadDemoIfFirstStart } from '../../seed/demo.ts';
import { standardRegistry } from '../objects.ts';
import { copyDatabase, type TableCopy } from './copy.ts';

/** The move the README describes: from the embedded database to PostgreSQL. */
describe.each(DIALECTS.filter((dialect) => dialect === 'postgres'))('copy from SQLite to %s', (dialect) => {
  const env = useTestEnv('sqlite');
  let database: TestDatabase;
  let target: Dialect;
  let copied: TableCopy[] = [];
  beforeAll(async () => {
    await loadDemoIfFirstStart(env().services, () => {});
    await env().services.records.events.kick();
    database = await createTestDatabase(dialect);
    target = openDatabase(database.config);
    copied = await copyDatabase({ source: env().services.dialect, target, registry: standardRegistry() });
  }, 300_000);
  afterAll(async () => {
    await target?.close();
    await database?.drop();
  });

  it('copies every table with its ids, row for row, checked by count and checksum', async () => {
    const companies = copied.find((table) => table.table === 'company');
    expect(companies?.rows).toBeGreaterThan(100);
    for (const table of [
      'person',
      'client_case',
      'activity',
      'task',
      'booking',
      'activity_employee',
      'user_account',
    ])
      expect(copied.map((copy) => copy.table)).toContain(table);
    const source = await env()
      .services.dialect.db.selectFrom('company')
      .select(['id', 'name'])
      .orderBy('id')
      .execute();
    const moved = await target.db.selectFrom('company').select(['id', 'name']).orderBy('id').execute();
    expect(moved.map((row) => [Number(row.id), row.name])).toEqual(
      source.map((row) => [Number(row.id), row.name]),
    );
  });

  it('leaves PostgreSQL ready to serve: new ids after the copied ones, the search index rebuilt', async () => {
    const largest = await target.db
      .selectFrom('company')
      .select((eb) => eb.fn.max<number>('id').as('id'))
      .executeTakeFirstOrThrow();
    const added = await target.db
      .insertInto('company')
      .values({
        name: 'Po przeprowadzce',
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(Number(added.id)).toBe(Number(largest.id) + 1);

    const someone = await env()
      .services.dialect.db.selectFrom('company')
      .select(['id', 'name'])
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const tokens = searchTokens(String(someone.name));
    const hits = await target.search({
      tokens,
      objects: ['company'],
      restriction: null,
      limit: 50,
      window: null,
    });
    expect(hits.map((hit) => hit.recordId)).toContain(Number(someone.id));
  });

  it('refuses a target that already holds data, changing nothing', async () => {
    await expect(
      copyDatabase({ source: env().services.dialect, target, registry: standardRegistry() }),
    ).rejects.toThrow(/already holds data/);
  });
});
