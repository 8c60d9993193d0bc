import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { useTestDialect } from '../../../../test/harness.ts';
import { titleKey } from '../../db/dialects/dialect.ts';
import * as frozen from '../../db/migrations/2026_11_28_0002_search_title_key.ts';
import type { MigrationDb } from '../../db/migrations/ddl.ts';

/**
 * Migration 2026_11_28_0002 keys the titles already indexed and indexes the groups made before
 * groups were searchable, with frozen code; what it writes must rank and match as the engine's
 * own documents do.
 */
describe.each(DIALECTS)('search title keys of existing documents (%s)', (dialect) => {
  const db = useTestDialect(dialect);

  it('keys old titles in batches and indexes existing groups by name', async () => {
    const dialectDb = db();
    const titles = [
      ...Array.from({ length: 1203 }, (_, i) => `Łódź ${i} Sp. z o.o.`),
      'Kowalski Sp. z o.o.',
      'Ærø — Große Straße',
    ];
    await dialectDb.insertSearchDocuments(
      dialectDb.db,
      titles.map((title, index) => ({ object: 'company', recordId: index + 1, title, text: '' })),
    );
    // As before the migration: no keys.
    await sql`UPDATE search_doc SET title_key = ''`.execute(dialectDb.db);
    const at = new Date().toISOString();
    await dialectDb.db
      .insertInto('company_group')
      .values([
        { name: 'Dealerzy Mazowsze', kind: 'static', created_at: at, updated_at: at, version: 1 },
        { name: 'Old', kind: 'static', created_at: at, updated_at: at, version: 1, deleted_at: at },
      ])
      .execute();
    await dialectDb.db
      .insertInto('person_group')
      .values({ name: 'Życzenia świąteczne', kind: 'static', created_at: at, updated_at: at, version: 1 })
      .execute();

    const migrationDb = dialectDb.db as unknown as MigrationDb;
    await frozen.fillTitleKeys(migrationDb);
    await frozen.indexGroups(migrationDb);
    await frozen.indexGroups(migrationDb); // a second run adds nothing

    const rows = await dialectDb.db
      .selectFrom('search_doc')
      .select(['object', 'title', 'title_key'])
      .execute();
    for (const row of rows) expect(row.title_key, String(row.title)).toBe(titleKey(String(row.title)));
    expect(
      rows
        .filter((row) => row.object !== 'company')
        .map((row) => row.title)
        .sort(),
    ).toEqual(['Dealerzy Mazowsze', 'Życzenia świąteczne']);
    const request = { objects: ['company', 'company_group', 'person_group'], restriction: null, limit: 5 };
    const kowalski = await dialectDb.search({ ...request, tokens: ['kowalski', 'sp'], window: 1000 });
    expect(kowalski[0]).toMatchObject({ title: 'Kowalski Sp. z o.o.', match: 'prefix' });
    const wishes = await dialectDb.search({ ...request, tokens: ['swiat'], window: 1000 });
    expect(wishes).toEqual([expect.objectContaining({ object: 'person_group', match: 'word' })]);
    const dealers = await dialectDb.search({ ...request, tokens: ['dealerzy', 'mazowsze'], window: 1000 });
    expect(dealers).toEqual([expect.objectContaining({ object: 'company_group', match: 'exact' })]);
  });
});
