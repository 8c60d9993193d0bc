import { describe, expect, it } from 'vitest';
import { createAccount, createAs, createRole } from '../../../../test/access-fixtures.ts';
import { dictionaryId, post, read } from '../../../../test/case-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { createCompany, expectNothingWritten, type ListBody } from '../../../../test/record-fixtures.ts';

const TASK_TABLES = ['task', 'task_watcher', 'record_history', 'outbox_event', 'search_doc'];

describe.each(DIALECTS)('tasks (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  const status = (code: string) => dictionaryId(env, 'task_status', code);
  const register = (values: Record<string, unknown> = {}) =>
    createAs(env, 'task_register', { name: `Register ${Math.random().toString(36).slice(2, 8)}`, ...values });
  const task = (values: Record<string, unknown>) => post(env, 'task', values);
  const setStatus = async (id: number, code: string) => {
    const current = await read(env, 'task', id);
    const response = await env().api('PATCH', `/api/records/task/${id}`, {
      status: await status(code),
      version: current.version,
    });
    expect(response.statusCode, response.body).toBe(200);
  };
  const progress = async (id: number) => (await read(env, 'task', id)).progress;

  it('rolls progress up a tree of any depth: done leaves over all, cancelled ones left out', async () => {
    const registerId = await register();
    const root = await task({ title: 'Trade fair', register: registerId });
    expect(root).toMatchObject({ progress: null, done_at: null });
    const stand = await task({ title: 'Stand', register: registerId, parent: root.id });
    // A subtask given only its parent lands in the parent's register.
    const leaflets = await task({ title: 'Leaflets', parent: root.id });
    expect(leaflets.register).toBe(registerId);
    const design = await task({ title: 'Design', register: registerId, parent: stand.id });
    const build = await task({ title: 'Build', register: registerId, parent: stand.id });
    // Leaves: leaflets, design, build.
    expect(await progress(root.id)).toBe(0);
    await setStatus(design.id, 'done');
    expect(await progress(stand.id)).toBe(50);
    expect(await progress(root.id)).toBe(33);
    // Done stamps the time; reopening takes it away.
    expect((await read(env, 'task', design.id)).done_at).toEqual(expect.any(String));
    await setStatus(build.id, 'cancelled');
    expect(await progress(stand.id)).toBe(100);
    expect(await progress(root.id)).toBe(50);
    await setStatus(design.id, 'in_progress');
    expect((await read(env, 'task', design.id)).done_at).toBeNull();
    expect(await progress(root.id)).toBe(0);
    await setStatus(leaflets.id, 'done');
    expect(await progress(root.id)).toBe(50);

    // Moving a subtree elsewhere updates both trees.
    const other = await task({ title: 'Other fair', register: registerId });
    const current = await read(env, 'task', stand.id);
    const moved = await env().api('PATCH', `/api/records/task/${stand.id}`, {
      parent: other.id,
      version: current.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await progress(root.id)).toBe(100);
    expect(await progress(other.id)).toBe(0);
    // A deleted subtask no longer counts; restored, it counts again.
    const designNow = await read(env, 'task', design.id);
    const deleted = await env().api('DELETE', `/api/records/task/${design.id}?version=${designNow.version}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await progress(other.id)).toBeNull();
    expect(await progress(stand.id)).toBeNull();
    const restored = await env().api('POST', `/api/records/task/${design.id}/restore`);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(await progress(other.id)).toBe(0);
  });

  it('refuses a parent that would make a circle, a topic of another register and a case of another client', async () => {
    const registerId = await register();
    const elsewhere = await register();
    const top = await task({ title: 'Top', register: registerId });
    const middle = await task({ title: 'Middle', register: registerId, parent: top.id });
    const bottom = await task({ title: 'Bottom', register: registerId, parent: middle.id });
    const current = await read(env, 'task', top.id);
    await expectNothingWritten(
      env,
      async () => {
        const circle = await env().api('PATCH', `/api/records/task/${top.id}`, {
          parent: bottom.id,
          version: current.version,
        });
        expectError(circle, 400, 'validation_failed', /parent: would make a circle/);
      },
      TASK_TABLES,
    );
    const topic = await createAs(env, 'task_topic', { register: elsewhere, name: 'Invoices' });
    await expectNothingWritten(
      env,
      async () => {
        const wrong = await env().api('POST', '/api/records/task', {
          title: 'Misfiled',
          register: registerId,
          topic,
        });
        expectError(wrong, 400, 'validation_failed', /topic: the topic belongs to register/);
      },
      TASK_TABLES,
    );
    const a = await createCompany(env, { name: 'Alfa' });
    const b = await createCompany(env, { name: 'Beta' });
    const caseOfB = await createAs(env, 'case', {
      topic: 'Beta case',
      company: b.id,
      status: await dictionaryId(env, 'case_status', 'open'),
    });
    const mismatch = await env().api('POST', '/api/records/task', {
      title: 'Wrong client',
      register: registerId,
      company: a.id,
      case: caseOfB,
    });
    expectError(mismatch, 400, 'validation_failed', /case: case \d+ belongs to another company/);
  });

  it('shows a task to its assignee, requester, watchers and the readers of its register, and to nobody else', async () => {
    const parentDepartment = await createAs(env, 'department', { name: 'Sales' });
    const childDepartment = await createAs(env, 'department', {
      name: 'Sales North',
      parent: parentDepartment,
    });
    const employee = (first: string, department?: number) =>
      createAs(env, 'employee', { first_name: first, last_name: 'Test', department });
    const [assignee, requester, watcher, member, below, grouped, stranger] = await Promise.all([
      employee('Assignee'),
      employee('Requester'),
      employee('Watcher'),
      employee('Member'),
      employee('Below', childDepartment),
      employee('Grouped'),
      employee('Stranger'),
    ]);
    const group = await createAs(env, 'work_group', { name: 'Complaints team', members: [grouped] });
    const registerId = await register({
      name: 'Complaints',
      members: [member],
      departments: [parentDepartment],
      work_groups: [group],
    });
    const own = (object: string, rights: string[]) =>
      rights.map((right) => ({ object, right, scope: 'own' as const }));
    const role = await createRole(env, [
      ...own('task', ['read', 'create', 'update']),
      ...own('task_register', ['read']),
      { object: 'dictionary_value', right: 'read', scope: 'all' },
      { object: 'employee', right: 'read', scope: 'all' },
    ]);
    const sessionOf = async (employeeId: number) => (await createAccount(env, [role], employeeId)).session;
    const created = await task({
      title: 'Broken shelf',
      register: registerId,
      assignee,
      requester,
      watchers: [watcher],
    });
    const outside = await task({ title: 'Private', register: await register(), assignee });

    for (const reader of [assignee, requester, watcher, member, below, grouped]) {
      const session = await sessionOf(reader);
      const seen = await env().api('GET', `/api/records/task/${created.id}`, undefined, session);
      expect(seen.statusCode, `employee ${reader}`).toBe(200);
      const list = await env().api('GET', '/api/records/task?limit=50', undefined, session);
      const titles = list.json<ListBody>().items.map((item) => item.title);
      expect(titles).toContain('Broken shelf');
      // The register is visible to its readers too (the assignee and others only see the task).
      if (reader === member || reader === below || reader === grouped) {
        const registerSeen = await env().api(
          'GET',
          `/api/records/task_register/${registerId}`,
          undefined,
          session,
        );
        expect(registerSeen.statusCode).toBe(200);
      }
      if (reader !== assignee) {
        expect(titles).not.toContain('Private');
        // Reading is not changing: only the assignee's scope lets them edit.
        const changed = await env().api(
          'PATCH',
          `/api/records/task/${created.id}`,
          { title: 'Renamed', version: created.version },
          session,
        );
        expect([403, 404]).toContain(changed.statusCode);
      }
    }
    const strangerSession = await sessionOf(stranger);
    const hidden = await env().api('GET', `/api/records/task/${created.id}`, undefined, strangerSession);
    expect(hidden.statusCode).toBe(404);
    const none = await env().api('GET', '/api/records/task?limit=50', undefined, strangerSession);
    expect(none.json<ListBody>().items).toEqual([]);
    expect(outside.title).toBe('Private');
  });

  it('puts a task’s status and assignee changes in its client’s timeline', async () => {
    const company = await createCompany(env, { name: 'Zadaniowo' });
    const someone = await createAs(env, 'employee', { first_name: 'Ola', last_name: 'Robi' });
    const created = await task({
      title: 'Call back about the invoice',
      register: await register(),
      company: company.id,
    });
    const current = await read(env, 'task', created.id);
    const changed = await env().api('PATCH', `/api/records/task/${created.id}`, {
      status: await status('in_progress'),
      assignee: someone,
      version: current.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const timeline = await env().api('GET', `/api/timeline/company/${company.id}?limit=50`);
    expect(timeline.statusCode, timeline.body).toBe(200);
    const entries = timeline
      .json<{ items: Array<{ object: string; recordId: number; title: string; summary: string }> }>()
      .items.filter((item) => item.object === 'task' && item.recordId === created.id);
    expect(entries.length).toBeGreaterThanOrEqual(3);
    const text = entries.map((entry) => `${entry.title} ${entry.summary}`).join('\n');
    expect(text).toMatch(/In progress/);
    expect(text).toMatch(/Ola/);
  });
});
