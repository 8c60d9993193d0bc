import { beforeAll, describe, expect, it } from 'vitest';
import { createAs, createRole } from '../../../../test/access-fixtures.ts';
import { read } from '../../../../test/case-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { type StaffMember, staffMember } from '../../../../test/notification-fixtures.ts';
import { createCompany, expectNothingWritten, type ListBody } from '../../../../test/record-fixtures.ts';

const TABLES = ['task', 'task_chain', 'task_chain_step', 'record_history', 'outbox_event'];

describe.each(DIALECTS)('task chains (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  let starter: StaffMember;
  let first: StaffMember;
  let keeper: number;
  let registerId = 0;

  beforeAll(async () => {
    const role = await createRole(env, [
      ...['read', 'create', 'update'].map((right) => ({ object: 'task', right, scope: 'own' as const })),
      { object: 'task_chain', right: 'read', scope: 'all' },
      { object: 'task_chain_step', right: 'read', scope: 'all' },
      { object: 'company', right: 'read', scope: 'all' },
      { object: 'dictionary_value', right: 'read', scope: 'all' },
    ]);
    starter = await staffMember(env, role, { first: 'Stella', last: 'Starts' });
    first = await staffMember(env, role, { first: 'Felix', last: 'First' });
    keeper = await createAs(env, 'employee', { first_name: 'Kurt', last_name: 'Keeper' });
    registerId = await createAs(env, 'task_register', { name: 'Onboarding', keeper });
  });

  const status = async (code: string) => {
    const row = await env()
      .services.dialect.db.selectFrom('dictionary_value')
      .select('id')
      .where('dictionary', '=', 'task_status')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    return Number(row.id);
  };
  const setStatus = async (id: number, code: string, session = env().admin) => {
    const current = await read(env, 'task', id);
    return env().api(
      'PATCH',
      `/api/records/task/${id}`,
      { status: await status(code), version: current.version },
      session,
    );
  };
  const followers = async (id: number) =>
    (
      await env().api('POST', '/api/records/task/query', {
        filter: { field: 'previous_task', op: 'eq', value: id },
      })
    ).json<ListBody>().items;
  const chain = async () => {
    const response = await env().api('POST', '/api/task-chains', {
      name: 'New client',
      steps: [
        { title: 'Welcome call', register: registerId, assignee: first.employeeId, dueOffsetDays: 2 },
        {
          title: 'Send the contract',
          register: registerId,
          assigneeRole: 'previous_assignee',
          dueOffsetDays: 5,
        },
        {
          title: 'Ask why not',
          register: registerId,
          assigneeRole: 'register_keeper',
          condition: 'cancelled',
        },
        { title: 'First invoice', register: registerId, condition: 'done' },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: number; steps: Array<{ id: number; position: number }> }>();
  };

  it('starts a chain for a client and makes each next step once as the steps are finished', async () => {
    const template = await chain();
    expect(template.steps.map((step) => step.position)).toEqual([1, 2, 3, 4]);
    const company = await createCompany(env, { name: 'Łańcuchowo' });
    const started = await env().api(
      'POST',
      `/api/task-chains/${template.id}/start`,
      { company: company.id },
      starter.account.session,
    );
    expect(started.statusCode, started.body).toBe(201);
    const welcome = started.json<{ id: number; due_at: string }>();
    expect(welcome).toMatchObject({
      title: 'Welcome call',
      assignee: first.employeeId,
      requester: starter.employeeId,
      company: company.id,
      chain_step: template.steps[0]?.id,
    });
    const inTwoDays = Date.now() + 2 * 86_400_000;
    expect(Math.abs(Date.parse(welcome.due_at) - inTwoDays)).toBeLessThan(60_000);

    // Finished by its assignee: the contract step goes to the same person.
    expect((await setStatus(welcome.id, 'done', first.account.session)).statusCode).toBe(200);
    const [contract, ...more] = await followers(welcome.id);
    expect(more).toEqual([]);
    expect(contract).toMatchObject({
      title: 'Send the contract',
      assignee: first.employeeId,
      requester: starter.employeeId,
      company: company.id,
      chain_step: template.steps[1]?.id,
    });
    // Reopened and finished again: no second contract step.
    expect((await setStatus(welcome.id, 'in_progress')).statusCode).toBe(200);
    expect((await setStatus(welcome.id, 'done')).statusCode).toBe(200);
    expect(await followers(welcome.id)).toHaveLength(1);

    // Cancelled: the step for a cancelled one comes, for the register's keeper.
    expect((await setStatus(Number(contract?.id), 'cancelled')).statusCode).toBe(200);
    const [why] = await followers(Number(contract?.id));
    expect(why).toMatchObject({ title: 'Ask why not', assignee: keeper, chain_step: template.steps[2]?.id });
    // Done, the step after it that wants "done" comes.
    expect((await setStatus(Number(why?.id), 'done')).statusCode).toBe(200);
    const [invoice] = await followers(Number(why?.id));
    expect(invoice).toMatchObject({ title: 'First invoice', chain_step: template.steps[3]?.id });
    // The last step finished ends the chain.
    expect((await setStatus(Number(invoice?.id), 'done')).statusCode).toBe(200);
    expect(await followers(Number(invoice?.id))).toEqual([]);
  });

  it('makes the next step exactly once when "done" is sent twice at the same moment', async () => {
    const template = await chain();
    const started = await env().api(
      'POST',
      `/api/task-chains/${template.id}/start`,
      {},
      starter.account.session,
    );
    const welcome = started.json<{ id: number; version: number }>();
    const done = await status('done');
    const answers = await Promise.all(
      [0, 1].map(() =>
        env().api('PATCH', `/api/records/task/${welcome.id}`, { status: done, version: welcome.version }),
      ),
    );
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    expect(await followers(welcome.id)).toHaveLength(1);
    // Should anything try to make a second follower, the database refuses it.
    const [follower] = await followers(welcome.id);
    const second = await env().api('POST', '/api/records/task', {
      title: 'Duplicate step',
      register: registerId,
      previous_task: welcome.id,
    });
    expect(second.statusCode).toBe(409);
    expect(follower).toBeDefined();
  });

  it('refuses chains without steps or with unknown registers, and starts only readable chains for readable clients', async () => {
    await expectNothingWritten(
      env,
      async () => {
        const empty = await env().api('POST', '/api/task-chains', { name: 'Nothing', steps: [] });
        expect(empty.statusCode).toBe(400);
        const unknown = await env().api('POST', '/api/task-chains', {
          name: 'Broken',
          steps: [{ title: 'Step', register: 987654 }],
        });
        expectError(unknown, 400, 'validation_failed', /register: no task_register with id 987654/);
      },
      TABLES,
    );
    const template = await chain();
    await expectNothingWritten(
      env,
      async () => {
        const missing = await env().api('POST', '/api/task-chains/987654/start', {}, starter.account.session);
        expect(missing.statusCode).toBe(404);
        const company = await env().api(
          'POST',
          `/api/task-chains/${template.id}/start`,
          { company: 987654 },
          starter.account.session,
        );
        expectError(company, 400, 'validation_failed', /company: no company with id 987654/);
      },
      TABLES,
    );
  });
});
