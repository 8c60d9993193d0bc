import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.ts';
import { type Session, useTestEnv } from '../../../test/harness.ts';
import { MAX_COMMENT_LENGTH } from '../modules/comments/store.ts';
import { DEMO_SEED, type DemoLoad, loadDemo } from './demo.ts';
import { DEMO_LOGINS } from './demo-accounts.ts';
import { addDemoComments } from './demo-comments.ts';
import { COMMENT_TEXTS, type CommentTexts } from './generator/comment-texts.ts';
import { DEMO_SIZE, employees } from './generator/generate.ts';
import { planOrganisation } from './generator/organisation.ts';
import { languageOf } from './generator/task-registers.ts';
import type { LoadedDataset } from './load.ts';

/** A fixed clock, so the `at` the demo dates its comments by is known exactly. */
const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);

interface Comment {
  id: number;
  object: string;
  taskId: number;
  authorId: number;
  body: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  deletedAt: unknown;
}

interface Task {
  assigneeId: number | null;
  requesterId: number | null;
  createdAt: string;
  deletedAt: unknown;
}

const iso = (value: unknown) => new Date(String(value)).toISOString();
const idOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const allLines = (texts: CommentTexts) => [
  ...texts.exchanges.flat(),
  ...texts.updates,
  ...texts.closing,
  ...texts.thanks,
];

function toComment(row: Record<string, unknown>): Comment {
  return {
    id: Number(row.id),
    object: String(row.object),
    taskId: Number(row.record_id),
    authorId: Number(row.author_id),
    body: String(row.body),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    version: Number(row.version),
    deletedAt: row.deleted_at,
  };
}

/** What tells one seed's comments from another's: everything but the ids. */
const key = (c: Comment) => `${c.taskId}|${c.authorId}|${c.createdAt}|${c.body}`;

/** Thrown to roll a trial run back, carrying what it wrote. */
class Rollback extends Error {
  constructor(
    readonly count: number,
    readonly written: Comment[],
  ) {
    super('rollback');
  }
}

