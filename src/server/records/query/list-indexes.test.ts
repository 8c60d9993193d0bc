import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { everyPage, insertAndAnalyze, stamps } from '../../../../test/list-pages.ts';
import { compareForLocale } from '../../../shared/text/collation-key.ts';
import { systemActor } from '../../access/actor.ts';
import { listRecords } from '../reader.ts';

describe.each(DIALECTS)('lists sorted by a field with a list index (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('page in order both ways, blanks last, whether the planner walks the index or sorts', async () => {
    const { services } = env();
    const ctx = services.records;
    const actor = { ...systemActor('test'), locale: 'pl' as const };
    const cities = ['Łódź', 'Lublin', 'Żary', 'Zabrze', 'Ćmielów', 'Czersk', null];
    const rows = Array.from({ length: 1200 }, (_, i) => ({
      name: `Firma ${i}`,
      employee_count: i % 9 === 0 ? null : (i * 37) % 101,
      city: cities[i % cities.length] ?? null,
      ...stamps(),
    }));
    await insertAndAnalyze(services.dialect.db, 'company', rows);
    const ids = (await services.dialect.db.selectFrom('company').select(['id', 'name']).execute()).reduce(
      (byName, row) => byName.set(String(row.name), Number(row.id)),
      new Map<string, number>(),
    );
    const withIds = rows.map((row) => ({ ...row, id: ids.get(row.name) ?? 0 }));

    type Row = (typeof withIds)[number];
    const blanksLast =
      <T>(value: (row: Row) => T | null, compare: (a: T, b: T) => number, direction: 1 | -1) =>
      (a: Row, b: Row): number => {
        const [x, y] = [value(a), value(b)];
        if (x === null || y === null) return x === y ? (a.id - b.id) * direction : x === null ? 1 : -1;
        return compare(x, y) * direction || (a.id - b.id) * direction;
      };
    const cases = [
      {
        field: 'employee_count',
        order: (d: 1 | -1) =>
          blanksLast(
            (r) => r.employee_count,
            (a: number, b: number) => a - b,
            d,
          ),
      },
      {
        field: 'city',
        order: (d: 1 | -1) =>
          blanksLast(
            (r) => r.city,
            (a: string, b: string) => compareForLocale(a, b, 'pl'),
            d,
          ),
      },
    ];
    for (const { field, order } of cases) {
      for (const direction of ['asc', 'desc'] as const) {
        const expected = [...withIds].sort(order(direction === 'asc' ? 1 : -1)).map((r) => r.id);
        const seen = await everyPage(
          (request) => listRecords(ctx, actor, 'company', request),
          { sort: [{ field, direction }], fields: ['name'], limit: 100 },
          (item) => Number(item.id),
        );
        expect(seen, `${field} ${direction}`).toEqual(expected);
      }
    }
    // The filter fixes the sort's field: the rows go by id, the cursor still carries the city.
    for (const direction of ['asc', 'desc'] as const) {
      const lodz = withIds.filter((r) => r.city === 'Łódź').map((r) => r.id);
      const seen = await everyPage(
        (request) => listRecords(ctx, actor, 'company', request),
        {
          filter: { field: 'city', op: 'eq', value: 'Łódź' },
          sort: [{ field: 'city', direction }],
          fields: ['name'],
          limit: 30,
        },
        (item) => Number(item.id),
      );
      expect(seen).toEqual(direction === 'asc' ? lodz : [...lodz].reverse());
    }
  });
});
