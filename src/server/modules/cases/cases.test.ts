import { describe, expect, it } from 'vitest';
import { createAccount, createAs, createRole } from '../../../../test/access-fixtures.ts';
import { dictionaryId, expectNothingWritten, post, read } from '../../../../test/case-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { type ApiRecord, createCompany, type ListBody } from '../../../../test/record-fixtures.ts';
import { todayIn } from '../../../shared/filter/relative-dates.ts';
import { DEFAULT_TIME_ZONE } from '../../access/actor.ts';

describe.each(DIALECTS)('cases (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  const status = (code: string) => dictionaryId(env, 'case_status', code);
  const nextAction = (code: string) => dictionaryId(env, 'next_action_type', code);
  const patch = (id: number, body: Record<string, unknown>) =>
    env().api('PATCH', `/api/records/case/${id}`, body);
  const stage = (caseId: number, at: string, next?: { type: number; date: string }) =>
    env().api('POST', '/api/records/case_stage', {
      case: caseId,
      at,
      note: `stage at ${at}`,
      ...(next ? { next_action_type: next.type, next_action_date: next.date } : {}),
    });

  it('follows a case from opening to closing: stages set its next action, a closed case takes none until reopened', async () => {
    const company = await createCompany(env, { name: 'Sprawowo' });
    const opened = await post(env, 'case', {
      topic: 'Dostawa regałów',
      company: company.id,
      status: await status('open'),
    });
    // The opening day comes by itself.
    expect(opened).toMatchObject({ opened_on: todayIn(DEFAULT_TIME_ZONE), closed_on: null });
    const call = await nextAction('call');
    const offer = await nextAction('offer');
    const created = await env().api('POST', '/api/records/case_stage', {
      case: opened.id,
      at: '2026-11-20T10:00:00.000Z',
      kind: await dictionaryId(env, 'case_stage_kind', 'call'),
      next_action_type: call,
      next_action_date: '2026-11-25',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(await read(env, 'case', opened.id)).toMatchObject({
      next_action_type: call,
      next_action_date: '2026-11-25',
    });
    // A newer stage moves the next action; an older one typed in later does not.
    expect(
      (await stage(opened.id, '2026-11-22T09:00:00.000Z', { type: offer, date: '2026-11-30' })).statusCode,
    ).toBe(201);
    expect(
      (await stage(opened.id, '2026-11-21T09:00:00.000Z', { type: call, date: '2026-12-01' })).statusCode,
    ).toBe(201);
    // A newest stage that names no next action leaves the case's as it is.
    expect((await stage(opened.id, '2026-11-23T09:00:00.000Z')).statusCode).toBe(201);
    const open = await read(env, 'case', opened.id);
    expect(open).toMatchObject({ next_action_type: offer, next_action_date: '2026-11-30' });
    const stages = (
      await env().api('POST', '/api/records/case_stage/query', {
        filter: { field: 'case', op: 'eq', value: opened.id },
      })
    ).json<ListBody>().items;
    expect(stages.map((s) => s.at)).toEqual([
      '2026-11-23T09:00:00.000Z',
      '2026-11-22T09:00:00.000Z',
      '2026-11-21T09:00:00.000Z',
      '2026-11-20T10:00:00.000Z',
    ]);

    // Closing stamps the closing day.
    const closing = await patch(opened.id, {
      status: await status('closed_won'),
      result: 'Umowa podpisana',
      version: open.version,
    });
    expect(closing.statusCode, closing.body).toBe(200);
    const closed = closing.json<ApiRecord>();
    expect(closed).toMatchObject({ closed_on: todayIn(DEFAULT_TIME_ZONE), result: 'Umowa podpisana' });

    await expectNothingWritten(env, async () => {
      const refused = await stage(opened.id, '2026-11-24T09:00:00.000Z', { type: call, date: '2026-12-05' });
      expectError(refused, 400, 'validation_failed', /case .*closed.*reopen/);
    });
    expect((await read(env, 'case', opened.id)).version).toBe(closed.version);

    // Reopened, it has no closing day and takes stages again, which set its next action again.
    const reopening = await patch(opened.id, {
      status: await status('in_progress'),
      version: closed.version,
    });
    expect(reopening.statusCode, reopening.body).toBe(200);
    expect(reopening.json<ApiRecord>().closed_on).toBeNull();
    expect(
      (await stage(opened.id, '2026-11-24T09:00:00.000Z', { type: call, date: '2026-12-05' })).statusCode,
    ).toBe(201);
    expect(await read(env, 'case', opened.id)).toMatchObject({
      next_action_type: call,
      next_action_date: '2026-12-05',
    });
    const history = (await env().api('GET', `/api/records/case/${opened.id}/history`)).json<{
      items: Array<{ field: string | null; newValue: unknown }>;
    }>();
    expect(history.items).toContainEqual(
      expect.objectContaining({ field: 'next_action_date', newValue: '2026-12-05' }),
    );
  });

  it('takes employees as watchers and refuses anything else, writing nothing', async () => {
    const company = await createCompany(env, { name: 'Obserwowo' });
    const watcher = await createAs(env, 'employee', { first_name: 'Wanda', last_name: 'Patrzy' });
    const body = { topic: 'Reklamacja', company: company.id, status: await status('open') };
    const watched = await post(env, 'case', { ...body, watchers: [watcher] });
    expect(watched.watchers).toEqual([watcher]);
    await expectNothingWritten(env, async () => {
      const refused = await env().api('POST', '/api/records/case', { ...body, watchers: [watcher, 987_654] });
      expectError(refused, 400, 'validation_failed', /watchers: no employee with id 987654/);
    });
    // Left out, the status is `open` (create-defaults.test.ts); emptied on purpose, it is refused.
    await expectNothingWritten(env, async () => {
      const noStatus = await env().api('POST', '/api/records/case', {
        topic: 'Bez statusu',
        company: company.id,
        status: null,
      });
      expectError(noStatus, 400, 'validation_failed', /status: is required/);
    });
  });

  it('refuses a case for a client its writer may not read, even one they would lead', async () => {
    const me = await createAs(env, 'employee', { first_name: 'Sara', last_name: 'Sprzedaje' });
    const other = await createAs(env, 'employee', { first_name: 'Inny', last_name: 'Opiekun' });
    const own = (object: string, rights: string[]) =>
      rights.map((right) => ({ object, right, scope: 'own' as const }));
    const role = await createRole(env, [
      ...own('company', ['read']),
      ...own('person', ['read']),
      ...own('case', ['read', 'create', 'update']),
      { object: 'dictionary_value', right: 'read', scope: 'all' },
      { object: 'employee', right: 'read', scope: 'all' },
    ]);
    const { session } = await createAccount(env, [role], me);
    const mine = await createCompany(env, { name: 'Moja firma', account_manager: me });
    const theirs = await createCompany(env, { name: 'Cudza firma', account_manager: other });
    const body = { topic: 'Oferta', status: await status('open'), lead: me };
    await expectNothingWritten(env, async () => {
      const refused = await env().api('POST', '/api/records/case', { ...body, company: theirs.id }, session);
      expectError(refused, 400, 'validation_failed', new RegExp(`company: no company with id ${theirs.id}`));
    });
    const allowed = await post(env, 'case', { ...body, company: mine.id }, session);
    await expectNothingWritten(env, async () => {
      const moved = await env().api(
        'PATCH',
        `/api/records/case/${allowed.id}`,
        { company: theirs.id, version: allowed.version },
        session,
      );
      expectError(moved, 400, 'validation_failed', /no company with id/);
    });
  });
});
