import type { RecordEvent } from '../../records/events.ts';
import {
  changeOf,
  excerpt,
  type Hidden,
  type NotificationRule,
  numberOr,
  type Plan,
  type RuleContext,
} from '../notifications/index.ts';
import { type TaskNoticeFacts, taskTexts } from './notification-texts.ts';

interface TaskFacts {
  id: number;
  title: string;
  assignee: number | null;
  requester: number | null;
  keeper: number | null;
  watchers: number[];
}

const idOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** A task that is not in the trash, with the people who follow it, as they are now. */
async function taskFacts(context: RuleContext, id: number): Promise<TaskFacts | null> {
  const row = await context.trx
    .selectFrom('task as t')
    .leftJoin('task_register as r', 'r.id', 't.register_id')
    .select(['t.id', 't.title', 't.assignee_id', 't.requester_id', 'r.keeper_id'])
    .where('t.id', '=', id)
    .where('t.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const watchers = await context.trx
    .selectFrom('task_watcher')
    .select('employee_id')
    .where('task_id', '=', id)
    .execute();
  return {
    id,
    title: String(row.title),
    assignee: idOrNull(row.assignee_id),
    requester: idOrNull(row.requester_id),
    keeper: idOrNull(row.keeper_id),
    watchers: watchers.map((w) => Number(w.employee_id)),
  };
}

const titleOf = (facts: TaskFacts, hidden: Hidden) =>
  hidden('task', 'title') ? `#${facts.id}` : facts.title;

/** A task given to someone (created for them, or reassigned); its status changed. */
async function taskPlans(context: RuleContext, event: RecordEvent): Promise<Plan[]> {
  const assignee = numberOr(changeOf(event, 'assignee')?.new);
  const statusChange = event.type === 'updated' ? changeOf(event, 'status') : undefined;
  if (assignee === null && !statusChange) return [];
  const facts = await taskFacts(context, event.recordId);
  if (!facts) return [];
  const requires = [{ object: 'task', id: facts.id }];
  const plans: Plan[] = [];
  if (assignee !== null) {
    plans.push({
      kind: 'task.assigned',
      object: 'task',
      recordId: facts.id,
      employees: [assignee],
      accounts: [],
      requires,
      render: (locale, hidden, actor) => {
        const f: TaskNoticeFacts = { actor, task: titleOf(facts, hidden) };
        return { title: taskTexts(locale).assignedTitle(f), body: taskTexts(locale).assignedBody(f) };
      },
    });
  }
  if (statusChange) {
    const status = await context.dictionaryLabels(statusChange.new);
    const old = await context.dictionaryLabels(statusChange.old);
    plans.push({
      kind: 'task.status',
      object: 'task',
      recordId: facts.id,
      // Whoever did it is left out by the consumer: the assignee closing their own task tells
      // the requester and watchers.
      employees: [facts.requester, facts.assignee, ...facts.watchers],
      accounts: [],
      requires,
      render: (locale, hidden, actor) => {
        if (hidden('task', 'status')) return null;
        const f: TaskNoticeFacts = {
          actor,
          task: titleOf(facts, hidden),
          status: status?.[locale],
          oldStatus: old?.[locale],
        };
        return { title: taskTexts(locale).statusTitle(f), body: taskTexts(locale).statusBody(f) };
      },
    });
  }
  return plans;
}

/** A request to take on a task: to those who decide; its answer: to whoever asked. */
async function claimPlans(context: RuleContext, event: RecordEvent): Promise<Plan[]> {
  const statusChange = event.type === 'updated' ? changeOf(event, 'status') : undefined;
  if (event.type === 'updated' && !statusChange) return [];
  const claim = await context.trx
    .selectFrom('task_claim as c')
    .leftJoin('employee as e', 'e.id', 'c.claimant_id')
    .select(['c.task_id', 'c.claimant_id', 'c.status', 'c.note', 'e.first_name', 'e.last_name'])
    .where('c.id', '=', event.recordId)
    .where('c.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!claim) return [];
  const facts = await taskFacts(context, Number(claim.task_id));
  if (!facts) return [];
  const claimant = Number(claim.claimant_id);
  const name = [claim.first_name, claim.last_name].filter(Boolean).join(' ');
  const base = {
    kind: 'task.claim' as const,
    object: 'task',
    recordId: facts.id,
    accounts: [],
    requires: [{ object: 'task', id: facts.id }],
  };
  if (event.type === 'created') {
    return [
      {
        ...base,
        employees: [facts.requester, facts.keeper],
        render: (locale, hidden, actor) => {
          const f: TaskNoticeFacts = {
            actor,
            task: titleOf(facts, hidden),
            claimant: name || undefined,
            note: excerpt(typeof claim.note === 'string' ? claim.note : null),
          };
          return { title: taskTexts(locale).claimTitle(f), body: taskTexts(locale).claimBody(f) };
        },
      },
    ];
  }
  const accepted = statusChange?.new === 'accepted';
  if (!accepted && statusChange?.new !== 'declined') return [];
  return [
    {
      ...base,
      employees: [claimant],
      render: (locale, hidden, actor) => {
        const f: TaskNoticeFacts = { actor, task: titleOf(facts, hidden) };
        const texts = taskTexts(locale);
        return {
          title: accepted ? texts.acceptedTitle(f) : texts.declinedTitle(f),
          body: texts.decidedBody(f),
        };
      },
    },
  ];
}

/** Tasks given, their status changed, requests to take one on and their answers. */
export const TASK_RULES: NotificationRule = {
  objects: ['task', 'task_claim'],
  plans: (context, event) =>
    event.object === 'task' ? taskPlans(context, event) : claimPlans(context, event),
};
