// The shape of one task tree in time: which steps are done, when each falls due and was
// finished, and the progress of every task with subtasks, as the engine would have rolled it
// up. Titles, people and clients come from tasks.ts; this file only knows the tree.

import { PERCENT_SCALE } from '../../../shared/field-types/percent.ts';
import { FINISHED_TASK_STATUS_CODES, type TaskStatusCode } from '../../modules/tasks/dictionaries.ts';
import type { Rng } from './prng.ts';
import type { TaskNodeText } from './task-texts.ts';
import { instantAt, later, type Weights, workingMinutes } from './work-context.ts';

export interface ShapedTask {
  node: TaskNodeText;
  /** Into the same list: always an earlier task. */
  parent: number | null;
  status: TaskStatusCode;
  dueDay: number | null;
  dueAt: string | null;
  doneAt: string | null;
  createdAt: string;
  updatedAt: string;
  progress: number | null;
}

type Due = 'overdue' | 'today' | 'week' | 'later' | 'none';
/** When unfinished work falls due: enough of each for "late", "today" and "this week". */
const UNFINISHED_DUE: Weights<Due> = [
  ['overdue', 28],
  ['today', 14],
  ['week', 24],
  ['later', 24],
  ['none', 10],
];

export function isFinishedTask(status: string): boolean {
  return (FINISHED_TASK_STATUS_CODES as readonly string[]).includes(status);
}

/**
 * Drops some of the steps at the bottom (never a task's first), so trees of one kind differ;
 * a task with subtasks keeps at least one, and so stays one with subtasks. `levels` cuts the
 * tree below that many levels: a small complaint is a few steps, not steps of steps.
 */
export function pruneTree(rng: Rng, node: TaskNodeText, levels = Number.POSITIVE_INFINITY): TaskNodeText {
  const children = levels > 1 ? (node.children ?? []) : [];
  if (children.length === 0) return { title: node.title };
  const kept = children.filter(
    (child, index) => index === 0 || (levels > 2 && (child.children?.length ?? 0) > 0) || rng.chance(0.85),
  );
  return { title: node.title, children: kept.map((child) => pruneTree(rng, child, levels - 1)) };
}

function flatten(root: TaskNodeText): Array<{ node: TaskNodeText; parent: number | null }> {
  const list: Array<{ node: TaskNodeText; parent: number | null }> = [];
  const visit = (node: TaskNodeText, parent: number | null) => {
    const index = list.length;
    list.push({ node, parent });
    for (const child of node.children ?? []) visit(child, index);
  };
  visit(root, null);
  return list;
}

function rootDueDay(rng: Rng, reference: number, status: TaskStatusCode, tree: boolean): number | null {
  if (status === 'done') return reference - rng.int(1, 120);
  if (status === 'cancelled') return reference + rng.int(-60, 10);
  const due = rng.weighted(UNFINISHED_DUE);
  if (due === 'overdue') return reference - rng.int(1, 20);
  if (due === 'today') return reference;
  if (due === 'week') return reference + rng.int(1, 6);
  // A breakdown of work always has a deadline.
  if (due === 'later' || tree) return reference + rng.int(7, 60);
  return null;
}

/** The status of leaf `j` of `n`: the first ones done, then the one being worked on, then the rest. */
function leafStatuses(rng: Rng, status: TaskStatusCode, n: number): TaskStatusCode[] {
  const k = rng.int(0, n - 1);
  return Array.from({ length: n }, (_, j): TaskStatusCode => {
    if (status === 'new') return 'new';
    if (status === 'done') return j === 0 || rng.chance(0.9) ? 'done' : 'cancelled';
    if (status === 'cancelled') return j < k ? 'done' : 'cancelled';
    // In progress or waiting: a step dropped along the way now and then.
    if (j < k) return 'done';
    if (j === k) return status;
    return rng.chance(0.1) ? 'cancelled' : 'new';
  });
}

/** Where a task with subtasks stands, from the steps below it. */
function statusAbove(codes: readonly TaskStatusCode[]): TaskStatusCode {
  if (codes.every(isFinishedTask)) return codes.includes('done') ? 'done' : 'cancelled';
  if (codes.includes('in_progress')) return 'in_progress';
  if (codes.includes('waiting')) return 'waiting';
  return codes.includes('done') ? 'in_progress' : 'new';
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}

/**
 * A tree (a single task is a tree of one) in `status` on the reference day: created before it,
 * its steps due one after another up to the top task's due day, the finished ones with their
 * done time (never on or after the reference day, which is "today"), every task with
 * subtasks with the progress `modules/tasks/progress.ts` would give it.
 */
