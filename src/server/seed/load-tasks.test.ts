import { type RawBuilder, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.ts';
import { useTestEnv } from '../../../test/harness.ts';
import { TASK_STATUS_CODES } from '../modules/tasks/dictionaries.ts';
import { addDemoOrganisation } from './demo-organisation.ts';
import type { DatasetSize } from './generator/context.ts';
import { taskTrees } from './generator/tasks.ts';
import { type LoadedDataset, loadDataset } from './load.ts';

const SEED = 11;
const SIZE: DatasetSize = {
  companies: 150,
  people: 400,
  employees: 15,
  companyGroups: 0,
  personGroups: 0,
  caseClients: 150,
  activityClients: 0,
  noteClients: 0,
  tasks: 500,
};

/** Progress as `modules/tasks/progress.ts` defines it, for every task at once: done leaves below over those not cancelled. */
const EXPECTED_PROGRESS = sql<{ id: number; progress: number | null; expected: number | null }>`
  WITH RECURSIVE below (top, id) AS (
    SELECT parent_id, id FROM task WHERE parent_id IS NOT NULL
    UNION ALL
    SELECT b.top, t.id FROM task t JOIN below b ON t.parent_id = b.id
  ),
  leaves AS (
    SELECT b.top, s.code FROM below b
      JOIN task t ON t.id = b.id JOIN dictionary_value s ON s.id = t.status_id
    WHERE NOT EXISTS (SELECT 1 FROM task c WHERE c.parent_id = t.id) AND s.code <> 'cancelled'
  ),
  shares AS (
    SELECT top, (sum(CASE WHEN code = 'done' THEN 1 ELSE 0 END) * 100 / count(*)) * 100 AS expected
    FROM leaves GROUP BY top
  )
  SELECT t.id, t.progress, s.expected FROM task t LEFT JOIN shares s ON s.top = t.id`;

describe.each(DIALECTS)('demo tasks (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  const rows = async <T>(query: RawBuilder<T>): Promise<T[]> =>
    (await query.execute(env().services.dialect.db)).rows;
  const messages: string[] = [];
  let today = '';
  let loaded: LoadedDataset | undefined;
  beforeAll(async () => {
    const { services } = env();
    today = services.now().toISOString().slice(0, 10);
    loaded = await loadDataset(services.dialect, services.registry, {
      seed: SEED,
      size: SIZE,
      referenceDate: today,
      onProgress: (message) => messages.push(message),
    });
    const at = services.now().toISOString();
    const set = loaded;
    await services.dialect.db.transaction().execute((trx) => addDemoOrganisation(trx, SEED, set, at));
  }, 60_000);

  it('loads the generator’s tasks, in every status, and says how many', async () => {
    const loadedTasks = await rows(sql<{
      title: string;
      status: string;
      due_at: string | null;
      parent: number;
    }>`
      SELECT t.title, s.code AS status, t.due_at, CASE WHEN t.parent_id IS NULL THEN 0 ELSE 1 END AS parent
      FROM task t JOIN dictionary_value s ON s.id = t.status_id`);
    const generated = [...taskTrees(SEED, SIZE, { referenceDate: today })].flatMap((tree) => tree.tasks);
    // The same tasks as the generator's for this seed (ids aside).
    const key = (title: string, status: string, due: string | null) =>
      `${title}|${status}|${due === null ? '' : new Date(due).toISOString()}`;
    expect(loadedTasks.map((t) => key(t.title, t.status, t.due_at)).sort()).toEqual(
      generated.map((t) => key(t.title, t.status_code, t.due_at)).sort(),
    );
    for (const level of [0, 1]) {
      const statuses = new Set(loadedTasks.filter((t) => Number(t.parent) === level).map((t) => t.status));
      expect(statuses, `level ${level}`).toEqual(new Set(TASK_STATUS_CODES));
    }
    const subtasks = loadedTasks.filter((t) => Number(t.parent) === 1).length;
    expect(messages).toContain(
      `tasks: ${generated.length} (${subtasks} subtasks) in 4 registers with 12 topics`,
    );
  });

  it('stores the progress the engine rolls up, and the engine agrees after a change', async () => {
    const all = await rows(EXPECTED_PROGRESS);
    const wrong = all.filter(
      (t) =>
        (t.progress === null ? null : Number(t.progress)) !==
        (t.expected === null ? null : Number(t.expected)),
    );
    expect(wrong).toEqual([]);
    expect(all.filter((t) => t.progress !== null).length).toBeGreaterThan(10);

    // A step of a breakdown under way, finished through the API: the engine's roll-up takes over.
    const [step] = await rows(sql<{ id: number; parent_id: number; version: number }>`
      SELECT t.id, t.parent_id, t.version FROM task t JOIN dictionary_value s ON s.id = t.status_id
      WHERE t.parent_id IS NOT NULL AND s.code = 'new'
        AND NOT EXISTS (SELECT 1 FROM task c WHERE c.parent_id = t.id)
      ORDER BY t.id LIMIT 1`);
    const [done] = await rows(sql<{ id: number }>`
      SELECT id FROM dictionary_value WHERE dictionary = 'task_status' AND code = 'done'`);
    const saved = await env().api('PATCH', `/api/records/task/${step?.id}`, {
      status: Number(done?.id),
      version: Number(step?.version),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = await rows(EXPECTED_PROGRESS);
    const parent = after.find((t) => Number(t.id) === Number(step?.parent_id));
    expect(parent?.progress).not.toBeNull();
    expect(Number(parent?.progress)).toBe(Number(parent?.expected));
  });

  it('links only a client’s own cases and people; complaints to complaint cases', async () => {
    const foreign = await rows(sql<{ id: number }>`
      SELECT t.id FROM task t
        LEFT JOIN client_case c ON c.id = t.case_id
        LEFT JOIN person p ON p.id = t.person_id
      WHERE (t.case_id IS NOT NULL AND (t.company_id IS NULL OR c.company_id <> t.company_id))
         OR (t.person_id IS NOT NULL AND (t.company_id IS NULL OR p.company_id <> t.company_id))`);
    expect(foreign).toEqual([]);
    const [linked] = await rows(sql<{ companies: number; cases: number; people: number }>`
      SELECT count(company_id) AS companies, count(case_id) AS cases, count(person_id) AS people FROM task`);
    expect(Number(linked?.companies)).toBeGreaterThan(100);
    expect(Number(linked?.cases)).toBeGreaterThan(20);
    expect(Number(linked?.people)).toBeGreaterThan(5);
    const notComplaints = await rows(sql<{ id: number }>`
      SELECT t.id FROM task t JOIN task_register r ON r.id = t.register_id
        JOIN client_case c ON c.id = t.case_id JOIN dictionary_value ty ON ty.id = c.type_id
      WHERE r.colour = '#e03131' AND ty.code <> 'complaint'`);
    expect(notComplaints).toEqual([]);
    // A subtask is in its parent's register; a topic is its register's.
    const misplaced = await rows(sql<{ id: number }>`
      SELECT t.id FROM task t LEFT JOIN task p ON p.id = t.parent_id LEFT JOIN task_topic tp ON tp.id = t.topic_id
      WHERE p.register_id <> t.register_id OR tp.register_id <> t.register_id`);
    expect(misplaced).toEqual([]);
  });

  it('has overdue unfinished tasks, some due today, and done ones with their time', async () => {
    const unfinished = sql`SELECT id FROM dictionary_value WHERE dictionary = 'task_status' AND code NOT IN ('done', 'cancelled')`;
    const count = async (where: RawBuilder<unknown>) =>
      Number((await rows(sql<{ n: number }>`SELECT count(*) AS n FROM task WHERE ${where}`))[0]?.n);
    const start = `${today}T00:00:00.000Z`;
    const end = new Date(Date.parse(start) + 86_400_000).toISOString();
    expect(await count(sql`status_id IN (${unfinished}) AND due_at < ${start}`)).toBeGreaterThan(10);
    expect(
      await count(sql`status_id IN (${unfinished}) AND due_at >= ${start} AND due_at < ${end}`),
    ).toBeGreaterThan(0);
    expect(await count(sql`(status_id IN (${unfinished})) = (done_at IS NOT NULL)`)).toBe(0);
    // The API lists what is late as overdue.
    const late = await env().api('POST', '/api/records/task/count', {
      filter: {
        and: [
          { field: 'due_at', op: 'lt', value: start },
          { field: 'status.code', op: 'in', value: ['new', 'in_progress', 'waiting'] },
        ],
      },
    });
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json().count).toBeGreaterThan(10);
  });

  it('opens the registers to a department, a work group and members; keeps history and search', async () => {
    const readers = await rows(sql<{ name: string; departments: number; groups: number; members: number }>`
      SELECT r.name,
        (SELECT count(*) FROM task_register_department d WHERE d.register_id = r.id) AS departments,
        (SELECT count(*) FROM task_register_work_group g WHERE g.register_id = r.id) AS groups,
        (SELECT count(*) FROM task_register_member m WHERE m.register_id = r.id) AS members
      FROM task_register r WHERE r.keeper_id IS NOT NULL`);
    expect(readers).toHaveLength(4);
    expect(readers.filter((r) => Number(r.departments) > 0).length).toBeGreaterThanOrEqual(1);
    expect(readers.filter((r) => Number(r.groups) > 0)).toHaveLength(1);
    expect(readers.filter((r) => Number(r.members) >= 2)).toHaveLength(1);

    // Each task's creation is in its client's file, or in no file when it is about no client.
    const unrecorded = await rows(sql<{ id: number }>`
      SELECT t.id FROM task t WHERE NOT EXISTS (
        SELECT 1 FROM record_history h WHERE h.object = 'task' AND h.record_id = t.id AND h.action = 'create'
          AND h.field = 'title'
          AND ((t.company_id IS NULL AND h.subject_id IS NULL)
            OR (h.subject_object = 'company' AND h.subject_id = t.company_id)))`);
    expect(unrecorded).toEqual([]);
    expect(
      await rows(sql`SELECT id FROM record_history WHERE object = 'task' AND field = 'progress'`),
    ).toEqual([]);

    const [sample] = await rows(sql<{ id: number; title: string }>`
      SELECT id, title FROM task WHERE company_id IS NULL ORDER BY id LIMIT 1 OFFSET 5`);
    const hits = (
      await env().api('GET', `/api/search?q=${encodeURIComponent(sample?.title ?? '')}&limit=100`)
    ).json().items as Array<{ id: number; object: string }>;
    expect(hits.map((h) => `${h.object}:${h.id}`)).toContain(`task:${sample?.id}`);

    // A task about a client passes the engine's checks when edited (its case is its client's…).
    const [about] = await rows(sql<{ id: number; version: number }>`
      SELECT id, version FROM task WHERE case_id IS NOT NULL ORDER BY id LIMIT 1`);
    const edited = await env().api('PATCH', `/api/records/task/${about?.id}`, {
      title: 'Checked',
      version: Number(about?.version),
    });
    expect(edited.statusCode, edited.body).toBe(200);
  });
});
