import { describe, expect, it } from 'vitest';
import { createAs } from '../../../../test/access-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { uniqueMobile } from '../../../../test/duplicate-fixtures.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { expectNothingChanged, history, merge, merged, record } from '../../../../test/merge-fixtures.ts';
import { adminId } from '../../../../test/record-fixtures.ts';
import { errors } from '../../errors.ts';

describe.each(DIALECTS)('POST /api/records/:object/merge (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  const group = (object: string, name: string) => createAs(env, object, { name });

  it('merges two companies: chosen values, people and children moved, memberships of both, the merged one in the trash', async () => {
    const [dealers, north, vip] = [
      await group('company_group', 'Dealers'),
      await group('company_group', 'North'),
      await group('company_group', 'VIP'),
    ];
    const keep = await createAs(env, 'company', {
      name: 'Kowalski Sp. z o.o.',
      city: 'Łódź',
      notes: 'kept notes',
      groups: [dealers, vip],
    });
    const mobile = uniqueMobile();
    const gone = await createAs(env, 'company', {
      name: 'KOWALSKI spółka z ograniczoną odpowiedzialnością',
      city: 'Lodz',
      email: 'biuro@kowalski.pl',
      notes: 'merged notes',
      groups: [dealers, north],
    });
    const anna = await createAs(env, 'person', { first_name: 'Anna', last_name: 'Nowak', company: gone });
    const jan = await createAs(env, 'person', { first_name: 'Jan', last_name: 'Lis', company: gone });
    const own = await createAs(env, 'person', { first_name: 'Ewa', last_name: 'Kept', company: keep });
    const phone = await createAs(env, 'company_phone', { company: gone, phone: mobile });
    const versions = { keep: (await record(env, 'company', keep)).version, gone: 1 };

    const result = await merged(env, 'company', {
      keepId: keep,
      mergeId: gone,
      values: { email: 'biuro@kowalski.pl', notes: 'merged notes' },
      keepVersion: versions.keep,
      mergeVersion: versions.gone,
    });
    expect(result.mergeId).toBeGreaterThan(0);
    expect(result.record).toMatchObject({
      id: keep,
      name: 'Kowalski Sp. z o.o.',
      city: 'Łódź',
      email: 'biuro@kowalski.pl',
      notes: 'merged notes',
      groups: [dealers, north, vip].sort((a, b) => a - b),
    });
    const me = await adminId(env);
    for (const person of [anna, jan]) {
      const moved = await record(env, 'person', person);
      expect(moved).toMatchObject({ company: keep, version: 2 });
      expect((await history(env, 'person', person))[0]).toMatchObject({
        action: 'update',
        field: 'company',
        oldValue: gone,
        newValue: keep,
        changedBy: me,
      });
    }
    expect((await record(env, 'person', own)).version).toBe(1);
    expect((await record(env, 'company_phone', phone)).company).toBe(keep);

    // The merged company is in the trash, its history readable and ending with the merge.
    expect((await env().api('GET', `/api/records/company/${gone}`)).statusCode).toBe(404);
    const goneHistory = await history(env, 'company', gone);
    expect(goneHistory.slice(0, 2).map((h) => h.action)).toEqual(['merge', 'delete']);
    expect(new Set(goneHistory.slice(2).map((h) => h.action))).toEqual(new Set(['create']));
    expect(goneHistory[0]).toMatchObject({ field: 'id', oldValue: gone, newValue: keep, changedBy: me });
    const keptHistory = await history(env, 'company', keep);
    expect(keptHistory[0]).toMatchObject({ action: 'merge', field: 'id', oldValue: gone, newValue: keep });
    expect(
      keptHistory
        .filter((h) => h.action === 'update')
        .map((h) => h.field)
        .sort(),
    ).toEqual(['email', 'groups', 'notes']);

    // Each membership once: the group both were in, plus one from each.
    const members = await env()
      .services.dialect.db.selectFrom('company_group_member')
      .select('group_id')
      .where('company_id', '=', keep)
      .orderBy('group_id')
      .execute();
    expect(members.map((m) => Number(m.group_id))).toEqual([dealers, north, vip].sort((a, b) => a - b));

    const log = await env().api('GET', '/api/merges?object=company');
    expect(log.json().items[0]).toMatchObject({
      id: result.mergeId,
      keptId: keep,
      keptTitle: 'Kowalski Sp. z o.o.',
      mergedId: gone,
      mergedTitle: 'KOWALSKI spółka z ograniczoną odpowiedzialnością',
      mergedBy: me,
      undoneAt: null,
    });
  });

  it('merges two people: memberships without duplicates, the kept name, the children moved', async () => {
    const firm = await createAs(env, 'company', { name: 'People Merge Firm' });
    const [mailing, xmas] = [await group('person_group', 'Mailing'), await group('person_group', 'Xmas')];
    const keep = await createAs(env, 'person', {
      first_name: 'István',
      last_name: 'Nagy',
      company: firm,
      groups: [mailing],
    });
    const gone = await createAs(env, 'person', {
      first_name: 'ISTVAN',
      last_name: 'nagy',
      company: firm,
      email: 'istvan.nagy@example.hu',
      groups: [mailing, xmas],
    });
    const result = await merged(env, 'person', {
      keepId: keep,
      mergeId: gone,
      values: { email: 'istvan.nagy@example.hu' },
    });
    expect(result.record).toMatchObject({
      first_name: 'István',
      email: 'istvan.nagy@example.hu',
      groups: [mailing, xmas].sort((a, b) => a - b),
    });
    expect((await env().api('GET', `/api/records/person/${gone}`)).statusCode).toBe(404);
  });

  it('clears a reference of the kept record to the merged one, and leaves other records in the trash alone', async () => {
    const keep = await createAs(env, 'company', { name: 'Trash Keep' });
    const gone = await createAs(env, 'company', { name: 'Trash Gone' });
    const trashed = await createAs(env, 'person', { first_name: 'In', last_name: 'Trash', company: gone });
    expect((await env().api('DELETE', `/api/records/person/${trashed}`)).statusCode).toBe(204);
    await merged(env, 'company', { keepId: keep, mergeId: gone });
    const row = await env()
      .services.dialect.db.selectFrom('person')
      .select(['company_id', 'version'])
      .where('id', '=', trashed)
      .executeTakeFirstOrThrow();
    expect({ company: Number(row.company_id), version: Number(row.version) }).toEqual({
      company: gone,
      version: 2,
    });
  });

  it('is one transaction: a refusal midway leaves everything as it was', async () => {
    const keep = await createAs(env, 'company', { name: 'Atomic Keep', notes: 'before' });
    const gone = await createAs(env, 'company', { name: 'Atomic Gone', email: 'atomic@gone.pl' });
    const first = await createAs(env, 'person', { first_name: 'First', last_name: 'Mover', company: gone });
    const second = await createAs(env, 'person', { first_name: 'Second', last_name: 'Mover', company: gone });
    // The second person's move is refused, after the first has moved and the kept record changed.
    const person = env().services.registry.get('person');
    if (!person) throw new Error('no person object');
    const refuse = async (_executor: unknown, id: number) => {
      if (id === second) throw errors.conflict('test: this person may not move');
    };
    person.invariants.push(refuse);
    try {
      await expectNothingChanged(env, async () => {
        const response = await merge(env, 'company', {
          keepId: keep,
          mergeId: gone,
          values: { notes: 'after', email: 'atomic@gone.pl' },
        });
        expect(response.statusCode, response.body).toBe(409);
        expect(response.json().error.message).toMatch(/may not move/);
      });
    } finally {
      person.invariants.splice(person.invariants.indexOf(refuse), 1);
    }
    expect(await record(env, 'company', keep)).toMatchObject({ notes: 'before', version: 1 });
    expect(await record(env, 'company', gone)).toMatchObject({ version: 1 });
    expect((await record(env, 'person', first)).company).toBe(gone);
  });
});
