import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { useTestDialect } from '../../../../test/harness.ts';
import { FOLD_MAP } from '../../../shared/text/fold.ts';
import { companyNameKey, personNameKey } from '../../../shared/text/name-key.ts';
import * as frozen from '../../db/migrations/2026_11_27_0007_merges.ts';
import type { MigrationDb } from '../../db/migrations/ddl.ts';
import { DEMO_SEED } from '../../seed/demo.ts';
import { companies, people } from '../../seed/generator/generate.ts';

const SIZE = { companies: 3000, people: 3000, employees: 10, companyGroups: 3, personGroups: 3 };

/**
 * Migration 2026_11_27_0007 fills `name_key` of existing rows with a frozen copy of the key
 * functions; the engine computes it for every later write with the live ones. Were they to
 * differ, an old record and a new one of the same name would never be found as duplicates.
 */
describe('the migration computes name keys as the engine does', () => {
  it('agrees on generated names in every language and on every folded letter', () => {
    const names = [
      ...[...companies(DEMO_SEED, SIZE)].map((c) => c.name),
      ...[...FOLD_MAP.keys()].map((letter) => `${letter}rma ${letter} Sp. z o.o.`),
      'KOWALSKI spółka z ograniczoną odpowiedzialnością',
      'Szabó és Társa Nonprofit Kft. v.a.',
      'Acme GmbH & Co. KG',
      'Ǽsop ǅemal Ω 東京',
    ];
    for (const name of names) expect(frozen.companyNameKey(name), name).toBe(companyNameKey(name));
    for (const person of people(DEMO_SEED, SIZE)) {
      expect(frozen.personNameKey(person.first_name, person.last_name)).toBe(
        personNameKey(person.first_name, person.last_name),
      );
    }
  });
});

describe.each(DIALECTS)('name keys of existing rows (%s)', (dialect) => {
  const db = useTestDialect(dialect);

  it('fills the key of every company and person, in batches', async () => {
    const at = new Date().toISOString();
    const audit = { created_at: at, updated_at: at, version: 1 };
    const names = Array.from({ length: 1203 }, (_, i) => `Łódź ${i} Sp. z o.o.`);
    for (let start = 0; start < names.length; start += 400) {
      await db()
        .db.insertInto('company')
        .values(names.slice(start, start + 400).map((name) => ({ name, ...audit })))
        .execute();
    }
    await db()
      .db.insertInto('person')
      .values({ first_name: 'Zoltán', last_name: 'Kovács', ...audit })
      .execute();
    // Migrations see the database untyped (frozen in time); the dialect's handle is the same one.
    await frozen.fillNameKeys(db().db as unknown as MigrationDb);
    const rows = await db().db.selectFrom('company').select(['name', 'name_key']).orderBy('id').execute();
    expect(rows).toHaveLength(names.length);
    for (const row of rows) expect(row.name_key).toBe(companyNameKey(row.name));
    expect(rows[0]?.name_key).toBe('lodz0');
    const person = await db().db.selectFrom('person').select('name_key').executeTakeFirstOrThrow();
    expect(person.name_key).toBe('kovacs zoltan');
  });
});
