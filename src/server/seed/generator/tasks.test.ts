import { describe, expect, it } from 'vitest';
import { STORED_COLOUR } from '../../../shared/field-types/colour.ts';
import { sanitizeRichText } from '../../metadata/field-types/rich-text.ts';
import { TASK_PRIORITY_CODES, TASK_STATUS_CODES } from '../../modules/tasks/dictionaries.ts';
import { DEMO_SEED } from '../demo.ts';
import { clientFiles, workClients } from './client-work.ts';
import { type DatasetSize, DEMO_SIZE, employeeIsActive } from './generate.ts';
import type { TaskRow, TaskTree } from './rows.ts';
import { TASK_TEXTS, type TaskNodeText } from './task-texts.ts';
import { isFinishedTask } from './task-trees.ts';
import { taskRegisters, taskTarget, taskTreeAt, taskTrees } from './tasks.ts';
import { dayNumber } from './text.ts';

const REFERENCE = { referenceDate: '2026-11-23' };
const TODAY = dayNumber(REFERENCE.referenceDate);
const SIZE: DatasetSize = {
  companies: 2_000,
  people: 6_000,
  employees: 40,
  companyGroups: 0,
  personGroups: 0,
  caseClients: 1_500,
  activityClients: 0,
  noteClients: 0,
  tasks: 3_000,
};

const trees: TaskTree[] = [...taskTrees(7, SIZE, REFERENCE)];
const tasks: TaskRow[] = trees.flatMap((tree) => tree.tasks);
const tops = tasks.filter((task) => task.parent_number === null);
const subtasks = tasks.filter((task) => task.parent_number !== null);
const registers = taskRegisters(7, SIZE, REFERENCE);
const dayOf = (instant: string) => dayNumber(instant.slice(0, 10));
const isActive = (employee: number | null) =>
  employee !== null && employee < SIZE.employees && employeeIsActive(7, employee);

/** The progress `modules/tasks/progress.ts` gives, counted here from scratch: leaves below, at any depth. */
function expectedProgress(tree: TaskTree, number: number): number | null {
  const below = (n: number): number[] =>
    tree.tasks.flatMap((task, c) => (task.parent_number === n ? [c, ...below(c)] : []));
  const leaves = below(number).filter(
    (c) => !tree.tasks.some((task) => task.parent_number === c) && tree.tasks[c]?.status_code !== 'cancelled',
  );
  if (leaves.length === 0) return null;
  const done = leaves.filter((c) => tree.tasks[c]?.status_code === 'done').length;
  return Math.floor((done * 100) / leaves.length) * 100;
}

describe('tasks: determinism and sizes', () => {
  it('gives the same trees for the same seed, any tree on its own, others for another seed', () => {
    expect([...taskTrees(7, SIZE, REFERENCE)]).toEqual(trees);
    for (const number of [0, 17, trees.length - 1])
      expect(taskTreeAt(7, number, SIZE, REFERENCE)).toEqual(trees[number]);
    const other = [...taskTrees(8, SIZE, REFERENCE)].slice(0, 200);
    const same = other.filter((tree, i) => JSON.stringify(tree) === JSON.stringify(trees[i]));
    expect(same.length).toBeLessThan(20);
  });

  it('reaches the size’s count with whole trees; a size without tasks has none', () => {
    expect(tasks.length).toBeGreaterThanOrEqual(SIZE.tasks ?? 0);
    expect(tasks.length - (trees.at(-1)?.tasks.length ?? 0)).toBeLessThan(SIZE.tasks ?? 0);
    const demo = [...taskTrees(DEMO_SEED, DEMO_SIZE, REFERENCE)].flatMap((tree) => tree.tasks);
    expect(demo.length).toBeGreaterThanOrEqual(300);
    expect(demo.length).toBeLessThan(330);
    const before = { ...SIZE, tasks: undefined };
    expect(taskTarget(before)).toBe(0);
    expect([...taskTrees(7, before, REFERENCE)]).toEqual([]);
    expect(taskRegisters(7, before, REFERENCE)).toEqual([]);
    // Without any companies tasks are about no client.
    const noClients = [...taskTrees(7, { ...SIZE, companies: 0, people: 0, caseClients: 0 }, REFERENCE)];
    expect(noClients.flatMap((tree) => tree.tasks).every((task) => task.company_index === null)).toBe(true);
  });
});

