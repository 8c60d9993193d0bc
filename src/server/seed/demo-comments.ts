import type { Tx } from '../db/dialects/dialect.ts';
import { DEMO_LOGINS } from './demo-accounts.ts';
import { COMMENT_TEXTS, type CommentTexts } from './generator/comment-texts.ts';
import { forIndex, type Rng } from './generator/prng.ts';
import { languageOf } from './generator/task-registers.ts';
import type { LoadedDataset } from './load.ts';

/** The PRNG stream of the demo's comments: drawing them shifts no other generated record. */
const STREAM = 'demo-comments';
/** Enough conversations to find some in every list, few enough to read through. */
const MAX_TASKS = 150;
const SHARE = 2 / 3;
/** How often the assistant asks after a task only its doer has an account for. */
const ASSISTANT_ASKS = 2 / 3;
const MINUTE = 60_000;
/** A task younger than this has had no time for a conversation. */
const MIN_SPAN = 60 * MINUTE;
const BATCH = 200;

interface TaskFacts {
  id: number;
  assigneeId: number | null;
  requesterId: number | null;
  createdAt: number;
  doneAt: number | null;
  status: string | null;
}

/** A type, not an interface: Kysely's dynamic tables take rows with an implicit index signature. */
type CommentRow = {
  object: string;
  record_id: number;
  author_id: number;
  body: string;
  created_at: string;
  updated_at: string;
  version: number;
  deleted_at: null;
};

/** Instants come back as ISO text on both dialects (PostgreSQL's parser is set so). */
function instant(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const ms = Date.parse(String(value));
  return Number.isNaN(ms) ? null : ms;
}

/** `count` distinct items of `items` (fewer when it has fewer), in drawing order. */
function distinct<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const left = [...items];
  const picked: T[] = [];
  while (picked.length < count && left.length > 0)
    picked.push(...left.splice(rng.int(0, left.length - 1), 1));
  return picked;
}

/**
 * The lines of one conversation and who says each. Two voices: the asker asks, the doer
 * answers, the asker thanks, the doer reports (cut after 1–4 turns; one turn is the doer's note
 * alone). One voice: the doer's own notes, or the asker's nudge or two when the doer has no
 * account to answer with.
 */
function conversation(
  rng: Rng,
  texts: CommentTexts,
  done: boolean,
  doer: number | null,
  asker: number | null,
): { author: number; body: string }[] {
  const report = () => rng.pick(done ? texts.closing : texts.updates);
  if (doer !== null && asker !== null) {
    const length = rng.int(1, 4);
    if (length === 1) return [{ author: doer, body: report() }];
    const [question, answer] = rng.pick(texts.exchanges);
    const turns = [
      { author: asker, body: question },
      { author: doer, body: answer },
      { author: asker, body: rng.pick(texts.thanks) },
      { author: doer, body: report() },
    ];
    return turns.slice(0, length);
  }
  const length = rng.int(1, 2);
  if (doer !== null) {
    // Notes to self and to whoever reads along: work under way, then (when done) the last word.
    const notes = distinct(rng, texts.updates, length);
    if (done) notes[notes.length - 1] = rng.pick(texts.closing);
    return notes.map((body) => ({ author: doer, body }));
  }
  if (asker === null) return [];
  return distinct(rng, texts.exchanges, length).map(([question]) => ({ author: asker, body: question }));
}

/**
 * When each line was written: the first somewhere in the task's life (after its creation, before
 * it was finished or `end`), the replies minutes to a day apart, squeezed when time runs short.
 * Strictly increasing; lines that would fall after `end` are left out.
 */
function times(rng: Rng, count: number, start: number, end: number): number[] {
  const first = start + 5 * MINUTE + Math.floor(rng.float() * 0.6 * (end - start - 5 * MINUTE));
  const gaps = Array.from({ length: count - 1 }, () => rng.int(5, 24 * 60) * MINUTE);
  const total = gaps.reduce((sum, gap) => sum + gap, 0);
  const scale = total > end - first ? (end - first) / total : 1;
  const result = [first];
  let at = first;
  for (const gap of gaps) {
    at += Math.max(1000, Math.floor(gap * scale));
    if (at > end) break;
    result.push(at);
  }
  return result;
}

