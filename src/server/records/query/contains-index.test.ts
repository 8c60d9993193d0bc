import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { systemActor } from '../../access/actor.ts';
import { listRecords } from '../reader.ts';
import { createRecord, deleteRecord, restoreRecord, updateRecord } from '../writer.ts';

describe.each(DIALECTS)('contains through a trigram index (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('finds what the text holds, case and accents aside, and follows edits, the trash and restores', async () => {
    const { services } = env();
    const ctx = services.records;
    const actor = { ...systemActor('test'), locale: 'pl' as const };
    const names = ['Żabka Kowalski', 'KOWALSKA i syn', 'Nowak', 'Łódzka Kowalnia', 'Ko', 'Pan "Kow" sp.'];
    const made = [];
    for (const name of names) made.push(await createRecord(ctx, actor, 'company', { name }));
    const names_ = async (value: string) =>
      (
        await listRecords(ctx, actor, 'company', {
          filter: { field: 'name', op: 'contains', value },
          sort: [{ field: 'name', direction: 'asc' }],
          fields: ['name'],
        })
      ).items.map((item) => String(item.name));

    expect(await names_('kow')).toEqual([
      'KOWALSKA i syn',
      'Łódzka Kowalnia',
      'Pan "Kow" sp.',
      'Żabka Kowalski',
    ]);
    expect(await names_('ÓDZ')).toEqual(['Łódzka Kowalnia']);
    expect(await names_('"kow"')).toEqual(['Pan "Kow" sp.']);
    // Shorter than a trigram: the filter still holds, without the index.
    expect(await names_('ko')).toEqual([
      'Ko',
      'KOWALSKA i syn',
      'Łódzka Kowalnia',
      'Pan "Kow" sp.',
      'Żabka Kowalski',
    ]);

    const [zabka, kowalska, nowak] = made;
    if (!zabka || !kowalska || !nowak) throw new Error('not created');
    await updateRecord(ctx, actor, 'company', zabka.id, { name: 'Żabka', version: zabka.version });
    await updateRecord(ctx, actor, 'company', nowak.id, { name: 'Nowak i Kowal', version: nowak.version });
    await deleteRecord(ctx, actor, 'company', kowalska.id, kowalska.version as number);
    expect(await names_('kowal')).toEqual(['Łódzka Kowalnia', 'Nowak i Kowal']);
    await restoreRecord(ctx, actor, 'company', kowalska.id);
    expect(await names_('kowal')).toEqual(['KOWALSKA i syn', 'Łódzka Kowalnia', 'Nowak i Kowal']);
    // Negated, the filter is its complement whatever the index holds.
    const without = await listRecords(ctx, actor, 'company', {
      filter: { not: { field: 'name', op: 'contains', value: 'kowal' } },
      sort: [{ field: 'name', direction: 'asc' }],
      fields: ['name'],
    });
    expect(without.items.map((item) => item.name)).toEqual(['Ko', 'Pan "Kow" sp.', 'Żabka']);
  });
});
