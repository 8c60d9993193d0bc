import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createRole, type Grant, type TestAccount } from '../../../../test/access-fixtures.ts';
import { buildWorld, type World } from '../../../../test/access-world.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { pdfText } from '../../../../test/pdf-text.ts';
import { type PersonWorld, personWorld, post } from '../../../../test/personal-data-fixtures.ts';
import { adminId } from '../../../../test/record-fixtures.ts';
import { standardRegistry } from '../objects.ts';
import type { PersonalData } from './collect.ts';

const declared = () => standardRegistry().get('person')?.actions.includes('person.personal_data') ?? false;

describe.each(DIALECTS)('personal data of a person (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  let world: PersonWorld;
  const exportOf = (id: number, query = 'format=json', session?: TestAccount['session']) =>
    env().api('GET', `/api/records/person/${id}/personal-data?${query}`, undefined, session);

  beforeAll(async () => {
    world = await personWorld(env, 'pd');
    const viewer = await createAccount(env, [
      await createRole(env, [{ object: 'person', right: 'read', scope: 'all' }]),
    ]);
    const share = await env().api('POST', `/api/records/person/${world.person.id}/shares`, {
      account: viewer.id,
      access: 'read',
    });
    expect(share.statusCode, share.body).toBe(201);
  });

  it('holds the person, what refers to them, their groups, history and shares', async () => {
    const response = await exportOf(world.person.id, 'format=json&locale=pl');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="lucja-zdzblo-pd-personal-data\.json"/,
    );
    const data = response.json<PersonalData>();
    expect(data.subject).toEqual({ object: 'person', id: world.person.id, title: 'Łucja Źdźbło-pd' });
    expect(data.record).toMatchObject({ email: 'l.zdzblo.pd@example.pl', birth_date: '1985-03-14' });
    expect(data.fields).toContainEqual({ key: 'birth_date', label: 'Data urodzenia' });
    expect(data.groups.map((group) => group.title)).toEqual(['Życzenia świąteczne pd']);

    const consents = data.related.find((section) => section.object === 'consent');
    expect(consents?.label).toBe('Zgody');
    expect(consents?.records.map((record) => record.source)).toEqual(['Űrlap na stronie']);
    const employment = data.related.find((section) => section.object === 'person_employment');
    expect(employment?.records.map((record) => record.company).sort()).toEqual(
      [world.company.id, expect.any(Number)].sort(),
    );
    expect(employment?.records).toHaveLength(2);

    const admin = await adminId(env);
    const emailChange = data.history.find((entry) => entry.field === 'email' && entry.action === 'update');
    expect(emailChange).toMatchObject({
      oldValue: 'lucja.pd@example.pl',
      newValue: 'l.zdzblo.pd@example.pl',
      fieldLabel: 'E-mail',
      changedBy: admin,
      changedByTitle: 'admin',
    });
    const move = data.history.find((entry) => entry.field === 'company' && entry.action === 'update');
    expect(move).toMatchObject({ newValue: world.company.id, newTitle: 'Győri Őrség Kft. pd' });
    expect(data.history.some((entry) => entry.action === 'create')).toBe(true);
    expect(data.shares).toHaveLength(1);
    expect(data.shares[0]).toMatchObject({ access: 'read', with: { object: 'user_account' } });

    const logged = await env()
      .services.dialect.db.selectFrom('security_event')
      .select(['account_id', 'details'])
      .where('kind', '=', 'personal_data_export')
      .execute();
    expect(logged.map((row) => Number(row.account_id))).toContain(admin);
  });

  it('writes a PDF a person can read, in their language, with Polish and Hungarian letters', async () => {
    const polish = await exportOf(world.person.id, 'format=pdf&locale=pl');
    expect(polish.statusCode, polish.body.slice(0, 200)).toBe(200);
    expect(polish.headers['content-type']).toBe('application/pdf');
    expect(polish.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(polish.rawPayload).replace(/\s+/g, ' ');
    for (const expected of [
      'Dane osobowe: Łucja Źdźbło-pd',
      'Data urodzenia',
      '14 marca 1985',
      'Główna księgowa',
      'Zgody (1)',
      'Űrlap na stronie',
      'Historia zmian',
      'Győri Őrség Kft. pd',
      'Życzenia świąteczne pd',
      '<script>alert("x")</script> lubi kawę',
      'Udostępnienia',
    ]) {
      expect(text).toContain(expected);
    }
    const hungarian = pdfText((await exportOf(world.person.id, 'format=pdf&locale=hu')).rawPayload);
    expect(hungarian.replace(/\s+/g, ' ')).toContain('Változások története');
    expect(hungarian).toContain('1985. március 14.');
  });

  it('answers 404 for an unknown person and 400 for an object that is not a person', async () => {
    expectError(await exportOf(999_999), 404, 'not_found');
    const company = await env().api('GET', `/api/records/company/${world.company.id}/personal-data`);
    expectError(company, 400, 'bad_request', /people/);
    expectError(await exportOf(world.person.id, 'format=docx'), 400, 'validation_failed');
  });

  describe('a reader with fewer rights', () => {
    let access: World;
    let reader: TestAccount;
    let noExport: TestAccount;
    let stranger: PersonWorld;
    const grants = (extra: Grant[]): Grant[] => [
      { object: 'person', right: 'read', scope: 'own' },
      { object: 'person_employment', right: 'read', scope: 'own' },
      { object: 'company', right: 'read', scope: 'own' },
      ...extra,
    ];
    const exportRight: Grant[] = declared()
      ? [{ object: 'person', right: 'person.personal_data', scope: 'own' }]
      : [{ object: 'person', right: 'export', scope: 'own' }];

    beforeAll(async () => {
      access = await buildWorld(env);
      const hidden = [{ object: 'person', field: 'notes', access: 'hidden' as const }];
      reader = await createAccount(
        env,
        [await createRole(env, grants(exportRight), hidden)],
        access.employees.me,
      );
      noExport = await createAccount(env, [await createRole(env, grants([]))], access.employees.me);
      await env().api('PATCH', `/api/records/company/${world.company.id}`, {
        account_manager: access.employees.me,
        version: (await env().api('GET', `/api/records/company/${world.company.id}`)).json<{
          version: number;
        }>().version,
      });
      stranger = await personWorld(env, 'other');
    });

    it('gets only what they may see: no consents, no hidden field, in record or history', async () => {
      const response = await exportOf(world.person.id, 'format=json', reader.session);
      expect(response.statusCode, response.body).toBe(200);
      const data = response.json<PersonalData>();
      expect(data.record).not.toHaveProperty('notes');
      expect(data.fields.map((field) => field.key)).not.toContain('notes');
      expect(data.history.some((entry) => entry.field === 'notes')).toBe(false);
      expect(data.related.map((section) => section.object)).not.toContain('consent');
      expect(data.related.find((section) => section.object === 'person_employment')?.records).toHaveLength(2);
      // Accounts are not theirs to read: the author stays an id.
      expect(data.history.every((entry) => entry.changedByTitle === null)).toBe(true);
      expect(JSON.stringify(data)).not.toContain('lubi kawę');
      const pdf = pdfText((await exportOf(world.person.id, 'format=pdf', reader.session)).rawPayload);
      expect(pdf).not.toContain('lubi kawę');
      expect(pdf).not.toContain('Űrlap');
    });

    it('is refused without the right, and told nothing of people outside their rows', async () => {
      expectError(await exportOf(world.person.id, 'format=json', noExport.session), 403, 'forbidden');
      expectError(await exportOf(stranger.person.id, 'format=json', reader.session), 404, 'not_found');
    });
  });

  it('includes records of the person that are in the trash', async () => {
    const consent = await post(env, 'consent', {
      person: world.person.id,
      channel: world.consent.channel,
      recorded_at: '2026-11-02T10:00:00Z',
      source: 'Papier',
    });
    const removed = await env().api('DELETE', `/api/records/consent/${consent.id}`);
    expect(removed.statusCode).toBe(204);
    const data = (await exportOf(world.person.id)).json<PersonalData>();
    const consents = data.related.find((section) => section.object === 'consent')?.records ?? [];
    expect(consents.map((record) => [record.source, record.deleted_at !== null])).toEqual([
      ['Űrlap na stronie', false],
      ['Papier', true],
    ]);
  });
});
