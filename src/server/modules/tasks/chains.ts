import { type Actor, actorUserId, systemActor } from '../../access/actor.ts';
import { AppError } from '../../errors.ts';
import { inOneTransaction } from '../../records/command.ts';
import { executorOf, type RecordsContext } from '../../records/context.ts';
import type { WriteFact } from '../../records/effects.ts';
import type { ApiRecord } from '../../records/present.ts';
import { getRecord } from '../../records/reader.ts';
import { createRecord } from '../../records/writer.ts';
import { invalidField } from '../cases/rules.ts';
import { taskStatusCode } from './rules.ts';
import type { StepCondition, StepRole } from './task-chain.ts';

const DAY_MS = 86_400_000;

interface StepRow {
  id: number;
  chain_id: number;
  position: number;
  title: string;
  register_id: number;
  assignee_id: number | null;
  assignee_role: StepRole;
  due_offset_days: number | null;
  condition: StepCondition;
}

const toStep = (row: Record<string, unknown>): StepRow => ({
  id: Number(row.id),
  chain_id: Number(row.chain_id),
  position: Number(row.position),
  title: String(row.title),
  register_id: Number(row.register_id),
  assignee_id: row.assignee_id === null || row.assignee_id === undefined ? null : Number(row.assignee_id),
  assignee_role: String(row.assignee_role) as StepRole,
  due_offset_days:
    row.due_offset_days === null || row.due_offset_days === undefined ? null : Number(row.due_offset_days),
  condition: String(row.condition) as StepCondition,
});

/** Whom a step's task goes to: the one it names, else by its role. */
async function assigneeOf(
  ctx: RecordsContext,
  step: StepRow,
  starter: number | null,
  previousAssignee: number | null,
): Promise<number | null> {
  if (step.assignee_id !== null) return step.assignee_id;
  if (step.assignee_role === 'previous_assignee') return previousAssignee ?? starter;
  if (step.assignee_role === 'register_keeper') {
    const register = await executorOf(ctx)
      .selectFrom('task_register')
      .select('keeper_id')
      .where('id', '=', step.register_id)
      .executeTakeFirst();
    return register?.keeper_id === null || register?.keeper_id === undefined
      ? starter
      : Number(register.keeper_id);
  }
  return starter;
}

/** The task of a step: its title and register, due `offset` days from now, about what the chain is about. */
async function stepTask(
  ctx: RecordsContext,
  actor: Actor,
  step: StepRow,
  about: { requester: number | null; assignee: number | null; previousTask: number | null } & Record<
    'company' | 'case' | 'person',
    unknown
  >,
): Promise<ApiRecord> {
  const due =
    step.due_offset_days === null
      ? null
      : new Date(ctx.now().getTime() + step.due_offset_days * DAY_MS).toISOString();
  return createRecord(ctx, actor, 'task', {
    title: step.title,
    register: step.register_id,
    assignee: about.assignee,
    requester: about.requester,
    due_at: due,
    company: about.company ?? null,
    case: about.case ?? null,
    person: about.person ?? null,
    chain_step: step.id,
    previous_task: about.previousTask,
  });
}

/**
 * Finishing a chain's task makes the next step's task: the first later step whose condition
 * the way it finished meets (done, cancelled, either). Once: a task that already has a
 * follower gets none (finishing, reopening and finishing again), and the unique index on
 * `task.previous_task_id` refuses a second one should two instances finish it at once.
 */
