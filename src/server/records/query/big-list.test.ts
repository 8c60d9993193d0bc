import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { compareForLocale } from '../../../shared/text/collation-key.ts';
import { systemActor } from '../../access/actor.ts';
import { listRecords } from '../reader.ts';
import { createRecord } from '../writer.ts';

describe.each(DIALECTS)('a filtered list over many rows pages in the reader alphabet (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('returns the same order and pages whichever index the planner walks', async () => {
    const { services } = env();
    const ctx = services.records;
    const actor = { ...systemActor('test'), locale: 'pl' as const };
    const industry = await createRecord(ctx, actor, 'dictionary_value', {
      dictionary: 'industry',
      code: 'x',
      label_en: 'X',
      label_pl: 'X',
      label_hu: 'X',
    });
    const other = await createRecord(ctx, actor, 'dictionary_value', {
      dictionary: 'industry',
      code: 'y',
      label_en: 'Y',
      label_pl: 'Y',
      label_hu: 'Y',
    });
    const at = new Date().toISOString();
    const stems = [
      'Łódź',
      'Lublin',
      'Mława',
      'Ćmielów',
      'Czersk',
      'Żary',
      'Zabrze',
      'Źródła',
      'Opole',
      'Ósemka',
    ];
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      name: `${stems[i % stems.length]} ${String(i).padStart(4, '0')}`,
      industry_id: i % 3 === 0 ? other.id : industry.id,
      created_at: at,
      updated_at: at,
      version: 1,
    }));
    for (let i = 0; i < rows.length; i += 500)
      await services.dialect.db
        .insertInto('company')
        .values(rows.slice(i, i + 500))
        .execute();
    await sql`ANALYZE`.execute(services.dialect.db);

    const expected = rows
      .filter((r) => r.industry_id === industry.id)
      .map((r) => r.name)
      .sort((a, b) => compareForLocale(a, b, 'pl'));
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 3; page += 1) {
      const result = await listRecords(ctx, actor, 'company', {
        filter: { field: 'industry', op: 'eq', value: industry.id },
        sort: [{ field: 'name', direction: 'asc' }],
        fields: ['name'],
        limit: 50,
        cursor,
      });
      seen.push(...result.items.map((r) => String(r.name)));
      cursor = result.nextCursor;
    }
    expect(seen).toEqual(expected.slice(0, 150));
  });
});