describe('task registers', () => {
  it('are four, in distinct colours, each with a keeper, 2–4 topics and readers of every kind', () => {
    expect(registers.map((r) => r.key)).toEqual(['sales', 'complaints', 'internal', 'office']);
    const rows = registers.map((r) => r.row);
    expect(new Set(rows.map((r) => r.colour)).size).toBe(4);
    for (const row of rows) {
      expect(row.colour).toMatch(STORED_COLOUR);
      expect(isActive(row.keeper_index), row.name).toBe(true);
      expect(row.topics.length).toBeGreaterThanOrEqual(2);
      expect(row.topics.length).toBeLessThanOrEqual(4);
      expect(row.member_indexes.every(isActive)).toBe(true);
      expect(row.member_indexes).not.toContain(row.keeper_index);
    }
    expect(rows.filter((r) => r.department_indexes.length > 0).length).toBeGreaterThanOrEqual(1);
    expect(rows.filter((r) => r.work_group_key !== null).length).toBe(1);
    expect(rows.filter((r) => r.member_indexes.length >= 2).length).toBeGreaterThanOrEqual(1);
    // Each register has tasks.
    for (const [number] of registers.entries())
      expect(tasks.filter((t) => t.register_number === number).length).toBeGreaterThan(50);
  });
});

describe('tasks', () => {
  it('use only dictionary codes, every status at the top and among subtasks', () => {
    expect(new Set(tops.map((t) => t.status_code))).toEqual(new Set(TASK_STATUS_CODES));
    expect(new Set(subtasks.map((t) => t.status_code))).toEqual(new Set(TASK_STATUS_CODES));
    expect(new Set(tasks.map((t) => t.priority_code))).toEqual(new Set(TASK_PRIORITY_CODES));
    // A topic of the task's own register.
    const badTopic = tasks.filter(
      (t) =>
        t.topic_number !== null && registers[t.register_number]?.row.topics[t.topic_number] === undefined,
    );
    expect(badTopic).toEqual([]);
  });

  it('break some work down two or three levels, subtasks in their parent’s register', () => {
    const depth = (tree: TaskTree, n: number): number => {
      const parent = tree.tasks[n]?.parent_number ?? null;
      return parent === null ? 0 : 1 + depth(tree, parent);
    };
    const depths = trees.map((tree) => Math.max(...tree.tasks.map((_, n) => depth(tree, n))));
    expect(depths.filter((d) => d === 1).length).toBeGreaterThan(0);
    expect(depths.filter((d) => d === 2).length).toBeGreaterThan(20);
    expect(Math.max(...depths)).toBe(2);
    expect(subtasks.length).toBeGreaterThan(tasks.length * 0.25);
    expect(subtasks.length).toBeLessThan(tasks.length * 0.6);
    const broken = trees.flatMap((tree) =>
      tree.tasks.filter(
        (task, n) =>
          (n === 0) !== (task.parent_number === null) ||
          (task.parent_number !== null &&
            (task.parent_number >= n ||
              tree.tasks[task.parent_number]?.register_number !== task.register_number ||
              tree.tasks[task.parent_number]?.company_index !== task.company_index)),
      ),
    );
    expect(broken).toEqual([]);
  });

  it('carry the progress the engine would roll up, and none without subtasks', () => {
    const wrong = trees.flatMap((tree) =>
      tree.tasks.flatMap((task, n) =>
        task.progress === expectedProgress(tree, n)
          ? []
          : [{ tree: tree.number, n, progress: task.progress }],
      ),
    );
    expect(wrong).toEqual([]);
    const values = new Set(tasks.flatMap((t) => (t.progress === null ? [] : [t.progress])));
    expect(values.has(0)).toBe(true);
    expect(values.has(10_000)).toBe(true);
    expect([...values].some((v) => v > 0 && v < 10_000)).toBe(true);
  });

  it('fall due around the reference day: overdue, today, this week, later; done ones before today', () => {
    const open = tasks.filter((t) => !isFinishedTask(t.status_code));
    const offsets = open.flatMap((t) => (t.due_at === null ? [] : [dayOf(t.due_at) - TODAY]));
    expect(offsets.filter((d) => d < 0).length).toBeGreaterThan(open.length * 0.1);
    expect(offsets.filter((d) => d === 0).length).toBeGreaterThan(open.length * 0.03);
    expect(offsets.filter((d) => d > 0 && d < 7).length).toBeGreaterThan(open.length * 0.1);
    expect(offsets.filter((d) => d >= 7).length).toBeGreaterThan(open.length * 0.1);
    expect(open.some((t) => t.due_at === null)).toBe(true);
    const bad = tasks.filter(
      (t) =>
        (t.done_at !== null) !== isFinishedTask(t.status_code) ||
        (t.done_at !== null && (dayOf(t.done_at) >= TODAY || t.done_at < t.created_at)) ||
        dayOf(t.created_at) >= TODAY ||
        t.updated_at < t.created_at ||
        dayOf(t.updated_at) >= TODAY,
    );
    expect(bad).toEqual([]);
    // A step is due no later than the task it is part of.
    const late = trees.flatMap((tree) =>
      tree.tasks.filter((task) => {
        const parent = task.parent_number === null ? undefined : tree.tasks[task.parent_number];
        return parent?.due_at != null && task.due_at != null && dayOf(task.due_at) > dayOf(parent.due_at);
      }),
    );
    expect(late).toEqual([]);
  });

  it('go to active employees, watched by others now and then', () => {
    const bad = tasks.filter(
      (t) =>
        !isActive(t.assignee_index) ||
        !isActive(t.requester_index) ||
        !t.watcher_indexes.every(isActive) ||
        t.watcher_indexes.includes(t.assignee_index ?? -1) ||
        new Set(t.watcher_indexes).size !== t.watcher_indexes.length,
    );
    expect(bad).toEqual([]);
    expect(tops.filter((t) => t.watcher_indexes.length > 0).length).toBeGreaterThan(tops.length * 0.15);
    expect(new Set(tasks.map((t) => t.assignee_index)).size).toBeGreaterThan(10);
  });

  it('are about a client’s own case and person, complaints about complaint cases', () => {
    const file = clientFiles(7, SIZE, REFERENCE);
    const about = tasks.filter((t) => t.company_index !== null);
    expect(about.length).toBeGreaterThan(tasks.length * 0.3);
    expect(about.filter((t) => t.case_number !== null).length).toBeGreaterThan(about.length * 0.2);
    expect(about.filter((t) => t.person_index !== null).length).toBeGreaterThan(20);
    const complaints = registers.findIndex((r) => r.key === 'complaints');
    const bad = about.filter((t) => {
      const client = file(t.company_index ?? 0);
      const linked = t.case_number === null ? null : client.cases[t.case_number];
      return (
        (t.company_index ?? 0) >= workClients(SIZE) ||
        linked === undefined ||
        (linked !== null && t.register_number === complaints && linked.type_code !== 'complaint') ||
        (t.person_index !== null && !client.people.includes(t.person_index))
      );
    });
    expect(bad).toEqual([]);
    // Internal work is about nobody outside.
    const internal = registers.findIndex((r) => r.key === 'internal');
    expect(tasks.filter((t) => t.register_number === internal && t.company_index !== null)).toEqual([]);
  });

  it('write rich text the server keeps as it is, with every placeholder filled', () => {
    const descriptions = tasks.flatMap((t) => (t.description === null ? [] : [t.description]));
    expect(descriptions.length).toBeGreaterThan(tops.length * 0.2);
    expect(descriptions.some((d) => d.includes('<li>'))).toBe(true);
    for (const description of new Set(descriptions)) expect(sanitizeRichText(description)).toBe(description);
    expect(tasks.filter((t) => /[{}]/.test(t.title) || t.title.length > 300)).toEqual([]);
  });
});

