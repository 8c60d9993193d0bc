import { type Actor, actorUserId, systemActor } from '../../access/actor.ts';
import { authorize, restrictedRights } from '../../access/policy.ts';
import { AppError, errors } from '../../errors.ts';
import { inOneTransaction } from '../../records/command.ts';
import { executorOf, type RecordsContext } from '../../records/context.ts';
import type { ApiRecord } from '../../records/present.ts';
import { getRecord } from '../../records/reader.ts';
import { createRecord, updateRecord } from '../../records/writer.ts';
import { isFinished, taskStatusCode } from './rules.ts';

/** The employee a user acts as; claims and delegations are between employees. */
export function employeeOf(actor: Actor): number {
  if (actor.kind !== 'user' || actor.employeeId === null)
    throw new AppError(400, 'no_employee', 'Your account is not linked to an employee');
  return actor.employeeId;
}

const asSystem = (name: string, actor: Actor) => systemActor(name, actorUserId(actor) ?? undefined);

/**
 * An employee asks to be given a task they can see. Made as the system on their behalf (a
 * claim is not a record anyone types in; reading the task is the right to ask). One open
 * request per person and task; none for a task that is theirs already or finished.
 */
export async function claimTask(
  ctx: RecordsContext,
  actor: Actor,
  taskId: number,
  note: string | undefined,
): Promise<ApiRecord> {
  const claimant = employeeOf(actor);
  return inOneTransaction(ctx, async (txCtx) => {
    const task = await getRecord(txCtx, actor, 'task', taskId);
    if (task.assignee === claimant)
      throw new AppError(409, 'already_assigned', `Task ${taskId} is already assigned to you`);
    if (isFinished(await taskStatusCode(executorOf(txCtx), taskId)))
      throw new AppError(409, 'task_finished', `Task ${taskId} is finished: there is nothing to take on`);
    const pending = await executorOf(txCtx)
      .selectFrom('task_claim')
      .select('id')
      .where('task_id', '=', taskId)
      .where('claimant_id', '=', claimant)
      .where('status', '=', 'pending')
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (pending)
      throw new AppError(409, 'claim_pending', `You already asked for task ${taskId}`, {
        claim: Number(pending.id),
      });
    return createRecord(txCtx, asSystem('task.claim', actor), 'task_claim', {
      summary: String(task.title ?? `#${taskId}`).slice(0, 400),
      task: taskId,
      claimant,
      ...(note ? { note } : {}),
    });
  });
}

/** Who may decide a claim: the task's requester, its register's keeper, an administrator. */
async function assertDecider(txCtx: RecordsContext, actor: Actor, claim: ApiRecord): Promise<void> {
  // A task the decider may not read is as missing as the claim.
  const task = await getRecord(txCtx, actor, 'task', claim.task);
  if (!restrictedRights(actor)) return;
  const employee = employeeOf(actor);
  if (task.requester === employee) return;
  const register = await executorOf(txCtx)
    .selectFrom('task_register')
    .select('keeper_id')
    .where('id', '=', Number(task.register))
    .executeTakeFirst();
  if (Number(register?.keeper_id) === employee) return;
  throw errors.forbidden("Only the task's requester or its register's keeper may decide on this request");
}

/**
 * Accepts or declines a claim. Accepting gives the task to the claimant (written with the task's
 * current version, so a change made meanwhile is not lost) and declines the other open
 * requests for it, all in one transaction.
 */
export async function decideClaim(
  ctx: RecordsContext,
  actor: Actor,
  claimId: number,
  decision: 'accepted' | 'declined',
): Promise<ApiRecord> {
  return inOneTransaction(ctx, async (txCtx) => {
    const system = asSystem('task.claim', actor);
    // The claim is read as the system, then the decider's right is checked on its task.
    authorize(ctx.registry, actor, 'task', 'read');
    const claim = await getRecord(txCtx, system, 'task_claim', claimId);
    await assertDecider(txCtx, actor, claim);
    if (claim.status !== 'pending')
      throw new AppError(409, 'claim_decided', `Request ${claimId} was already ${String(claim.status)}`);
    const decidedBy = actor.kind === 'user' ? actor.employeeId : null;
    const decide = (id: number, version: unknown, status: 'accepted' | 'declined') =>
      updateRecord(txCtx, system, 'task_claim', id, {
        status,
        decided_by: decidedBy,
        decided_at: ctx.now().toISOString(),
        version,
      });
    const decided = await decide(claimId, claim.version, decision);
    if (decision === 'accepted') {
      const task = await getRecord(txCtx, system, 'task', claim.task);
      await updateRecord(txCtx, system, 'task', Number(task.id), {
        assignee: claim.claimant,
        version: task.version,
      });
      const others = await executorOf(txCtx)
        .selectFrom('task_claim')
        .select(['id', 'version'])
        .where('task_id', '=', Number(task.id))
        .where('status', '=', 'pending')
        .where('deleted_at', 'is', null)
        .execute();
      for (const other of others) await decide(Number(other.id), Number(other.version), 'declined');
    }
    return decided;
  });
}
