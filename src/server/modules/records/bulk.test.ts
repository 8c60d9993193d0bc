import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import {
  type ApiRecord,
  adminId,
  createCompany,
  type EnvGetter,
  expectNothingWritten,
  readCompany,
} from '../../../../test/record-fixtures.ts';

const URL = '/api/records/company/bulk';
const inCity = (city: string) => ({ field: 'city', op: 'eq', value: city });

async function companiesIn(env: EnvGetter, city: string, names: string[]): Promise<ApiRecord[]> {
  const created: ApiRecord[] = [];
  for (const name of names) created.push(await createCompany(env, { name, city }));
  return created;
}

async function outboxEvents(env: EnvGetter, type: string): Promise<number> {
  const db = env().services.dialect.db;
  const row = await db
    .selectFrom('outbox_event')
    .select(db.fn.countAll().as('n'))
    .where('type', '=', type)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(DIALECTS)('POST /api/records/:object/bulk (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('sets one field on the selected ids through the writer: versions, history, updated_by, events', async () => {
    const { api } = env();
    const [a, b, c] = await companiesIn(env, 'Bulkville', ['Alfa', 'Beta', 'Gamma']);
    const ids = [a, b, c].map((r) => r?.id);
    const eventsBefore = await outboxEvents(env, 'updated');

    const dry = await api('POST', URL, {
      selection: { ids },
      action: { type: 'update', field: 'city', value: 'Kraków' },
      dryRun: true,
    });
    expect(dry.json()).toEqual({ count: 3, exact: true });
    expect((await readCompany(env, a?.id ?? 0)).city).toBe('Bulkville');

    const response = await api('POST', URL, {
      selection: { ids },
      action: { type: 'update', field: 'city', value: '  Kraków ' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ count: 3, updated: 3 });
    const me = await adminId(env);
    for (const id of ids) {
      const record = await readCompany(env, id ?? 0);
      expect(record).toMatchObject({ city: 'Kraków', version: 2, updated_by: me });
      const history = (await api('GET', `/api/records/company/${id}/history`)).json().items;
      expect(history[0]).toMatchObject({
        action: 'update',
        field: 'city',
        oldValue: 'Bulkville',
        newValue: 'Kraków',
      });
    }
    expect(await outboxEvents(env, 'updated')).toBe(eventsBefore + 3);

    // A record that already has the value is not touched again.
    const again = await api('POST', URL, {
      selection: { ids },
      action: { type: 'update', field: 'city', value: 'Kraków' },
    });
    expect(again.json()).toMatchObject({ count: 3, updated: 0 });
    expect((await readCompany(env, a?.id ?? 0)).version).toBe(2);
  });

  it('selects by filter and quick search minus the unticked rows', async () => {
    const { api } = env();
    const records = await companiesIn(env, 'Filterburg', [
      'Alpha North',
      'Alpha South',
      'Alpha East',
      'Beta',
    ]);
    const [one, two, three, other] = records;
    const selection = { filter: inCity('Filterburg'), q: 'alpha', exceptIds: [two?.id] };
    const dry = await api('POST', URL, {
      selection,
      action: { type: 'update', field: 'employee_count', value: 42 },
      dryRun: true,
    });
    expect(dry.json()).toEqual({ count: 2, exact: true });
    const done = await api('POST', URL, {
      selection,
      action: { type: 'update', field: 'employee_count', value: 42 },
    });
    expect(done.json()).toMatchObject({ count: 2, updated: 2 });
    expect((await readCompany(env, one?.id ?? 0)).employee_count).toBe(42);
    expect((await readCompany(env, three?.id ?? 0)).employee_count).toBe(42);
    expect((await readCompany(env, two?.id ?? 0)).employee_count).toBeNull();
    expect((await readCompany(env, other?.id ?? 0)).employee_count).toBeNull();
  });

  it('adds to and removes from a group, leaving members and non-members alone', async () => {
    const { api } = env();
    const group = (await api('POST', '/api/records/company_group', { name: 'Dealers' })).json();
    const keep = (await api('POST', '/api/records/company_group', { name: 'Keep' })).json();
    const [member, outsider] = await companiesIn(env, 'Groupville', ['Member', 'Outsider']);
    await api('PATCH', `/api/records/company/${member?.id}`, { groups: [keep.id, group.id], version: 1 });
    const selection = { filter: inCity('Groupville') };

    const added = await api('POST', URL, {
      selection,
      action: { type: 'addToGroup', field: 'groups', groupId: group.id },
    });
    expect(added.json()).toMatchObject({ count: 2, updated: 1 });
    expect((await readCompany(env, outsider?.id ?? 0)).groups).toEqual([group.id]);
    expect((await readCompany(env, member?.id ?? 0)).version).toBe(2);

    const removed = await api('POST', URL, {
      selection,
      action: { type: 'removeFromGroup', field: 'groups', groupId: group.id },
    });
    expect(removed.json()).toMatchObject({ count: 2, updated: 2 });
    expect((await readCompany(env, member?.id ?? 0)).groups).toEqual([keep.id]);
    expect((await readCompany(env, outsider?.id ?? 0)).groups).toEqual([]);
    const history = (await api('GET', `/api/records/company/${member?.id}/history`)).json().items;
    expect(history[0]).toMatchObject({
      field: 'groups',
      oldValue: [keep.id, group.id].sort((x, y) => x - y),
    });
  });

  it('moves the selection to the trash', async () => {
    const { api } = env();
    const [gone, stays] = await companiesIn(env, 'Trashville', ['Gone', 'Stays']);
    const deleted = await api('POST', URL, { selection: { ids: [gone?.id] }, action: { type: 'delete' } });
    expect(deleted.json()).toMatchObject({ count: 1, updated: 1 });
    expect((await api('GET', `/api/records/company/${gone?.id}`)).statusCode).toBe(404);
    expect((await readCompany(env, stays?.id ?? 0)).deleted_at).toBeNull();
    const trash = await api('POST', '/api/records/company/query', {
      filter: inCity('Trashville'),
      deleted: 'only',
    });
    expect(trash.json().items.map((r: ApiRecord) => r.id)).toEqual([gone?.id]);
    const history = (await api('GET', `/api/records/company/${gone?.id}/history`)).json().items;
    expect(history[0]).toMatchObject({ action: 'delete', changedBy: await adminId(env) });
  });

  it('restores marked records from the trash, and only records that are in it', async () => {
    const { api } = env();
    const [first, second, live] = await companiesIn(env, 'Restoreville', ['First', 'Second', 'Live']);
    await api('POST', URL, { selection: { ids: [first?.id, second?.id] }, action: { type: 'delete' } });
    // A live record is not in the trash: restoring it is refused and nothing is restored.
    expectError(
      await api('POST', URL, { selection: { ids: [first?.id, live?.id] }, action: { type: 'restore' } }),
      404,
      'not_found',
    );
    expect((await api('GET', `/api/records/company/${first?.id}`)).statusCode).toBe(404);
    const everything = { selection: { filter: inCity('Restoreville') }, action: { type: 'restore' } };
    expect((await api('POST', URL, { ...everything, dryRun: true })).json()).toEqual({
      count: 2,
      exact: true,
    });
    expect((await api('POST', URL, everything)).json()).toMatchObject({ count: 2, updated: 2 });
    expect((await readCompany(env, first?.id ?? 0)).deleted_at).toBeNull();
    expect((await readCompany(env, second?.id ?? 0)).deleted_at).toBeNull();
    const history = (await api('GET', `/api/records/company/${second?.id}/history`)).json().items;
    expect(history[0]).toMatchObject({ action: 'restore' });
  });

  it('refuses a bad action with 400 and writes nothing', async () => {
    const { api } = env();
    const [target] = await companiesIn(env, 'Refuseville', ['Refused']);
    const selection = { ids: [target?.id] };
    const refuse = async (action: unknown, code: string, message?: RegExp) =>
      expectNothingWritten(env, async () => {
        expectError(await api('POST', URL, { selection, action }), 400, code, message);
      });
    await refuse({ type: 'update', field: 'colour', value: 'red' }, 'validation_failed', /colour/);
    await refuse(
      { type: 'update', field: 'created_at', value: '2026-01-01T00:00:00Z' },
      'validation_failed',
      /read-only/,
    );
    await refuse({ type: 'update', field: 'version', value: 7 }, 'validation_failed', /read-only/);
    await refuse(
      { type: 'update', field: 'employee_count', value: 'many' },
      'validation_failed',
      /whole number/,
    );
    await refuse({ type: 'update', field: 'name', value: null }, 'validation_failed', /required/);
    await refuse({ type: 'update', field: 'industry', value: 999_999 }, 'validation_failed', /industry/);
    await refuse({ type: 'addToGroup', field: 'groups', groupId: 999_999 }, 'validation_failed', /999999/);
    await refuse({ type: 'removeFromGroup', field: 'city', groupId: 1 }, 'validation_failed', /membership/);
    await refuse({ type: 'rename' }, 'validation_failed');
    await refuse({ type: 'delete', field: 'city' }, 'validation_failed');
    await expectNothingWritten(env, async () => {
      expectError(
        await api('POST', URL, { selection: { ids: [target?.id], filter: {} }, action: { type: 'delete' } }),
        400,
        'validation_failed',
      );
      expectError(
        await api('POST', URL, {
          selection: { filter: { field: 'nope', op: 'eq', value: 1 } },
          action: { type: 'delete' },
        }),
        400,
        'bad_request',
        /nope/,
      );
      const missing = expectError(
        await api('POST', URL, { selection: { ids: [target?.id, 999_999] }, action: { type: 'delete' } }),
        404,
        'not_found',
      );
      expect(missing.details).toEqual({ ids: [999_999] });
    });
    expect((await readCompany(env, target?.id ?? 0)).version).toBe(1);
  });

  it('is all or nothing: a refusal at the second record rolls back the first', async () => {
    const { api } = env();
    const values = async (code: string) =>
      (
        await api('POST', '/api/records/dictionary_value', {
          dictionary: 'bulk_test',
          code,
          label_en: code,
          label_pl: code,
          label_hu: code,
        })
      ).json();
    const first = await values('first');
    const second = await values('second');
    await expectNothingWritten(env, async () => {
      // Both cannot have the same code in one dictionary: the second write is refused by the database.
      const clash = await api('POST', '/api/records/dictionary_value/bulk', {
        selection: { ids: [first.id, second.id] },
        action: { type: 'update', field: 'code', value: 'same' },
      });
      expectError(clash, 409, 'conflict');
    });
    const reread = await api('GET', `/api/records/dictionary_value/${first.id}`);
    expect(reread.json()).toMatchObject({ code: 'first', version: 1 });
  });
});