describe.each(DIALECTS)('demo comments (%s)', (dialect) => {
  const env = useTestEnv(dialect, { now: () => NOW });
  const db = () => env().services.dialect.db;
  let demo: DemoLoad = { loaded: false, accounts: [] };
  let comments: Comment[] = [];
  const tasks = new Map<number, Task>();
  /** Demo account id → its employee id. */
  const employeeOf = new Map<number, number>();
  const accountIds = new Map<string, number>();
  const sessions = new Map<number, Session>();
  const byTask = new Map<number, Comment[]>();

  beforeAll(async () => {
    demo = await loadDemo(env().services, () => {}, undefined);
    comments = (await db().selectFrom('record_comment').selectAll().orderBy('id').execute()).map(toComment);
    for (const c of comments) byTask.set(c.taskId, [...(byTask.get(c.taskId) ?? []), c]);
    for (const row of await db()
      .selectFrom('task')
      .select(['id', 'assignee_id', 'requester_id', 'created_at', 'deleted_at'])
      .execute())
      tasks.set(Number(row.id), {
        assigneeId: idOrNull(row.assignee_id),
        requesterId: idOrNull(row.requester_id),
        createdAt: iso(row.created_at),
        deletedAt: row.deleted_at,
      });
    const accounts = await db()
      .selectFrom('user_account')
      .select(['id', 'login', 'employee_id'])
      .where('login', 'in', Object.values(DEMO_LOGINS))
      .execute();
    for (const a of accounts) {
      employeeOf.set(Number(a.id), Number(a.employee_id));
      accountIds.set(String(a.login), Number(a.id));
    }
    for (const account of demo.accounts) {
      const id = accountIds.get(account.login);
      if (id !== undefined) sessions.set(id, await env().login(account.login, account.password));
    }
  }, 120_000);

  /**
   * The load's employee ids by generator index, found again by e-mail (unique per employee):
   * all `addDemoComments` takes from the data set, to run it once more.
   */
  async function loadedAgain(): Promise<LoadedDataset> {
    const staff = [...employees(DEMO_SEED, DEMO_SIZE)];
    const rows = await db().selectFrom('employee').select(['id', 'email']).execute();
    const idOf = new Map(rows.map((r) => [String(r.email).toLowerCase(), Number(r.id)]));
    expect(idOf.size).toBe(staff.length);
    const employeeIds = staff.map((e) => idOf.get(e.email.toLowerCase()) ?? -1);
    expect(employeeIds).not.toContain(-1);
    return {
      staff,
      organisation: planOrganisation(staff),
      departmentIds: [],
      employeeIds,
      workGroupRegisters: new Map(),
    };
  }

  /** `addDemoComments` run once more inside a transaction that is rolled back. */
  async function trial(seed: number): Promise<Rollback> {
    const loaded = await loadedAgain();
    try {
      await db()
        .transaction()
        .execute(async (trx) => {
          const last = Math.max(0, ...comments.map((c) => c.id));
          const count = await addDemoComments(trx, seed, loaded, NOW.toISOString());
          const rows = await trx
            .selectFrom('record_comment')
            .selectAll()
            .where('id', '>', last)
            .orderBy('id')
            .execute();
          throw new Rollback(count, rows.map(toComment));
        });
    } catch (error) {
      if (error instanceof Rollback) return error;
      throw error;
    }
    throw new Error('the trial run was not rolled back');
  }

  it('talks on about two thirds of the demo accounts’ tasks, 1–4 plain lines each', async () => {
    expect(demo.accounts).toHaveLength(3);
    expect(comments.length).toBeGreaterThan(100);
    for (const c of comments) {
      expect(c.object).toBe('task');
      expect(c.version).toBe(1);
      expect(c.deletedAt).toBeNull();
      expect(c.updatedAt).toBe(c.createdAt);
      expect(c.body.trim()).toBe(c.body);
      expect(c.body.length).toBeGreaterThan(0);
      expect(c.body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    }
    const theirs = new Set(employeeOf.values());
    const candidates = [...tasks.values()].filter(
      (t) =>
        t.deletedAt === null &&
        ((t.assigneeId !== null && theirs.has(t.assigneeId)) ||
          (t.requesterId !== null && theirs.has(t.requesterId))),
    ).length;
    expect(byTask.size).toBeLessThanOrEqual(150);
    expect(byTask.size).toBeGreaterThan(Math.min(150, candidates) * 0.5);
    expect(byTask.size).toBeLessThan(candidates * 0.85);
    const sizes = [...byTask.values()].map((lines) => lines.length);
    expect(new Set(sizes)).toEqual(new Set([1, 2, 3, 4]));
    const twoVoices = [...byTask.values()].filter(
      (lines) => new Set(lines.map((c) => c.authorId)).size === 2,
    );
    expect(twoVoices.length).toBeGreaterThan(10);
  });

  it('writes in the assignee’s language', async () => {
    const { employeeIds } = await loadedAgain();
    const indexOf = new Map(employeeIds.map((id, index) => [id, index]));
    const languages = new Set<string>();
    for (const [taskId, lines] of byTask) {
      const assignee = tasks.get(taskId)?.assigneeId ?? null;
      const index = assignee === null ? undefined : indexOf.get(assignee);
      const language = index === undefined ? 'en' : languageOf(index);
      languages.add(language);
      const known = new Set(allLines(COMMENT_TEXTS[language]));
      for (const c of lines) expect(known, `task ${taskId}: ${c.body}`).toContain(c.body);
    }
    expect(languages.size).toBeGreaterThan(1);
  });

  it('writes as the accounts of the assignee and the requester, or the assistant asking, taking turns', () => {
    const assistant = accountIds.get(DEMO_LOGINS.assistant) ?? null;
    const accountOf = (employee: number | null | undefined) =>
      [...employeeOf].find(([, e]) => e === employee)?.[0] ?? null;
    let asked = 0;
    for (const [taskId, lines] of byTask) {
      const task = tasks.get(taskId);
      expect(task, `task ${taskId}`).toBeDefined();
      expect(task?.deletedAt).toBeNull();
      const doer = accountOf(task?.assigneeId);
      const requester = accountOf(task?.requesterId);
      // The second voice: the requester's account, else (on a task done by an account) the
      // assistant's, whose role reads every task.
      const askers = new Set(
        requester !== null && requester !== doer
          ? [requester]
          : doer !== null && doer !== assistant && assistant !== null
            ? [assistant]
            : [],
      );
      const authors = lines.map((c) => c.authorId);
      for (const author of authors) {
        expect(employeeOf.get(author), `author ${author}`).toBeDefined();
        expect(author === doer || askers.has(author), `task ${taskId}: author ${author}`).toBe(true);
      }
      const voices = new Set(authors);
      // A conversation: nobody answers themself, and the doer has the last word of one line.
      if (voices.size === 2)
        for (let n = 1; n < authors.length; n++) expect(authors[n]).not.toBe(authors[n - 1]);
      else expect(voices.size).toBe(1);
      if (doer !== null && requester !== null && doer !== requester)
        expect(voices.size, `task ${taskId}`).toBe(lines.length === 1 ? 1 : 2);
      if (lines.length === 1 && doer !== null && requester !== null && doer !== requester)
        expect(authors[0]).toBe(doer);
      if (voices.has(assistant ?? -1) && doer !== assistant && requester !== assistant) asked++;
    }
    expect(asked).toBeGreaterThan(5);
  });

  it('dates the lines in order, after the task was created and not after the load', () => {
    for (const [taskId, lines] of byTask) {
      const created = tasks.get(taskId)?.createdAt ?? '';
      for (const [n, c] of lines.entries()) {
        expect(c.createdAt >= created, `${c.createdAt} before ${created}`).toBe(true);
        expect(c.createdAt <= NOW.toISOString(), c.createdAt).toBe(true);
        const before = lines[n - 1];
        if (before) expect(c.createdAt > before.createdAt, `${before.createdAt} → ${c.createdAt}`).toBe(true);
      }
    }
  });

  it('writes the same comments for the same seed and others for another', async () => {
    const same = await trial(DEMO_SEED);
    expect(same.count).toBe(comments.length);
    expect(same.written.map(key)).toEqual(comments.map(key));
    const other = await trial(DEMO_SEED + 1);
    expect(other.written.map(key)).not.toEqual(comments.map(key));
    // Rolled back: the demo's own comments are all there is.
    expect(await db().selectFrom('record_comment').select('id').execute()).toHaveLength(comments.length);
  });

  it('shows each account its conversations through the API, as theirs', async () => {
    expect(sessions.size).toBe(3);
    for (const [accountId, session] of sessions) {
      const written = [...byTask].filter(([, lines]) => lines.some((c) => c.authorId === accountId));
      expect(written.length, `account ${accountId}`).toBeGreaterThan(0);
      for (const [taskId, lines] of written) {
        const response = await env().api('GET', `/api/records/task/${taskId}/comments`, undefined, session);
        expect(response.statusCode, response.body).toBe(200);
        const items = response.json().items as Array<{
          id: number;
          body: string;
          author: { id: number } | null;
          createdAt: string;
          mine: boolean;
        }>;
        expect(items.map((i) => [i.id, i.body, i.author?.id, i.createdAt, i.mine])).toEqual(
          lines.map((c) => [c.id, c.body, c.authorId, c.createdAt, c.authorId === accountId]),
        );
      }
    }
  });
});