export async function nextChainStep(fact: WriteFact): Promise<void> {
  if (fact.action !== 'update' || !fact.changes.some((change) => change.field === 'status')) return;
  const executor = executorOf(fact.ctx);
  const task = await executor
    .selectFrom('task')
    .select(['chain_step_id', 'requester_id', 'assignee_id', 'company_id', 'case_id', 'person_id'])
    .where('id', '=', fact.recordId)
    .executeTakeFirst();
  if (!task || task.chain_step_id === null || task.chain_step_id === undefined) return;
  const code = await taskStatusCode(executor, fact.recordId);
  if (code !== 'done' && code !== 'cancelled') return;
  const follower = await executor
    .selectFrom('task')
    .select('id')
    .where('previous_task_id', '=', fact.recordId)
    .executeTakeFirst();
  if (follower) return;
  const current = await executor
    .selectFrom('task_chain_step')
    .selectAll()
    .where('id', '=', Number(task.chain_step_id))
    .executeTakeFirst();
  if (!current) return;
  const next = await executor
    .selectFrom('task_chain_step')
    .selectAll()
    .where('chain_id', '=', Number(current.chain_id))
    .where('position', '>', Number(current.position))
    .where('condition', 'in', [code, 'any'])
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .limit(1)
    .executeTakeFirst();
  if (!next) return;
  const step = toStep(next);
  const id = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  const requester = id(task.requester_id);
  await stepTask(fact.ctx, fact.actor, step, {
    requester,
    assignee: await assigneeOf(fact.ctx, step, requester, id(task.assignee_id)),
    previousTask: fact.recordId,
    company: id(task.company_id),
    case: id(task.case_id),
    person: id(task.person_id),
  });
}

export interface ChainStepInput {
  title: string;
  register: number;
  assignee?: number | null;
  assigneeRole?: StepRole;
  dueOffsetDays?: number | null;
  condition?: StepCondition;
}

/** A chain template with its steps in the given order, in one transaction, as its writer. */
export async function createChain(
  ctx: RecordsContext,
  actor: Actor,
  input: { name: string; description?: string; steps: ChainStepInput[] },
): Promise<ApiRecord & { steps: ApiRecord[] }> {
  return inOneTransaction(ctx, async (txCtx) => {
    const chain = await createRecord(txCtx, actor, 'task_chain', {
      name: input.name,
      ...(input.description ? { description: input.description } : {}),
    });
    const steps: ApiRecord[] = [];
    for (const [index, step] of input.steps.entries()) {
      steps.push(
        await createRecord(txCtx, actor, 'task_chain_step', {
          chain: chain.id,
          position: index + 1,
          title: step.title,
          register: step.register,
          assignee: step.assignee ?? null,
          assignee_role: step.assigneeRole ?? 'starter',
          due_offset_days: step.dueOffsetDays ?? null,
          condition: step.condition ?? 'done',
        }),
      );
    }
    return { ...chain, steps };
  });
}

/**
 * Starts a chain for a client or case: its first step's task, asked for by the starter. The
 * tasks are made as the system on the starter's behalf (they go to others); the client and case
 * must be ones the starter may read.
 */
export async function startChain(
  ctx: RecordsContext,
  actor: Actor,
  chainId: number,
  about: { company?: number; case?: number },
): Promise<ApiRecord> {
  return inOneTransaction(ctx, async (txCtx) => {
    const chain = await getRecord(txCtx, actor, 'task_chain', chainId);
    if (chain.active === false) throw new AppError(409, 'chain_inactive', `Chain ${chainId} is not active`);
    const readable = async (key: 'company' | 'case', id: number | undefined) =>
      id === undefined
        ? null
        : getRecord(txCtx, actor, key, id).catch(() => {
            throw invalidField(key, 'not_found', `no ${key} with id ${id}`);
          });
    await readable('company', about.company);
    // A chain started for a case is about the case's client too.
    const company = about.company ?? (await readable('case', about.case))?.company ?? null;
    const first = await executorOf(txCtx)
      .selectFrom('task_chain_step')
      .selectAll()
      .where('chain_id', '=', chainId)
      .where('deleted_at', 'is', null)
      .orderBy('position')
      .limit(1)
      .executeTakeFirst();
    if (!first) throw new AppError(409, 'chain_empty', `Chain ${chainId} has no steps`);
    const step = toStep(first);
    const starter = actor.kind === 'user' ? actor.employeeId : null;
    return stepTask(txCtx, systemActor('task.chain', actorUserId(actor) ?? undefined), step, {
      requester: starter,
      assignee: await assigneeOf(txCtx, step, starter, null),
      previousTask: null,
      company,
      case: about.case ?? null,
      person: null,
    });
  });
}
