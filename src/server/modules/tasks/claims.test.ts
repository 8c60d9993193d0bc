import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createAs, createRole } from '../../../../test/access-fixtures.ts';
import { read } from '../../../../test/case-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import {
  notificationsOf,
  post,
  type StaffMember,
  settle,
  staffMember,
} from '../../../../test/notification-fixtures.ts';
import { expectNothingWritten } from '../../../../test/record-fixtures.ts';

const TABLES = ['task', 'task_claim', 'record_history', 'outbox_event'];

describe.each(DIALECTS)('asking for, deciding and delegating tasks (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  let role = 0;
  let keeper: StaffMember;
  let requester: StaffMember;
  let assignee: StaffMember;
  let helper: StaffMember;
  let other: StaffMember;
  let registerId = 0;

  beforeAll(async () => {
    await settle(env);
    // Reads their own tasks and those of registers they belong to; changes only their own.
    const own = (object: string, rights: string[]) =>
      rights.map((right) => ({ object, right, scope: 'own' as const }));
    role = await createRole(env, [
      ...own('task', ['read', 'create', 'update']),
      ...own('task_register', ['read']),
      ...own('task_claim', ['read']),
      { object: 'dictionary_value', right: 'read', scope: 'all' },
      { object: 'employee', right: 'read', scope: 'all' },
    ]);
    keeper = await staffMember(env, role, { first: 'Kira', last: 'Keeper' });
    requester = await staffMember(env, role, { first: 'Rita', last: 'Asks', locale: 'pl' });
    assignee = await staffMember(env, role, { first: 'Adam', last: 'Does' });
    helper = await staffMember(env, role, { first: 'Hela', last: 'Helps', locale: 'hu' });
    other = await staffMember(env, role, { first: 'Olaf', last: 'Other' });
    registerId = await createAs(env, 'task_register', {
      name: 'Office',
      keeper: keeper.employeeId,
      members: [helper.employeeId, other.employeeId],
    });
  });

  const newTask = (title: string) =>
    post(env, 'task', {
      title,
      register: registerId,
      requester: requester.employeeId,
      assignee: assignee.employeeId,
    });
  const doneStatus = async () => {
    const row = await env()
      .services.dialect.db.selectFrom('dictionary_value')
      .select('id')
      .where('dictionary', '=', 'task_status')
      .where('code', '=', 'done')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  };
  const claim = (taskId: number, who: StaffMember, note?: string) =>
    env().api('POST', `/api/tasks/${taskId}/claim`, note ? { note } : {}, who.account.session);

  it('lets a reader of the register ask for a task, once, and its requester accept: the task is theirs, other requests declined', async () => {
    const task = await newTask('Order toner');
    await settle(env);
    const asked = await claim(task.id, helper, 'I pass the shop anyway');
    expect(asked.statusCode, asked.body).toBe(201);
    const request = asked.json<{ id: number; status: string; claimant: number; task: number }>();
    expect(request).toMatchObject({ status: 'pending', claimant: helper.employeeId, task: task.id });
    expectError(await claim(task.id, helper), 409, 'claim_pending', /already asked/);
    const second = await claim(task.id, other);
    expect(second.statusCode).toBe(201);
    await settle(env);
    // The requester (in Polish) and the keeper hear of it; the claimant does not.
    const toRequester = await notificationsOf(env, requester.account.session);
    expect(toRequester.items.map((item) => item.title)).toContain(
      'Hela Helps prosi o przydział zadania „Order toner”',
    );
    const toKeeper = await notificationsOf(env, keeper.account.session);
    expect(toKeeper.items.some((item) => item.kind === 'task.claim' && item.recordId === task.id)).toBe(true);

    // Someone who neither asked for the task nor keeps the register may not decide.
    await expectNothingWritten(
      env,
      async () => {
        const refused = await env().api(
          'POST',
          `/api/task-claims/${request.id}/accept`,
          undefined,
          assignee.account.session,
        );
        expect(refused.statusCode).toBe(403);
      },
      TABLES,
    );
    const accepted = await env().api(
      'POST',
      `/api/task-claims/${request.id}/accept`,
      undefined,
      requester.account.session,
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', decided_by: requester.employeeId });
    expect((await read(env, 'task', task.id)).assignee).toBe(helper.employeeId);
    const otherRequest = await read(env, 'task_claim', second.json<{ id: number }>().id);
    expect(otherRequest.status).toBe('declined');
    expectError(
      await env().api('POST', `/api/task-claims/${request.id}/decline`, undefined, keeper.account.session),
      409,
      'claim_decided',
      /already accepted/,
    );
    await settle(env);
    const toHelper = await notificationsOf(env, helper.account.session);
    const titles = toHelper.items.map((item) => item.title);
    expect(titles).toContain('Elfogadták a(z) „Order toner” feladat átvételére vonatkozó kérését');
    expect(titles).toContain('Új feladat Önnek: „Order toner”');
  });

  it('lets the keeper decline; refuses requests for own, finished or unseen tasks and from accounts without an employee', async () => {
    const task = await newTask('Water the plants');
    const asked = await claim(task.id, other);
    expect(asked.statusCode).toBe(201);
    const declined = await env().api(
      'POST',
      `/api/task-claims/${asked.json<{ id: number }>().id}/decline`,
      undefined,
      keeper.account.session,
    );
    expect(declined.statusCode, declined.body).toBe(200);
    expect((await read(env, 'task', task.id)).assignee).toBe(assignee.employeeId);

    expectError(await claim(task.id, assignee), 409, 'already_assigned', /already assigned to you/);
    const outside = await post(env, 'task', {
      title: 'Secret',
      register: await createAs(env, 'task_register', { name: 'Board' }),
    });
    await expectNothingWritten(
      env,
      async () => expect((await claim(outside.id, helper)).statusCode).toBe(404),
      TABLES,
    );
    const current = await read(env, 'task', task.id);
    const done = await env().api('PATCH', `/api/records/task/${task.id}`, {
      status: await doneStatus(),
      version: current.version,
    });
    expect(done.statusCode, done.body).toBe(200);
    expectError(await claim(task.id, helper), 409, 'task_finished', /finished/);
    const noEmployee = await createAccount(env, [role]);
    expectError(
      await env().api('POST', `/api/tasks/${task.id}/claim`, {}, noEmployee.session),
      400,
      'no_employee',
      /not linked to an employee/,
    );
  });

  it('delegates part of a task as a subtask, with its content or bare, only for those who may change it', async () => {
    const company = await createAs(env, 'company', { name: 'Delegacja sp. z o.o.' });
    const task = await post(env, 'task', {
      title: 'Prepare the offer',
      register: registerId,
      assignee: assignee.employeeId,
      requester: requester.employeeId,
      description: '<p>Three variants, <strong>prices net</strong>.</p>',
      due_at: '2026-12-10T12:00:00.000Z',
      company,
    });
    const delegate = (body: Record<string, unknown>, who = assignee) =>
      env().api('POST', `/api/tasks/${task.id}/delegate`, body, who.account.session);
    const full = await delegate({ employee: helper.employeeId, withContent: true });
    expect(full.statusCode, full.body).toBe(201);
    expect(full.json()).toMatchObject({
      title: 'Prepare the offer',
      parent: task.id,
      register: registerId,
      assignee: helper.employeeId,
      requester: assignee.employeeId,
      description: '<p>Three variants, <strong>prices net</strong>.</p>',
      due_at: '2026-12-10T12:00:00.000Z',
      company,
    });
    const bare = await delegate({ employee: other.employeeId, withContent: false });
    expect(bare.statusCode, bare.body).toBe(201);
    expect(bare.json()).toMatchObject({ parent: task.id, description: null, due_at: null, company: null });
    expect((await read(env, 'task', task.id)).progress).toBe(0);

    // The helper may read the task (a member of its register) but not change it.
    await expectNothingWritten(
      env,
      async () => expect((await delegate({ employee: other.employeeId }, helper)).statusCode).toBe(403),
      TABLES,
    );
    await expectNothingWritten(
      env,
      async () => {
        const refused = await delegate({ employee: 987654 });
        expectError(refused, 400, 'validation_failed', /no employee with id 987654/);
      },
      TABLES,
    );
  });
});
