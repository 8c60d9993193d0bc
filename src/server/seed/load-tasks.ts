import type { Dialect, Tx } from '../db/dialects/dialect.ts';
import { idLists } from '../db/id-lists.ts';
import type { ObjectDefinition } from '../metadata/define-object.ts';
import type { MetadataRegistry } from '../metadata/registry.ts';
import { codes } from './client-details.ts';
import type { DatasetSize } from './generator/context.ts';
import type { TaskRow, TaskTree } from './generator/rows.ts';
import { taskRegisters, taskTarget, taskTrees } from './generator/tasks.ts';
import { auditUntil, type Item, idAt, idsAt, insertRecords, type WorkHistory } from './insert-records.ts';

/** Task trees per transaction: about a thousand tasks. */
const TREES_PER_TRANSACTION = 500;

export interface TaskLoadOptions {
  seed: number;
  size: DatasetSize;
  referenceDate: string;
  /** When the load runs: no record says it was written later than this. */
  at: string;
  /** Database ids by the generator's department (OrganisationPlan), company, person and employee indexes. */
  departmentIds: readonly number[];
  companyIds: readonly number[];
  personIds: readonly number[];
  employeeIds: readonly number[];
  /** What history the records come with; default `fields` (see WorkHistory). */
  history?: WorkHistory;
  onProgress?: (message: string) => void;
}

export interface TaskCounts {
  registers: number;
  topics: number;
  /** Subtasks included. */
  tasks: number;
  subtasks: number;
}

export interface LoadedTasks {
  counts: TaskCounts;
  /** Register ids by the work group (WorkGroupKey) that is to read them once the demo adds it. */
  workGroupRegisters: ReadonlyMap<string, readonly number[]>;
}

/** How many tasks are above this one in its tree: 0 for the top task. */
function depthOf(tasks: readonly TaskRow[], number: number): number {
  let depth = 0;
  for (let parent = tasks[number]?.parent_number ?? null; parent !== null; depth++) {
    parent = tasks[parent]?.parent_number ?? null;
  }
  return depth;
}

/**
 * The ids of the cases of these companies, in the order they were loaded: a company's cases go
 * in with one statement, in the generator's order, so its n-th id is its case number n.
 */
async function casesByCompany(trx: Tx, companyIds: Iterable<number>): Promise<Map<number, number[]>> {
  const found = new Map<number, number[]>();
  for (const list of idLists(companyIds)) {
    const rows = await trx
      .selectFrom('client_case')
      .select(['id', 'company_id'])
      .where('company_id', 'in', list)
      .orderBy('id')
      .execute();
    for (const row of rows) {
      const company = Number(row.company_id);
      found.set(company, [...(found.get(company) ?? []), Number(row.id)]);
    }
  }
  return found;
}

/**
 * The task registers (with their readers and topics) and the tasks of the data set, straight to
 * the tables like the client work, with the history and search documents the engine would have
 * written: a task about a client is in the client's file, search finds tasks by title. Progress
 * comes computed by the generator, as the engine's roll-up would have left it. Deterministic
 * per seed; streamed a few hundred trees at a time.
 */