export function shapeTree(
  rng: Rng,
  reference: number,
  root: TaskNodeText,
  status: TaskStatusCode,
): ShapedTask[] {
  const list = flatten(root);
  const hasChildren = list.map((_, i) => list.some((item) => item.parent === i));
  const leaves = list.flatMap((_, i) => (hasChildren[i] ? [] : [i]));
  const tree = list.length > 1;

  const due = rootDueDay(rng, reference, status, tree);
  const span = tree ? rng.int(10, 35) : 0;
  const start = due === null ? reference : due - span;
  const createdDay = Math.min(start, reference - 1) - rng.int(tree ? 0 : 1, tree ? 7 : 21);
  const createdMinutes = workingMinutes(rng);
  const lastDay = reference - 1;
  const cancelDay = clamp(rng.int(createdDay + 1, Math.max(createdDay + 1, lastDay)), createdDay, lastDay);

  const statuses: TaskStatusCode[] = list.map(() => 'new');
  const dueDays: Array<number | null> = list.map(() => null);
  const doneAts: Array<string | null> = list.map(() => null);
  const createdAts = list.map((_, i) => instantAt(createdDay, createdMinutes + i));
  const finishedAt = (i: number, day: number) =>
    later(createdAts[i] ?? '', instantAt(day, workingMinutes(rng)));

  const leafCodes = leafStatuses(rng, status, leaves.length);
  leaves.forEach((i, j) => {
    const code = leafCodes[j] ?? 'new';
    const leafDue = due === null ? null : start + Math.round((span * (j + 1)) / leaves.length);
    statuses[i] = code;
    dueDays[i] = leafDue;
    const planned = leafDue ?? reference - rng.int(1, 10);
    if (code === 'done')
      doneAts[i] = finishedAt(
        i,
        clamp(planned + rng.int(-4, 1), createdDay, status === 'cancelled' ? cancelDay : lastDay),
      );
    else if (code === 'cancelled')
      doneAts[i] = finishedAt(
        i,
        status === 'cancelled' ? cancelDay : clamp(planned - rng.int(0, 10), createdDay, lastDay),
      );
  });

  // Upwards: children come after their parent, so walking backwards sees every child first.
  for (let i = list.length - 1; i >= 0; i--) {
    if (!hasChildren[i]) continue;
    const children = list.flatMap((item, c) => (item.parent === i ? [c] : []));
    statuses[i] = statusAbove(children.map((c) => statuses[c] ?? 'new'));
    dueDays[i] = Math.max(...children.map((c) => dueDays[c] ?? Number.NEGATIVE_INFINITY));
    if (!Number.isFinite(dueDays[i] ?? Number.NaN)) dueDays[i] = null;
    // Done when its last done step was; cancelled when the last of its steps was settled.
    const code = statuses[i] ?? 'new';
    if (isFinishedTask(code))
      doneAts[i] = children
        .filter((c) => code === 'cancelled' || statuses[c] === 'done')
        .reduce((latest, c) => later(latest, doneAts[c] ?? ''), createdAts[i] ?? '');
  }
  // The top task says what happened to the whole: a cancelled one was cancelled on its day,
  // whatever had been done by then.
  statuses[0] = status;
  dueDays[0] = due;
  if (status === 'cancelled') doneAts[0] = later(doneAts[0] ?? '', finishedAt(0, cancelDay));

  const progress = progressOfTree(list, hasChildren, statuses);
  return list.map(({ node, parent }, i) => {
    const code = statuses[i] ?? 'new';
    const createdAt = createdAts[i] ?? '';
    const doneAt = isFinishedTask(code) ? (doneAts[i] ?? createdAt) : null;
    const dueDay = dueDays[i] ?? null;
    return {
      node,
      parent,
      status: code,
      dueDay,
      dueAt: dueDay === null ? null : instantAt(dueDay, workingMinutes(rng, 8 * 60, 15 * 60)),
      doneAt,
      createdAt,
      updatedAt:
        doneAt ??
        (code === 'new'
          ? createdAt
          : later(createdAt, instantAt(rng.int(createdDay, lastDay), workingMinutes(rng)))),
      progress: progress[i] ?? null,
    };
  });
}

/**
 * Per task: the share of done steps at the bottom of its tree, cancelled ones not counted, in
 * basis points of whole per cent; null for a step itself and when every step was cancelled.
 * The definition of `modules/tasks/progress.ts`, computed before the insert instead of after.
 */
export function progressOfTree(
  list: ReadonlyArray<{ parent: number | null }>,
  hasChildren: readonly boolean[],
  statuses: readonly TaskStatusCode[],
): Array<number | null> {
  const total = list.map(() => 0);
  const done = list.map(() => 0);
  list.forEach((_, leaf) => {
    if (hasChildren[leaf] || statuses[leaf] === 'cancelled') return;
    for (let above = list[leaf]?.parent ?? null; above !== null; above = list[above]?.parent ?? null) {
      total[above] = (total[above] ?? 0) + 1;
      if (statuses[leaf] === 'done') done[above] = (done[above] ?? 0) + 1;
    }
  });
  return list.map((_, i) => {
    const count = total[i] ?? 0;
    if (!hasChildren[i] || count === 0) return null;
    return Math.floor(((done[i] ?? 0) * 100) / count) * PERCENT_SCALE;
  });
}
