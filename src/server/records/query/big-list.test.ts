import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { everyPage, insertAndAnalyze, stamps } from '../../../../test/list-pages.ts';
import { compareForLocale } from '../../../shared/text/collation-key.ts';
import { foldText } from '../../../shared/text/fold.ts';
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
      ...stamps(),
    }));
    await insertAndAnalyze(services.dialect.db, 'company', rows);

    const expected = rows
      .filter((r) => r.industry_id === industry.id)
      .map((r) => r.name)
      .sort((a, b) => compareForLocale(a, b, 'pl'));
    const seen = await everyPage(
      (request) => listRecords(ctx, actor, 'company', request),
      {
        filter: { field: 'industry', op: 'eq', value: industry.id },
        sort: [{ field: 'name', direction: 'asc' }],
        fields: ['name'],
        limit: 50,
      },
      (item) => String(item.name),
      150,
    );
    expect(seen).toEqual(expected.slice(0, 150));
  });

  it("lists people by their company's city, for a small town and a large one, in order", async () => {
    const { services } = env();
    const ctx = services.records;
    const actor = { ...systemActor('test'), locale: 'pl' as const };
    // 270 companies in one large city, 30 towns with one company each; ten people per company.
    const cities = Array.from({ length: 300 }, (_, i) => (i < 270 ? 'Warszawa' : `Gmina ${i}`));
    const companies = await services.dialect.db
      .insertInto('company')
      .values(cities.map((city, i) => ({ name: `Firma ${i}`, city, ...stamps() })))
      .returning(['id', 'city'])
      .execute();
    const surnames = ['Żak', 'Zając', 'Ćwik', 'Cichy', 'Łuk', 'Lis', 'Śliwa', 'Sowa', 'Nowak', 'Ołów'];
    const people = companies.flatMap((company, i) =>
      surnames.map((last_name, j) => ({
        first_name: `Osoba ${i}-${j}`,
        last_name,
        company_id: company.id,
        city: company.city,
        ...stamps(),
      })),
    );
    await insertAndAnalyze(
      services.dialect.db,
      'person',
      people.map(({ city: _city, ...person }) => person),
    );

    for (const city of ['Gmina 290', 'Warszawa']) {
      const expected = people
        .filter((p) => p.city === city)
        // Sorting by last name goes on by first name (the rest of the title sort).
        .sort(
          (a, b) =>
            compareForLocale(a.last_name, b.last_name, 'pl') ||
            compareForLocale(a.first_name, b.first_name, 'pl'),
        )
        .map((p) => `${p.last_name} ${p.first_name}`);
      const found = await everyPage(
        (request) => listRecords(ctx, actor, 'person', request),
        {
          filter: { field: 'company.city', op: 'eq', value: city },
          sort: [{ field: 'last_name', direction: 'asc' }],
          fields: ['last_name', 'first_name'],
          limit: 50,
        },
        (item) => ({ id: Number(item.id), name: `${item.last_name} ${item.first_name}` }),
        200,
      );
      const seen = found.map((item) => item.name);
      const ids = new Set(found.map((item) => item.id));
      expect(seen).toEqual(expected.slice(0, Math.max(seen.length, Math.min(200, expected.length))));
      expect(ids.size).toBe(seen.length);
    }
  });

  it('finds matches bunched at the end of the sort order, past the walk the planner expected', async () => {
    const { services } = env();
    const ctx = services.records;
    const actor = { ...systemActor('test'), locale: 'pl' as const };
    const [common, late] = await Promise.all(
      ['c', 'z'].map((code) =>
        createRecord(ctx, actor, 'dictionary_value', {
          dictionary: 'industry',
          code,
          label_en: code,
          label_pl: code,
          label_hu: code,
        }),
      ),
    );
    // One company in ten has the late industry — and every one of them a name from the end of
    // the alphabet: a walk of the name index meets them only after 2,700 others.
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      name: i % 10 === 0 ? `Żuraw ${String(i).padStart(4, '0')}` : `Firma ${String(i).padStart(4, '0')}`,
      industry_id: i % 10 === 0 ? late?.id : common?.id,
      ...stamps(),
    }));
    await insertAndAnalyze(services.dialect.db, 'company', rows);
    const expected = rows
      .filter((r) => r.industry_id === late?.id)
      .map((r) => r.name)
      .sort((a, b) => compareForLocale(a, b, 'pl'));
    const seen = await everyPage(
      (request) => listRecords(ctx, actor, 'company', request),
      {
        filter: { field: 'industry', op: 'eq', value: late?.id ?? 0 },
        sort: [{ field: 'name', direction: 'asc' }],
        fields: ['name'],
        limit: 100,
      },
      (item) => String(item.name),
    );
    expect(seen).toEqual(expected);
  });

  it('pages a "name contains" filter sorted by another field, the matches common or bunched late', async () => {
    const { services } = env();
    const ctx = services.records;
    const actor = { ...systemActor('test'), locale: 'pl' as const };
    const cities = ['Białystok', 'Częstochowa', 'Gdańsk', 'Kraków', 'Łódź', 'Opole', 'Poznań', 'Żyrardów'];
    // "kowal" in one name in four, spread over the cities; "żuraw" only in the last city, so
    // a walk of the city index meets those matches only at its end.
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const late = i % 40 === 0;
      return {
        name: late ? `Żuraw ${i}` : i % 4 === 1 ? `Kowalski ${i}` : `Firma ${i}`,
        city: late ? 'Żyrardów' : (cities[i % 7] ?? 'Opole'),
        ...stamps(),
      };
    });
    await insertAndAnalyze(services.dialect.db, 'company', rows);
    const byCity = (a: { name: string; city: string }, b: { name: string; city: string }) =>
      compareForLocale(a.city, b.city, 'pl') || Number(a.name.split(' ')[1]) - Number(b.name.split(' ')[1]);
    for (const [stem, wanted] of [
      ['KOWAL', 120],
      ['zuraw', 75],
    ] as const) {
      const expected = rows
        .filter((row) => foldText(row.name).includes(foldText(stem)))
        .sort(byCity)
        .map((row) => row.name);
      const seen = await everyPage(
        (request) => listRecords(ctx, actor, 'company', request),
        {
          filter: { field: 'name', op: 'contains', value: stem },
          sort: [{ field: 'city', direction: 'asc' }],
          fields: ['name', 'city'],
          limit: 25,
        },
        (item) => String(item.name),
        wanted,
      );
      expect(seen.slice(0, wanted), stem).toEqual(expected.slice(0, wanted));
    }
  });
});
