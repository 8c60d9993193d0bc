import { sql } from 'kysely';
import type { Executor } from '../../db/dialects/dialect.ts';
import { executorOf } from '../../records/context.ts';
import type { WriteFact } from '../../records/effects.ts';
import { updateRecord } from '../../records/writer.ts';
import { invalidField } from '../cases/rules.ts';
import { FINISHED_TASK_STATUS_CODES } from './dictionaries.ts';

/** The status code of a task (null when it has none or does not exist). */
export async function taskStatusCode(executor: Executor, taskId: number): Promise<string | null> {
  const row = await executor
    .selectFrom('task as t')
    .innerJoin('dictionary_value as s', 's.id', 't.status_id')
    .select('s.code')
    .where('t.id', '=', taskId)
    .executeTakeFirst();
  return typeof row?.code === 'string' ? row.code : null;
}

export function isFinished(code: string | null): boolean {
  return code !== null && (FINISHED_TASK_STATUS_CODES as readonly string[]).includes(code);
}

/**
 * A task is done when its status becomes a finished one: the time is kept unless the writer
 * gave it (finished yesterday, recorded today); reopened, it has none any more (the history
 * keeps the old one). Written through the engine, so the history says it came with the status.
 */
export async function doneAtFollowsStatus(fact: WriteFact): Promise<void> {
  if (fact.action !== 'create' && fact.action !== 'update') return;
  if (!fact.changes.some((change) => change.field === 'status')) return;
  const { ctx } = fact;
  const row = await executorOf(ctx)
    .selectFrom('task')
    .select(['done_at', 'version'])
    .where('id', '=', fact.recordId)
    .executeTakeFirst();
  if (!row) return;
  const finished = isFinished(await taskStatusCode(executorOf(ctx), fact.recordId));
  const hasTime = row.done_at !== null && row.done_at !== undefined;
  if (finished === hasTime) return;
  await updateRecord(ctx, fact.actor, 'task', fact.recordId, {
    done_at: finished ? ctx.now().toISOString() : null,
    version: Number(row.version),
  });
}

/** A task's topic is one of its register's: the topics of "Complaints" make no sense in "Sales". */
export async function topicOfTheRegister(executor: Executor, id: number): Promise<void> {
  const found = await sql<{ register_id: number | string }>`
    SELECT p.register_id FROM task t JOIN task_topic p ON p.id = t.topic_id
    WHERE t.id = ${id} AND p.register_id <> t.register_id`.execute(executor);
  const row = found.rows[0];
  if (row) throw invalidField('topic', 'other_register', `the topic belongs to register ${row.register_id}`);
}
