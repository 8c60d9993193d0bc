import { describe, expect, it } from 'vitest';
import { createAs } from '../../../../test/access-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { expectNothingChanged, history, merged, record, undo } from '../../../../test/merge-fixtures.ts';

describe.each(DIALECTS)('POST /api/merges/:mergeId/undo (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  async function pair(label: string) {
    const group = await createAs(env, 'company_group', { name: `${label} group` });
    const other = await createAs(env, 'company_group', { name: `${label} other group` });
    const keep = await createAs(env, 'company', {
      name: `${label} Keep`,
      notes: 'kept notes',
      groups: [group],
    });
    const gone = await createAs(env, 'company', {
      name: `${label} Gone`,
      email: `${label.toLowerCase()}@gone.pl`,
      groups: [group, other],
    });
    const people = [
      await createAs(env, 'person', { first_name: 'One', last_name: label, company: gone }),
      await createAs(env, 'person', { first_name: 'Two', last_name: label, company: gone }),
    ];
    const stays = await createAs(env, 'person', { first_name: 'Stays', last_name: label, company: keep });
    return { keep, gone, people, stays, group, other };
  }

  it('restores the merged record, the kept values and exactly the moved references', async () => {
    const { keep, gone, people, stays, group, other } = await pair('Undo');
    const before = await record(env, 'company', keep);
    const { mergeId } = await merged(env, 'company', {
      keepId: keep,
      mergeId: gone,
      values: { notes: 'merged notes', email: 'undo@gone.pl' },
    });
    // Joined the kept company after the merge: stays with it.
    const newcomer = await createAs(env, 'person', { first_name: 'New', last_name: 'Comer', company: keep });

    const response = await undo(env, mergeId);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.skipped).toBe(0);
    expect(body.record).toMatchObject({ id: keep, notes: 'kept notes', email: null, groups: [group] });
    expect(body.restored).toMatchObject({
      id: gone,
      email: 'undo@gone.pl',
      groups: [group, other].sort((a, b) => a - b),
    });
    expect(await record(env, 'company', gone)).toMatchObject({ deleted_at: null });
    for (const person of people) expect((await record(env, 'person', person)).company).toBe(gone);
    expect((await record(env, 'person', stays)).company).toBe(keep);
    expect((await record(env, 'person', newcomer)).company).toBe(keep);
    const kept = await record(env, 'company', keep);
    expect({ notes: kept.notes, email: kept.email, groups: kept.groups }).toEqual({
      notes: before.notes,
      email: before.email,
      groups: before.groups,
    });

    // Both histories say so; the merge log too; a second undo is refused.
    for (const id of [keep, gone]) {
      expect((await history(env, 'company', id)).find((h) => h.action === 'unmerge')).toMatchObject({
        field: 'id',
        oldValue: keep,
        newValue: gone,
      });
    }
    const log = (await env().api('GET', '/api/merges?object=company')).json().items;
    expect(log.find((entry: { id: number }) => entry.id === mergeId).undoneAt).not.toBeNull();
    await expectNothingChanged(env, async () => {
      expectError(await undo(env, mergeId), 409, 'conflict', /undone already/);
    });
  });

  it('keeps later changes of other fields, and leaves references moved elsewhere since', async () => {
    const { keep, gone, people } = await pair('Later');
    const elsewhere = await createAs(env, 'company', { name: 'Elsewhere' });
    const { mergeId } = await merged(env, 'company', { keepId: keep, mergeId: gone, values: { notes: 'm' } });
    const kept = await record(env, 'company', keep);
    await env().api('PATCH', `/api/records/company/${keep}`, { employee_count: 12, version: kept.version });
    const moved = await record(env, 'person', people[0] ?? 0);
    await env().api('PATCH', `/api/records/person/${moved.id}`, {
      company: elsewhere,
      version: moved.version,
    });

    const response = await undo(env, mergeId);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().skipped).toBe(1);
    expect(await record(env, 'company', keep)).toMatchObject({ notes: 'kept notes', employee_count: 12 });
    expect((await record(env, 'person', people[0] ?? 0)).company).toBe(elsewhere);
    expect((await record(env, 'person', people[1] ?? 0)).company).toBe(gone);
  });

  it('refuses, writing nothing, when a field the merge set was changed since or the merged record is back', async () => {
    const first = await pair('Conflict');
    const one = await merged(env, 'company', {
      keepId: first.keep,
      mergeId: first.gone,
      values: { notes: 'from the merge' },
    });
    const kept = await record(env, 'company', first.keep);
    await env().api('PATCH', `/api/records/company/${first.keep}`, {
      notes: 'edited since',
      version: kept.version,
    });
    await expectNothingChanged(env, async () => {
      const error = expectError(await undo(env, one.mergeId), 409, 'conflict', /changed since/);
      expect(error.details).toEqual({ fields: ['notes'] });
    });

    const second = await pair('Restored');
    const two = await merged(env, 'company', { keepId: second.keep, mergeId: second.gone });
    expect((await env().api('POST', `/api/records/company/${second.gone}/restore`)).statusCode).toBe(200);
    await expectNothingChanged(env, async () => {
      expectError(await undo(env, two.mergeId), 409, 'conflict', /restored/);
    });

    const third = await pair('Trashed');
    const three = await merged(env, 'company', { keepId: third.keep, mergeId: third.gone });
    expect((await env().api('DELETE', `/api/records/company/${third.keep}`)).statusCode).toBe(204);
    await expectNothingChanged(env, async () => {
      expectError(await undo(env, three.mergeId), 409, 'conflict', /trash/);
    });
  });

  it('refuses unknown merges and bad ids', async () => {
    await expectNothingChanged(env, async () => {
      expectError(await undo(env, 999_999), 404, 'not_found');
      expectError(await env().api('POST', '/api/merges/abc/undo'), 400, 'bad_request');
    });
  });
});

describe.each(DIALECTS)('merge and undo of clients with addresses (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('keeps the chosen values although moved addresses are mirrored, and merges again after an undo', async () => {
    const keep = await createAs(env, 'company', { name: 'Addr Keep', city: 'Łódź', country: 'PL' });
    const gone = await createAs(env, 'company', {
      name: 'Addr Gone',
      city: 'Lodz',
      country: 'PL',
      email: 'a@b.pl',
    });
    const { mergeId } = await merged(env, 'company', {
      keepId: keep,
      mergeId: gone,
      values: { email: 'a@b.pl' },
    });
    expect(await record(env, 'company', keep)).toMatchObject({ city: 'Łódź', email: 'a@b.pl' });
    const response = await undo(env, mergeId);
    expect(response.statusCode, response.body).toBe(200);
    expect(await record(env, 'company', keep)).toMatchObject({ city: 'Łódź', email: null });
    expect(await record(env, 'company', gone)).toMatchObject({ city: 'Lodz', email: 'a@b.pl' });
    await merged(env, 'company', { keepId: keep, mergeId: gone });
  });
});
