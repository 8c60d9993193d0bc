import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { createCompany, type EnvGetter, readCompany } from '../../../../test/record-fixtures.ts';
import type { BulkUndo } from '../../records/bulk-undo.ts';

const URL = '/api/records/company/bulk';

interface BulkAnswer {
  count: number;
  updated: number;
  undo: BulkUndo[];
}

async function bulk(env: EnvGetter, body: unknown): Promise<BulkAnswer> {
  const response = await env().api('POST', URL, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<BulkAnswer>();
}

/** Sends every undo request back as it came, the way the web app's Undo button does. */
async function undo(env: EnvGetter, answer: BulkAnswer): Promise<void> {
  for (const request of answer.undo) {
    await bulk(env, { selection: { ids: request.ids }, action: request.action, versions: request.versions });
  }
}

describe.each(DIALECTS)('undoing a bulk action (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('puts back each record’s own previous value, and only where the action changed something', async () => {
    const a = await createCompany(env, { name: 'Undo A', city: 'Łódź' });
    const b = await createCompany(env, { name: 'Undo B', city: 'Győr' });
    const c = await createCompany(env, { name: 'Undo C', city: 'Kraków' });
    const done = await bulk(env, {
      selection: { ids: [a.id, b.id, c.id] },
      action: { type: 'update', field: 'city', value: 'Kraków' },
    });
    expect(done).toMatchObject({ count: 3, updated: 2 });
    // One request per previous value; C was already in Kraków and is left alone.
    expect(done.undo.map((request) => request.ids).sort()).toEqual([[a.id], [b.id]]);
    await undo(env, done);
    expect((await readCompany(env, a.id)).city).toBe('Łódź');
    expect((await readCompany(env, b.id)).city).toBe('Győr');
    expect((await readCompany(env, c.id)).city).toBe('Kraków');
  });

  it('restores what a bulk delete moved to the trash, and takes back a group change', async () => {
    const a = await createCompany(env, { name: 'Trash A' });
    const b = await createCompany(env, { name: 'Trash B' });
    const deleted = await bulk(env, { selection: { ids: [a.id, b.id] }, action: { type: 'delete' } });
    expect(deleted.undo).toEqual([
      { action: { type: 'restore' }, ids: [a.id, b.id], versions: expect.any(Object) },
    ]);
    await undo(env, deleted);
    expect((await env().api('GET', `/api/records/company/${a.id}`)).statusCode).toBe(200);
    expect((await env().api('GET', `/api/records/company/${b.id}`)).statusCode).toBe(200);

    const group = (await env().api('POST', '/api/records/company_group', { name: 'Undo group' })).json<{
      id: number;
    }>();
    const member = await createCompany(env, { name: 'Member already', groups: [group.id] });
    const added = await bulk(env, {
      selection: { ids: [a.id, member.id] },
      action: { type: 'addToGroup', field: 'groups', groupId: group.id },
    });
    expect(added.undo).toEqual([
      {
        action: { type: 'removeFromGroup', field: 'groups', groupId: group.id },
        ids: [a.id],
        versions: expect.any(Object),
      },
    ]);
    await undo(env, added);
    expect((await readCompany(env, a.id)).groups).toEqual([]);
    expect((await readCompany(env, member.id)).groups).toEqual([group.id]);
  });

  it('refuses an undo when someone changed one of the records since, and changes nothing', async () => {
    const a = await createCompany(env, { name: 'Race A', city: 'Opole' });
    const b = await createCompany(env, { name: 'Race B', city: 'Pécs' });
    const done = await bulk(env, {
      selection: { ids: [a.id, b.id] },
      action: { type: 'update', field: 'city', value: 'Szeged' },
    });
    const current = await readCompany(env, b.id);
    const edited = await env().api('PATCH', `/api/records/company/${b.id}`, {
      city: 'Debrecen',
      version: current.version,
    });
    expect(edited.statusCode).toBe(200);
    const [first, second] = done.undo;
    const forB = [first, second].find((request) => request?.ids.includes(b.id));
    const refused = await env().api('POST', URL, {
      selection: { ids: forB?.ids },
      action: forB?.action,
      versions: forB?.versions,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.ids).toEqual([b.id]);
    expect((await readCompany(env, b.id)).city).toBe('Debrecen');

    const withoutIds = await env().api('POST', URL, {
      selection: { filter: { field: 'city', op: 'eq', value: 'Szeged' } },
      action: { type: 'update', field: 'city', value: 'Opole' },
      versions: { [String(a.id)]: 1 },
    });
    expect(withoutIds.statusCode).toBe(400);
    expect((await readCompany(env, a.id)).city).toBe('Szeged');
  });
});