export async function loadTasks(
  dialect: Dialect,
  registry: MetadataRegistry,
  options: TaskLoadOptions,
): Promise<LoadedTasks> {
  const counts: TaskCounts = { registers: 0, topics: 0, tasks: 0, subtasks: 0 };
  const workGroupRegisters = new Map<string, number[]>();
  if (taskTarget(options.size) === 0) return { counts, workGroupRegisters };
  const definition = (key: string): ObjectDefinition => {
    const found = registry.get(key);
    if (!found) throw new Error(`unknown object ${key}`);
    return found;
  };
  const objects = {
    register: definition('task_register'),
    topic: definition('task_topic'),
    task: definition('task'),
  };
  const maps = {
    task_status: await codes(dialect, 'task_status'),
    task_priority: await codes(dialect, 'task_priority'),
  };
  const dictionary = (name: keyof typeof maps, code: string) => {
    const id = maps[name].get(code);
    if (id === undefined) throw new Error(`The standard value ${name}:${code} is missing`);
    return id;
  };
  const history = options.history ?? 'fields';
  const { until, audit } = auditUntil(options.at);
  const generateOptions = { referenceDate: options.referenceDate };

  const registers = taskRegisters(options.seed, options.size, generateOptions);
  const { registerIds, topicIds } = await dialect.db.transaction().execute(async (trx: Tx) => {
    const registerIds = await insertRecords(
      trx,
      dialect,
      objects.register,
      registers.map(({ row }) => ({
        row: {
          name: row.name,
          colour: row.colour,
          description: row.description,
          keeper_id: idAt(options.employeeIds, row.keeper_index),
          active: dialect.encodeBoolean(true),
          ...audit(row.created_at),
        },
        members: {
          members: idsAt(options.employeeIds, row.member_indexes),
          departments: idsAt(options.departmentIds, row.department_indexes),
        },
        companyId: null,
        at: until(row.created_at),
      })),
      history,
    );
    const topicItems: Item[] = registers.flatMap(({ row }, r) =>
      row.topics.map((name) => ({
        row: {
          register_id: registerIds[r],
          name,
          active: dialect.encodeBoolean(true),
          ...audit(row.created_at),
        },
        companyId: null,
        at: until(row.created_at),
      })),
    );
    const inserted = await insertRecords(trx, dialect, objects.topic, topicItems, history);
    let next = 0;
    const topicIds = registers.map(({ row }) => row.topics.map(() => inserted[next++] ?? 0));
    return { registerIds, topicIds };
  });
  registers.forEach(({ row }, r) => {
    const registerId = registerIds[r];
    if (row.work_group_key === null || registerId === undefined) return;
    workGroupRegisters.set(row.work_group_key, [
      ...(workGroupRegisters.get(row.work_group_key) ?? []),
      registerId,
    ]);
  });
  counts.registers = registerIds.length;
  counts.topics = topicIds.flat().length;

  const write = async (trx: Tx, batch: readonly TaskTree[]) => {
    const companyOf = (task: TaskRow) => idAt(options.companyIds, task.company_index);
    const cases = await casesByCompany(
      trx,
      batch.flatMap((tree) =>
        tree.tasks.flatMap((task) => {
          const company = companyOf(task);
          return task.case_number === null || company === null ? [] : [company];
        }),
      ),
    );
    // A subtask names its parent, so trees go in by depth: the top tasks, then their
    // subtasks, and so on.
    const idsOf: number[][] = batch.map((tree) => tree.tasks.map(() => 0));
    const depths = batch.map((tree) => tree.tasks.map((_, n) => depthOf(tree.tasks, n)));
    const deepest = Math.max(0, ...depths.flat());
    for (let depth = 0; depth <= deepest; depth++) {
      const items: Item[] = [];
      const places: Array<[tree: number, number: number]> = [];
      batch.forEach((tree, t) => {
        tree.tasks.forEach((task, number) => {
          if (depths[t]?.[number] !== depth) return;
          const companyId = companyOf(task);
          const caseId =
            companyId === null || task.case_number === null
              ? null
              : (cases.get(companyId)?.[task.case_number] ?? null);
          places.push([t, number]);
          items.push({
            row: {
              title: task.title,
              register_id: registerIds[task.register_number],
              topic_id:
                task.topic_number === null
                  ? null
                  : (topicIds[task.register_number]?.[task.topic_number] ?? null),
              description: task.description,
              status_id: dictionary('task_status', task.status_code),
              priority_id: dictionary('task_priority', task.priority_code),
              assignee_id: idAt(options.employeeIds, task.assignee_index),
              requester_id: idAt(options.employeeIds, task.requester_index),
              due_at: task.due_at,
              done_at: task.done_at,
              company_id: companyId,
              case_id: caseId,
              person_id: idAt(options.personIds, task.person_index),
              parent_id: task.parent_number === null ? null : (idsOf[t]?.[task.parent_number] ?? null),
              progress: task.progress,
              ...audit(task.created_at, task.updated_at),
            },
            members: { watchers: idsAt(options.employeeIds, task.watcher_indexes) },
            companyId,
            at: until(task.created_at),
          });
        });
      });
      const inserted = await insertRecords(trx, dialect, objects.task, items, history);
      places.forEach(([t, number], k) => {
        const list = idsOf[t];
        if (list) list[number] = inserted[k] ?? 0;
      });
      counts.tasks += items.length;
      if (depth > 0) counts.subtasks += items.length;
    }
  };

  let batch: TaskTree[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    await dialect.db.transaction().execute((trx: Tx) => write(trx, current));
  };
  for (const tree of taskTrees(options.seed, options.size, generateOptions)) {
    batch.push(tree);
    if (batch.length >= TREES_PER_TRANSACTION) {
      await flush();
      options.onProgress?.(`tasks: ${counts.tasks}`);
    }
  }
  await flush();
  options.onProgress?.(
    `tasks: ${counts.tasks} (${counts.subtasks} subtasks) in ${counts.registers} registers with ${counts.topics} topics`,
  );
  return { counts, workGroupRegisters };
}
