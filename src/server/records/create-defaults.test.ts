import { describe, expect, it } from 'vitest';
import { createAccount, createAs, createRole, grantsOn } from '../../../test/access-fixtures.ts';
import { dictionaryId, expectNothingWritten, post } from '../../../test/case-fixtures.ts';
import { DIALECTS } from '../../../test/databases.ts';
import { expectError } from '../../../test/errors.ts';
import { type Session, useTestEnv } from '../../../test/harness.ts';
import { createCompany } from '../../../test/record-fixtures.ts';

// Half past midnight in Warsaw is still the evening before in New York.
const NOW = new Date('2026-11-27T23:30:00Z');

describe.each(DIALECTS)('what a new record starts with (%s)', (dialect) => {
  const env = useTestEnv(dialect, { now: () => NOW });
  const defaults = async (object: string, session?: Session) => {
    const response = await env().api('GET', `/api/records/${object}/defaults`, undefined, session);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ values: Record<string, unknown> }>().values;
  };
  const setActive = async (id: number, active: boolean) => {
    const current = await env().api('GET', `/api/records/dictionary_value/${id}`);
    const version = current.json<{ version: number }>().version;
    const response = await env().api('PATCH', `/api/records/dictionary_value/${id}`, { active, version });
    expect(response.statusCode, response.body).toBe(200);
  };

  it('opens a case as open, today where its writer is, when the writer leaves both out; the form is told so first', async () => {
    const open = await dictionaryId(env, 'case_status', 'open');
    // The administrator works in the installation's zone (Warsaw): already the 28th.
    expect(await defaults('case')).toMatchObject({ status: open, opened_on: '2026-11-28' });
    // A constant default (an activity is planned) and a boolean's false come along.
    expect(await defaults('activity')).toMatchObject({ status: 'planned', all_day: false });

    const role = await createRole(
      env,
      grantsOn(env, 'all', ['company', 'case', 'case_stage', 'activity', 'employee', 'person']),
    );
    const employee = await createAs(env, 'employee', { first_name: 'Tomasz', last_name: 'Podróżny' });
    const traveller = await createAccount(env, [role], employee);
    await env()
      .services.dialect.db.updateTable('user_account')
      .set({ time_zone: 'America/New_York' })
      .where('id', '=', traveller.id)
      .execute();
    // Led by whoever opens it, unless they name someone.
    expect(await defaults('case', traveller.session)).toMatchObject({
      status: open,
      opened_on: '2026-11-27',
      lead: employee,
    });
    // The administrator has no employee: no lead to suggest.
    expect(await defaults('case')).not.toHaveProperty('lead');
    const company = await createCompany(env, { name: 'Domyślna Sp. z o.o.' });
    const created = await post(env, 'case', { topic: 'Bez statusu', company: company.id }, traveller.session);
    expect(created).toMatchObject({ status: open, opened_on: '2026-11-27', lead: employee });
    // A stage is now, by its writer; an activity is organised by whoever plans it.
    const stage = await post(env, 'case_stage', { case: created.id, note: 'Zadzwonił' }, traveller.session);
    expect(stage).toMatchObject({ at: NOW.toISOString(), by: employee });
    const activity = await post(
      env,
      'activity',
      { title: 'Spotkanie', company: company.id, starts_at: '2026-12-01T09:00:00.000Z' },
      traveller.session,
    );
    expect(activity).toMatchObject({ organiser: employee, status: 'planned' });
    // What the writer gives wins over any default.
    const waiting = await dictionaryId(env, 'case_status', 'waiting');
    expect(
      await post(env, 'case', {
        topic: 'Ze statusem',
        company: company.id,
        status: waiting,
        opened_on: '2026-11-01',
      }),
    ).toMatchObject({ status: waiting, opened_on: '2026-11-01' });
  });

  it('gives no default for a code whose value is inactive: the field is required again, and nothing is written', async () => {
    const open = await dictionaryId(env, 'case_status', 'open');
    const company = await createCompany(env, { name: 'Nieaktywna Sp. z o.o.' });
    await setActive(open, false);
    try {
      expect(await defaults('case')).not.toHaveProperty('status');
      await expectNothingWritten(env, async () => {
        const response = await env().api('POST', '/api/records/case', {
          topic: 'Bez statusu',
          company: company.id,
        });
        const error = expectError(response, 400, 'validation_failed');
        expect((error.details as { fields: unknown[] }).fields).toContainEqual(
          expect.objectContaining({ field: 'status', code: 'required' }),
        );
      });
    } finally {
      await setActive(open, true);
    }
  });

  it('answers only those who may create the object, and names an unknown object', async () => {
    const readers = await createRole(env, [{ object: 'case', right: 'read', scope: 'all' }]);
    const reader = await createAccount(env, [readers]);
    expectError(
      await env().api('GET', '/api/records/case/defaults', undefined, reader.session),
      403,
      'forbidden',
    );
    expectError(await env().api('GET', '/api/records/no_such_thing/defaults'), 404, 'not_found');
  });
});
