import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { everyPage, stamps } from '../../../../test/list-pages.ts';
import { compareForLocale } from '../../../shared/text/collation-key.ts';
import { systemActor } from '../../access/actor.ts';
import { listRecords } from '../reader.ts';

describe.each(DIALECTS)('a list sorted by a reference read target by target (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('pages in title order with ties, blanks last both ways, and with a sparse filter', async () => {
    const { services } = env();
    const db = services.dialect.db;
    const ctx = services.records;
    const actor = { ...systemActor('test'), locale: 'pl' as const };
    // Two managers share one name (their companies are one group, by id); ids unlike the titles.
    const people = [
      ['Żaneta', 'Ziółko'],
      ['Adam', 'Łoś'],
      ['Łucja', 'Nowak'],
      ['Adam', 'Łoś'],
      ['Celina', 'Ćwik'],
      ['Ola', 'Kowal'],
    ];
    const managers = await db
      .insertInto('employee')
      .values(
        people.map(([first_name, last_name]) => ({
          first_name,
          last_name,
          active: services.dialect.encodeBoolean(true),
          ...stamps(),
        })),
      )
      .returning(['id', 'first_name', 'last_name'])
      .execute();
    const rows = Array.from({ length: 90 }, (_, i) => ({
      name: `Firma ${String(i).padStart(2, '0')}${i % 17 === 0 ? ' rzadka' : ''}`,
      account_manager_id: i % 7 === 6 ? null : Number(managers[(i * 5) % managers.length]?.id),
      ...stamps(),
    }));
    const inserted = await db
      .insertInto('company')
      .values(rows)
      .returning(['id', 'name', 'account_manager_id'])
      .execute();
    const title = (managerId: unknown) => {
      const manager = managers.find((m) => Number(m.id) === Number(managerId));
      return manager ? `${manager.first_name} ${manager.last_name}` : null;
    };
    const order = (direction: 1 | -1) => (a: (typeof inserted)[number], b: (typeof inserted)[number]) => {
      const [x, y] = [title(a.account_manager_id), title(b.account_manager_id)];
      if (x === null || y === null)
        return x === y ? (Number(a.id) - Number(b.id)) * direction : x === null ? 1 : -1;
      return (compareForLocale(x, y, 'pl') || Number(a.id) - Number(b.id)) * direction;
    };
    const pages = (direction: 'asc' | 'desc', filter?: unknown) =>
      everyPage(
        (request) => listRecords(ctx, actor, 'company', request),
        {
          sort: [{ field: 'account_manager', direction }],
          fields: ['name'],
          limit: 7,
          ...(filter ? { filter } : {}),
        },
        (item) => String(item.name),
      );
    for (const [direction, sign] of [
      ['asc', 1],
      ['desc', -1],
    ] as const) {
      expect(await pages(direction), direction).toEqual([...inserted].sort(order(sign)).map((r) => r.name));
    }
    // A filter leaving a row or two per manager: pages still in order.
    const sparse = inserted.filter((r) => String(r.name).endsWith('rzadka'));
    expect(await pages('asc', { field: 'name', op: 'contains', value: 'rzadka' })).toEqual(
      [...sparse].sort(order(1)).map((r) => r.name),
    );
  });
});
