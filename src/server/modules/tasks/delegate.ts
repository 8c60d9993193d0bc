import type { Actor } from '../../access/actor.ts';
import { actorUserId, systemActor } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import { errors } from '../../errors.ts';
import { inOneTransaction } from '../../records/command.ts';
import { executorOf, type RecordsContext } from '../../records/context.ts';
import { inScope } from '../../records/in-scope.ts';
import type { ApiRecord } from '../../records/present.ts';
import { getRecord } from '../../records/reader.ts';
import { createRecord } from '../../records/writer.ts';

/** What a subtask "with the content" carries over from the task it is delegated from. */
const CONTENT = ['description', 'topic', 'priority', 'due_at', 'company', 'case', 'person'] as const;

/**
 * Hands part of a task to another employee as a subtask: with the parent's content (its
 * description, topic, priority, due time and what it is about) or bare (its title only). The
 * delegator needs the right to change the parent; the subtask is written as the system on their
 * behalf, because it belongs to someone else (whose task a salesperson cannot create under
 * their own scope), with them as its requester.
 */
export async function delegateTask(
  ctx: RecordsContext,
  actor: Actor,
  taskId: number,
  employee: number,
  withContent: boolean,
): Promise<ApiRecord> {
  return inOneTransaction(ctx, async (txCtx) => {
    const parent = await getRecord(txCtx, actor, 'task', taskId);
    const definition = ctx.registry.get('task');
    const grant = authorize(ctx.registry, actor, 'task', 'update');
    if (!definition || !(await inScope(executorOf(txCtx), definition, grant, taskId)))
      throw errors.forbidden(`You may not delegate task ${taskId}: you may not change it`);
    const content = withContent ? Object.fromEntries(CONTENT.map((key) => [key, parent[key] ?? null])) : {};
    const requester = actor.kind === 'user' ? actor.employeeId : null;
    return createRecord(txCtx, systemActor('task.delegate', actorUserId(actor) ?? undefined), 'task', {
      ...content,
      title: parent.title,
      register: parent.register,
      parent: taskId,
      assignee: employee,
      requester,
    });
  });
}