/**
 * Conversations on the tasks of the demo accounts' employees: about two thirds of the tasks
 * they do or asked for (at most MAX_TASKS), 1–4 comments each by the accounts of the assignee
 * and the requester (or the assistant's, asking the assignee), in the assignee's language, dated
 * between the task's creation and `at`.
 * Written straight to the table inside the caller's transaction, like the rest of the seed:
 * no events, so nobody is notified of a conversation that "happened" before the first start.
 * Returns how many comments it wrote.
 */
export async function addDemoComments(
  trx: Tx,
  seed: number,
  loaded: LoadedDataset,
  at: string,
): Promise<number> {
  const accounts = await trx
    .selectFrom('user_account as u')
    .innerJoin('employee as e', 'e.id', 'u.employee_id')
    .select(['u.id', 'u.login', 'u.employee_id'])
    .where('u.login', 'in', Object.values(DEMO_LOGINS))
    .orderBy('u.id')
    .execute();
  const accountOf = new Map(accounts.map((a) => [Number(a.employee_id), Number(a.id)]));
  if (accountOf.size === 0) return 0;
  const assistantRow = accounts.find((a) => a.login === DEMO_LOGINS.assistant);
  const assistant = assistantRow === undefined ? null : Number(assistantRow.id);
  const employees = [...accountOf.keys()];
  const rows = await trx
    .selectFrom('task as t')
    .leftJoin('dictionary_value as s', 's.id', 't.status_id')
    .select(['t.id', 't.assignee_id', 't.requester_id', 't.created_at', 't.done_at', 's.code'])
    .where('t.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('t.assignee_id', 'in', employees), eb('t.requester_id', 'in', employees)]))
    .orderBy('t.id')
    .execute();
  const tasks: TaskFacts[] = rows.flatMap((row) => {
    const createdAt = instant(row.created_at);
    if (createdAt === null) return [];
    const id = (value: unknown) => (value === null || value === undefined ? null : Number(value));
    return [
      {
        id: Number(row.id),
        assigneeId: id(row.assignee_id),
        requesterId: id(row.requester_id),
        createdAt,
        doneAt: instant(row.done_at),
        status: row.code === null || row.code === undefined ? null : String(row.code),
      },
    ];
  });

  const indexOf = new Map(loaded.employeeIds.map((id, index) => [id, index]));
  const now = Date.parse(at);
  const comments: CommentRow[] = [];
  let conversations = 0;
  for (const [ordinal, task] of tasks.entries()) {
    if (conversations >= MAX_TASKS) break;
    // A stream per task: whether and what one task gets does not depend on the others' draws.
    const rng = forIndex(seed, STREAM, ordinal);
    if (!rng.chance(SHARE)) continue;
    // A finished task was talked about before it was finished.
    const end =
      task.doneAt !== null && task.doneAt - task.createdAt >= MIN_SPAN ? Math.min(task.doneAt, now) : now;
    if (end - task.createdAt < MIN_SPAN) continue;
    const doer = task.assigneeId === null ? null : (accountOf.get(task.assigneeId) ?? null);
    const requester = task.requesterId === null ? null : (accountOf.get(task.requesterId) ?? null);
    // Few tasks are both done and asked for by demo accounts: on a doer's task nobody else with
    // an account asked for, the assistant (whose role reads every task) mostly asks after it,
    // so the demo shows more than monologues.
    const asker =
      requester !== null && requester !== doer
        ? requester
        : doer !== null && assistant !== null && assistant !== doer && rng.chance(ASSISTANT_ASKS)
          ? assistant
          : null;
    const index = task.assigneeId === null ? undefined : indexOf.get(task.assigneeId);
    const texts = COMMENT_TEXTS[index === undefined ? 'en' : languageOf(index)];
    const lines = conversation(rng, texts, task.status === 'done', doer, asker);
    if (lines.length === 0) continue;
    const when = times(rng, lines.length, task.createdAt, end);
    conversations++;
    when.forEach((ms, n) => {
      const line = lines[n];
      if (!line) return;
      const stamp = new Date(ms).toISOString();
      comments.push({
        object: 'task',
        record_id: task.id,
        author_id: line.author,
        body: line.body,
        created_at: stamp,
        updated_at: stamp,
        version: 1,
        deleted_at: null,
      });
    });
  }
  for (let from = 0; from < comments.length; from += BATCH)
    await trx
      .insertInto('record_comment')
      .values(comments.slice(from, from + BATCH))
      .execute();
  return comments.length;
}
