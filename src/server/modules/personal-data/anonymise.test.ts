import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createRole, type Grant } from '../../../../test/access-fixtures.ts';
import { buildWorld, type World } from '../../../../test/access-world.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { importFile } from '../../../../test/import-fixtures.ts';
import { personWorld, post } from '../../../../test/personal-data-fixtures.ts';
import { type ApiRecord, adminId, expectNothingWritten } from '../../../../test/record-fixtures.ts';
import { standardRegistry } from '../objects.ts';

const declared = () => standardRegistry().get('person')?.actions.includes('person.anonymise') ?? false;

describe.each(DIALECTS)('anonymising a person (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  const anonymise = (id: number, body: unknown, session?: Parameters<ReturnType<typeof env>['api']>[3]) =>
    env().api('POST', `/api/records/person/${id}/anonymise`, body, session);
  const db = () => env().services.dialect.db;
  const list = async (object: string, field: string, id: number, deleted?: 'only') => {
    const response = await env().api('POST', `/api/records/${object}/query`, {
      filter: { field, op: 'eq', value: id },
      sort: [{ field: 'id', direction: 'asc' }],
      deleted,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: ApiRecord[] }>().items;
  };
  /** Every stored text that could still hold the person's old values. */
  const storedTexts = async () => {
    const history = await db().selectFrom('record_history').select(['old_value', 'new_value']).execute();
    const events = await db().selectFrom('outbox_event').select(['payload']).execute();
    const search = await db().selectFrom('search_doc').selectAll().execute();
    return JSON.stringify([history, events.map((row) => String(JSON.stringify(row.payload))), search]);
  };

  it('blanks what identifies them, keeps links, counts and dates, and leaves no trace in history', async () => {
    const { person, company, consent, group } = await personWorld(env, 'anon');
    const trashed = await post(env, 'consent', {
      person: person.id,
      channel: consent.channel,
      recorded_at: '2026-11-03T09:00:00Z',
      source: 'Telefon',
      note: 'Dzwoniła Łucja Źdźbło-anon z domu',
    });
    expect((await env().api('DELETE', `/api/records/consent/${trashed.id}`)).statusCode).toBe(204);
    const before = await storedTexts();
    for (const secret of ['Źdźbło-anon', 'lucja.anon@example.pl', '48221234567', '1985-03-14', 'lubi kawę']) {
      expect(before).toContain(secret);
    }

    const response = await anonymise(person.id, { reason: 'Żądanie usunięcia danych z 2026-11-20 (#42)' });
    expect(response.statusCode, response.body).toBe(200);
    const after = response.json<ApiRecord>();
    expect(after).toMatchObject({
      first_name: 'Anonymised',
      last_name: `#${person.id}`,
      email: null,
      phone: null,
      mobile: null,
      birth_date: null,
      name_day: null,
      position: null,
      notes: null,
      company: company.id,
      groups: [group.id],
    });

    const consents = await list('consent', 'person', person.id);
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({
      source: 'Űrlap na stronie',
      recorded_at: '2026-11-01T10:00:00.000Z',
      given: true,
      note: null,
      text_version: null,
    });
    const inTrash = await list('consent', 'person', person.id, 'only');
    expect(inTrash.map((item) => [item.source, item.note])).toEqual([['Telefon', null]]);
    const employment = await list('person_employment', 'person', person.id);
    expect(employment).toHaveLength(2);
    expect(employment.map((item) => item.position)).toEqual([null, null]);
    expect(employment.every((item) => typeof item.started_on === 'string')).toBe(true);
    expect(employment.map((item) => item.company)).toContain(company.id);

    // Nothing of the old values is left: not in history, not in the outbox, not in search.
    const stored = await storedTexts();
    for (const secret of [
      'Łucja',
      'Źdźbło-anon',
      'zdzblo',
      'lucja.anon',
      '48221234567',
      '48601234567',
      '1985-03-14',
      'lubi kawę',
      'Główna księgowa',
      'Zgoda podpisana',
      'Dzwoniła',
    ]) {
      expect(stored, secret).not.toContain(secret);
    }
    const search = await env().api('GET', '/api/search?q=Źdźbło');
    expect(search.json<{ items: unknown[] }>().items).toEqual([]);

    // The history says who did it, when and why, and still who changed which field when.
    const history = (await env().api('GET', `/api/records/person/${person.id}/history?limit=500`)).json<{
      items: Array<{
        action: string;
        field: string | null;
        oldValue: unknown;
        newValue: unknown;
        changedBy: number | null;
      }>;
    }>().items;
    const admin = await adminId(env);
    expect(history[0]).toMatchObject({
      action: 'anonymise',
      field: null,
      newValue: { reason: 'Żądanie usunięcia danych z 2026-11-20 (#42)' },
      changedBy: admin,
    });
    expect(history).toContainEqual(
      expect.objectContaining({
        action: 'anonymise',
        field: 'last_name',
        oldValue: null,
        newValue: `#${person.id}`,
      }),
    );
    expect(history).toContainEqual(
      expect.objectContaining({
        action: 'update',
        field: 'email',
        oldValue: null,
        newValue: null,
        changedBy: admin,
      }),
    );
    expect(history).toContainEqual(
      expect.objectContaining({ action: 'update', field: 'company', newValue: company.id }),
    );
    const logged = await db()
      .selectFrom('security_event')
      .select(['account_id', 'details'])
      .where('kind', '=', 'anonymised')
      .execute();
    expect(logged).toHaveLength(1);
    const details = logged[0]?.details;
    expect(JSON.parse(typeof details === 'string' ? details : JSON.stringify(details))).toMatchObject({
      object: 'person',
      record: person.id,
      reason: 'Żądanie usunięcia danych z 2026-11-20 (#42)',
      related: { consent: 2, person_employment: 2 },
    });
    expect(Number(logged[0]?.account_id)).toBe(admin);

    // Irreversible, and said so the second time.
    await expectNothingWritten(env, async () => {
      expectError(await anonymise(person.id, { reason: 'again' }), 409, 'conflict', /already anonymised/);
    });
  });

  it('also blanks the duplicates merged into them, the merge log and the imported rows', async () => {
    const csv = (phone: string) =>
      `Imię;Nazwisko;E-mail;Telefon\r\nŁucja;Źdźbło-imp;lucja.imp@example.pl;${phone}\r\n`;
    const first = await importFile(env, 'osoby.csv', csv('+48 601 000 111'), { object: 'person' });
    expect(first.status).toMatchObject({ status: 'done', created: 1 });
    const [imported] = (
      await env().api('POST', '/api/records/person/query', {
        filter: { field: 'email', op: 'eq', value: 'lucja.imp@example.pl' },
      })
    ).json<{ items: ApiRecord[] }>().items;
    const id = Number(imported?.id);
    // The same file with a new phone updates the record: the import keeps the replaced value.
    const second = await importFile(env, 'osoby2.csv', csv('+48 601 000 222'), { object: 'person' });
    expect(second.status).toMatchObject({ status: 'done', updated: 1 });
    const duplicate = await post(env, 'person', {
      first_name: 'Lucja',
      last_name: 'Zdzblo-dup',
      email: 'lucja.dup@example.pl',
    });
    const merged = await env().api('POST', '/api/records/person/merge', {
      keepId: id,
      mergeId: duplicate.id,
      values: {},
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const kept = async () =>
      JSON.stringify([
        await db().selectFrom('record_merge').selectAll().execute(),
        await db().selectFrom('data_import_row').selectAll().execute(),
        await db().selectFrom('data_import_outcome').selectAll().execute(),
        await db().selectFrom('person').selectAll().where('id', 'in', [id, duplicate.id]).execute(),
      ]);
    const secrets = [
      'Źdźbło-imp',
      'lucja.imp',
      '601000111',
      '601 000 111',
      '601000222',
      'Zdzblo-dup',
      'lucja.dup',
    ];
    const before = await kept();
    for (const secret of secrets) expect(before, secret).toContain(secret);

    const response = await anonymise(id, { reason: 'Wniosek RODO' });
    expect(response.statusCode, response.body).toBe(200);
    const after = await kept();
    for (const secret of secrets) expect(after, secret).not.toContain(secret);
    const trashed = await db()
      .selectFrom('person')
      .select(['first_name', 'last_name', 'email', 'deleted_at'])
      .where('id', '=', duplicate.id)
      .executeTakeFirstOrThrow();
    expect(trashed).toMatchObject({ first_name: 'Anonymised', last_name: `#${duplicate.id}`, email: null });
    expect(trashed.deleted_at).not.toBeNull();
    // The counts of the imports stay.
    const imports = await db().selectFrom('data_import').select(['created', 'updated']).execute();
    expect(imports.map((row) => [Number(row.created), Number(row.updated)])).toEqual(
      expect.arrayContaining([
        [1, 0],
        [0, 1],
      ]),
    );
  });

  it('refuses a missing reason (400), an unknown person (404) and other objects (400), writing nothing', async () => {
    const { person, company } = await personWorld(env, 'bad');
    await expectNothingWritten(env, async () => {
      expectError(await anonymise(person.id, {}), 400, 'validation_failed', /reason/);
      expectError(await anonymise(person.id, { reason: '   ' }), 400, 'validation_failed', /reason/);
      expectError(await anonymise(person.id, { reason: 'x', extra: 1 }), 400, 'validation_failed');
      expectError(await anonymise(999_999, { reason: 'gone' }), 404, 'not_found');
      const onCompany = await env().api('POST', `/api/records/company/${company.id}/anonymise`, {
        reason: 'x',
      });
      expectError(onCompany, 400, 'bad_request', /people/);
    });
  });

  describe('rights', () => {
    let access: World;
    const own = (extra: Grant[]): Grant[] => [
      { object: 'person', right: 'read', scope: 'own' },
      { object: 'person', right: 'update', scope: 'own' },
      { object: 'person', right: 'delete', scope: 'own' },
      ...extra,
    ];
    beforeAll(async () => {
      access = await buildWorld(env);
    });

    it('is not implied by editing rights', async () => {
      const editor = await createAccount(env, [await createRole(env, own([]))], access.employees.me);
      const { person, company } = await personWorld(env, 'editor');
      const current = (await env().api('GET', `/api/records/company/${company.id}`)).json<ApiRecord>();
      await env().api('PATCH', `/api/records/company/${company.id}`, {
        account_manager: access.employees.me,
        version: current.version,
      });
      await expectNothingWritten(env, async () => {
        expectError(await anonymise(person.id, { reason: 'asked' }, editor.session), 403, 'forbidden');
      });
      const stranger = await personWorld(env, 'stranger');
      expectError(await anonymise(stranger.person.id, { reason: 'asked' }, editor.session), 404, 'not_found');
    });

    it.runIf(declared())('is granted as person.anonymise, within its scope', async () => {
      const grant: Grant = { object: 'person', right: 'person.anonymise', scope: 'own' };
      const officer = await createAccount(env, [await createRole(env, own([grant]))], access.employees.me);
      const { person, company } = await personWorld(env, 'officer');
      const current = (await env().api('GET', `/api/records/company/${company.id}`)).json<ApiRecord>();
      await env().api('PATCH', `/api/records/company/${company.id}`, {
        account_manager: access.employees.me,
        version: current.version,
      });
      const response = await anonymise(person.id, { reason: 'asked' }, officer.session);
      expect(response.statusCode, response.body).toBe(200);
      const other = await personWorld(env, 'other-officer');
      expectError(await anonymise(other.person.id, { reason: 'asked' }, officer.session), 404, 'not_found');
    });
  });
});
