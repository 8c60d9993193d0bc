import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.ts';
import { useTestDialect } from '../../../test/harness.ts';
import { FOLD_MAP, foldText } from '../../shared/text/fold.ts';

/** A small deterministic generator, so a failure names an input that can be replayed. */
function randomTexts(count: number, seed: number): string[] {
  const alphabet = [
    ..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,@-_/&'()+",
    ...FOLD_MAP.keys(),
    '\u0301',
    '\u0308',
    '\u0327',
  ];
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state;
  };
  return Array.from({ length: count }, () => {
    const length = 1 + (next() % 40);
    let text = '';
    for (let index = 0; index < length; index++) text += alphabet[next() % alphabet.length];
    return text;
  });
}

/**
 * The database's kt_fold (a frozen SQL expression on PostgreSQL, foldText itself on SQLite)
 * must fold exactly as foldText does: stored folded columns, their indexes and the filter
 * values folded in the application meet only if the two agree.
 */
describe.each(DIALECTS)('kt_fold in the database (%s)', (dialect) => {
  const getDialect = useTestDialect(dialect);

  it('agrees with foldText on ASCII, on every letter of the table and on mixed random text', async () => {
    const texts = [
      'Kowalski Sp. z o.o.',
      'JAN.KOWALSKI@EXAMPLE.COM',
      'Istanbul Irmak',
      'Łódź Żółć Gęślą Jaźń',
      'Győr ŐSZ Ünnep',
      'Straße Ærø Œuvre Þór',
      'Zoe\u0308 Lo\u0301dz',
      '',
      ...FOLD_MAP.keys(),
      ...randomTexts(500, 2026),
    ];
    const db = getDialect().db;
    const folded = new Map<string, string>();
    // SQLite allows at most 500 terms in one compound SELECT.
    for (let start = 0; start < texts.length; start += 200) {
      const chunk = texts.slice(start, start + 200);
      const rows = await sql<{
        value: string;
        folded: string;
      }>`SELECT t.value, kt_fold(t.value) AS folded FROM (${sql.join(
        chunk.map((text) => sql`SELECT ${text} AS value`),
        sql` UNION ALL `,
      )}) t`.execute(db);
      for (const row of rows.rows) folded.set(row.value, row.folded);
    }
    const mismatches = texts
      .map((text) => ({ text, database: folded.get(text), expected: foldText(text) }))
      .filter((row) => row.database !== row.expected);
    expect(mismatches).toEqual([]);
  });
});
