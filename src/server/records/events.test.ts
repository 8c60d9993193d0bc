import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.ts';
import { useTestEnv } from '../../../test/harness.ts';
import type { RecordEvent } from './events.ts';

describe.each(DIALECTS)('outbox events and history (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('writes one event per committed change, with its client, and hands it to consumers after commit', async () => {
    const { api, services } = env();
    const seen: RecordEvent[] = [];
    services.records.events.consume({
      name: 'test.person-events',
      start: 'now',
      handle: async (events) => {
        seen.push(...events.filter((event) => event.object === 'person'));
      },
    });
    await services.records.events.kick();
    const company = (await api('POST', '/api/records/company', { name: 'Ördög Kft.' })).json();
    const person = (
      await api('POST', '/api/records/person', {
        first_name: 'Ádám',
        last_name: 'Ördög',
        company: company.id,
      })
    ).json();
    await api('PATCH', `/api/records/person/${person.id}`, { position: 'CEO', version: 1 });
    await api('DELETE', `/api/records/person/${person.id}`);
    await services.records.events.kick();
    expect(seen.map((e) => [e.recordId, e.type])).toEqual([
      [person.id, 'created'],
      [person.id, 'updated'],
      [person.id, 'deleted'],
    ]);
    expect(seen[1]?.payload).toEqual({ changes: [{ field: 'position', old: null, new: 'CEO' }] });
    expect(seen.every((e) => e.subject?.object === 'company' && e.subject.id === company.id)).toBe(true);
    const history = await services.dialect.db
      .selectFrom('record_history')
      .select(['subject_object', 'subject_id'])
      .where('object', '=', 'person')
      .where('record_id', '=', person.id)
      .execute();
    expect(history.length).toBeGreaterThan(0);
    expect(history.every((h) => h.subject_object === 'company' && Number(h.subject_id) === company.id)).toBe(
      true,
    );
  });

  it('writes neither history nor events for a rejected write', async () => {
    const { api, services } = env();
    const count = async (table: string) =>
      (await services.dialect.db.selectFrom(table).select('id').execute()).length;
    const before = [await count('outbox_event'), await count('record_history'), await count('company')];
    const rejected = await api('POST', '/api/records/company', { name: 'Valid', employee_count: 'many' });
    expect(rejected.statusCode).toBe(400);
    expect([await count('outbox_event'), await count('record_history'), await count('company')]).toEqual(
      before,
    );
  });

  it('records who changed which field, and membership changes, in the history', async () => {
    const { api } = env();
    const group = (await api('POST', '/api/records/person_group', { name: 'Christmas wishes' })).json();
    const person = (
      await api('POST', '/api/records/person', { first_name: 'Jan', last_name: 'Kowalski' })
    ).json();
    await api('PATCH', `/api/records/person/${person.id}`, {
      groups: [group.id],
      last_name: 'Nowak',
      version: 1,
    });
    const history = (await api('GET', `/api/records/person/${person.id}/history`)).json().items;
    const me = (await api('GET', '/api/auth/me')).json().user;
    expect(history.filter((h: { action: string }) => h.action === 'update')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'last_name',
          oldValue: 'Kowalski',
          newValue: 'Nowak',
          changedBy: me.id,
        }),
        expect.objectContaining({ field: 'groups', oldValue: [], newValue: [group.id] }),
      ]),
    );
  });

  it('publishes an OpenAPI 3.1 document with a schema per object', async () => {
    const { api } = env();
    const response = await api('GET', '/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/records/{object}/query',
        '/api/search',
        '/api/auth/login',
        '/api/health',
      ]),
    );
    expect(document.components.schemas.Company.properties.name).toMatchObject({
      type: 'string',
      maxLength: 200,
    });
    expect((await env().app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(401);
  });
});
