import { beforeAll, describe, expect, it } from 'vitest';
import { createAs, createRole } from '../../../../test/access-fixtures.ts';
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

interface CommentPage {
  items: Array<{ id: number; body: string; author: { name: string } | null; version: number; mine: boolean }>;
  nextCursor: string | null;
}

describe.each(DIALECTS)('comments on records (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  let assignee: StaffMember;
  let watcher: StaffMember;
  let outsider: StaffMember;
  let mentioned: StaffMember;
  let taskId = 0;

  beforeAll(async () => {
    await settle(env);
    const role = await createRole(env, [
      ...['read', 'update'].map((right) => ({ object: 'task', right, scope: 'own' as const })),
      { object: 'dictionary_value', right: 'read', scope: 'all' },
      { object: 'employee', right: 'read', scope: 'all' },
    ]);
    assignee = await staffMember(env, role, { first: 'Ada', last: 'Assigned' });
    watcher = await staffMember(env, role, { first: 'Wiktor', last: 'Watches', locale: 'pl' });
    outsider = await staffMember(env, role, { first: 'Olga', last: 'Outside' });
    mentioned = await staffMember(env, role, { first: 'Marek', last: 'Mentioned' });
    const register = await createAs(env, 'task_register', {
      name: 'Comments',
      members: [mentioned.employeeId],
    });
    taskId = (
      await post(env, 'task', {
        title: 'Prepare the stand',
        register,
        assignee: assignee.employeeId,
        watchers: [watcher.employeeId],
      })
    ).id;
    await settle(env);
  });

  const comments = async (who: StaffMember) => {
    const response = await env().api(
      'GET',
      `/api/records/task/${taskId}/comments`,
      undefined,
      who.account.session,
    );
    expect(response.statusCode, response.body).toBe(200);
    return response.json<CommentPage>();
  };
  const comment = (who: StaffMember, body: string) =>
    env().api('POST', `/api/records/task/${taskId}/comments`, { body }, who.account.session);

  it('lets readers of a record talk under it, tells its followers and whom a comment mentions', async () => {
    const first = await comment(assignee, 'Stand ordered. @"Marek Mentioned" can you check the size?');
    expect(first.statusCode, first.body).toBe(201);
    expect((await comment(watcher, 'Thanks!')).statusCode).toBe(201);
    await settle(env);
    const page = await comments(assignee);
    expect(page.items.map((item) => [item.author?.name, item.body, item.mine])).toEqual([
      ['Ada Assigned', 'Stand ordered. @"Marek Mentioned" can you check the size?', true],
      ['Wiktor Watches', 'Thanks!', false],
    ]);
    // The watcher hears of the assignee's comment (in Polish); the assignee of the watcher's.
    const toWatcher = (await notificationsOf(env, watcher.account.session)).items.filter(
      (n) => n.kind === 'comment',
    );
    expect(toWatcher.map((n) => n.title)).toEqual(['Nowy komentarz (Ada Assigned): Prepare the stand']);
    const toAssignee = (await notificationsOf(env, assignee.account.session)).items.filter(
      (n) => n.kind === 'comment',
    );
    expect(toAssignee.map((n) => n.body)).toEqual(['Thanks!']);
    // Marek reads the task through its register and is told he was mentioned.
    const toMentioned = (await notificationsOf(env, mentioned.account.session)).items;
    expect(toMentioned.map((n) => [n.kind, n.object, n.recordId])).toEqual([['mention', 'task', taskId]]);
  });

  it('keeps the conversation from those who may not read the record, and lets only authors change their words', async () => {
    const hidden = await env().api(
      'GET',
      `/api/records/task/${taskId}/comments`,
      undefined,
      outsider.account.session,
    );
    expect(hidden.statusCode).toBe(404);
    await expectNothingWritten(env, async () => {
      expect((await comment(outsider, 'Can I see this?')).statusCode).toBe(404);
      expectError(await comment(assignee, '   '), 400, 'validation_failed', /body: is required/);
      expectError(await comment(assignee, 'x'.repeat(5001)), 400, 'validation_failed', /at most 5000/);
      const dictionary = await env().api('GET', '/api/records/dictionary_value/1/comments');
      expect(dictionary.statusCode).toBe(404);
    }, ['record_comment', 'outbox_event']);
    const [mine, theirs] = (await comments(assignee)).items;
    if (!mine || !theirs) throw new Error('two comments expected');
    expectError(
      await env().api(
        'PATCH',
        `/api/comments/${theirs.id}`,
        { body: 'Hijacked', version: theirs.version },
        assignee.account.session,
      ),
      403,
      'not_yours',
      /Only its author/,
    );
    const edited = await env().api(
      'PATCH',
      `/api/comments/${mine.id}`,
      { body: 'Stand ordered, 3×2 m.', version: mine.version },
      assignee.account.session,
    );
    expect(edited.statusCode, edited.body).toBe(204);
    const stale = await env().api(
      'PATCH',
      `/api/comments/${mine.id}`,
      { body: 'Old version', version: mine.version },
      assignee.account.session,
    );
    expect(stale.statusCode).toBe(409);
    const deleted = await env().api(
      'DELETE',
      `/api/comments/${mine.id}?version=${mine.version + 1}`,
      undefined,
      assignee.account.session,
    );
    expect(deleted.statusCode).toBe(204);
    expect((await comments(watcher)).items.map((item) => item.body)).toEqual(['Thanks!']);
  });
});