describe('task texts', () => {
  const shape = (node: TaskNodeText): unknown => (node.children ?? []).map(shape);
  it('have the same registers, topics and breakdowns in every language', () => {
    const [first, ...others] = Object.values(TASK_TEXTS);
    for (const texts of [first ?? TASK_TEXTS.en, ...others]) {
      for (const [key, register] of Object.entries(texts.registers)) {
        const reference = first?.registers[key as keyof typeof texts.registers];
        expect(register.topics.length, key).toBe(reference?.topics.length);
        const clientTopics = (topics: readonly { titles: readonly string[] }[] = []) =>
          topics.map((topic) => topic.titles.every((title) => title.includes('{client}')));
        expect(clientTopics(register.topics), key).toEqual(clientTopics(reference?.topics));
      }
      // A client topic's titles all name the client, the others none.
      for (const { key, topics } of registers)
        topics.forEach((spec, t) => {
          const titles = texts.registers[key].topics[t]?.titles ?? [];
          expect(
            titles.filter((title) => title.includes('{client}') !== spec.client),
            key,
          ).toEqual([]);
        });
      for (const [kind, tree] of Object.entries(texts.trees))
        expect(shape(tree), kind).toEqual(shape(first?.trees[kind as keyof typeof texts.trees] ?? tree));
    }
  });
});
