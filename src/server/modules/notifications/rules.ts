import type { Locale } from '../../../shared/metadata/types.ts';
import { plainTextOf } from '../../metadata/field-types/registry.ts';
import type { RecordEvent } from '../../records/events.ts';
import type { FieldChange } from '../../records/history.ts';
import type { Channel, NotificationKind } from './kinds.ts';
import { addedMentions, mentionedAccounts, parseMentions } from './mentions.ts';
import { excerpt, type NoticeFacts, texts } from './messages.ts';
import type { CaseFacts, RuleContext } from './rule-context.ts';

/** Whether the recipient may not see a field (their grant hides it): then the text leaves it out. */
export type Hidden = (object: string, field: string) => boolean;

/**
 * One thing to tell some people about an event. The consumer finds their accounts, leaves out
 * the author and anyone who may not read every record in `requires`, and writes one
 * notification each in their own language.
 */
export interface Plan {
  kind: NotificationKind;
  /** The record the notification opens (its link): the event's own record. */
  object: string;
  recordId: number;
  /** Employees to tell (through their accounts) and accounts to tell directly. */
  employees: Array<number | null>;
  accounts: number[];
  /** Records each recipient must be able to read: what the text shows comes from them. */
  requires: Array<{ object: string; id: number }>;
  /**
   * How this notification goes, from how the recipient wants its kind (a reminder asked to
   * come by e-mail, or not); absent: as they want it.
   */
  channel?: (preferred: Channel) => Channel;
  /** Title and body for one recipient, or null when what there is to say is hidden from them. */
  render(locale: Locale, hidden: Hidden, actor: string): { title: string; body: string } | null;
}

/**
 * What a capability's events are worth telling: its objects (the consumer skips every other
 * event unread) and the plans for one event. Rules are composed in
 * `modules/notification-rules.ts`, so this module names no other capability's objects but those
 * of the client work below.
 */
export interface NotificationRule {
  objects: readonly string[];
  plans(context: RuleContext, event: RecordEvent): Promise<Plan[]>;
}

export function changeOf(event: RecordEvent, field: string): FieldChange | undefined {
  const changes = event.payload.changes;
  if (!Array.isArray(changes)) return undefined;
  return (changes as FieldChange[]).find((change) => change?.field === field);
}

export const numberOr = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** What the event is worth telling, and to whom, by every rule that knows its object. */
export async function plansFor(
  rules: readonly NotificationRule[],
  context: RuleContext,
  event: RecordEvent,
): Promise<Plan[]> {
  if (event.type !== 'created' && event.type !== 'updated') return [];
  const plans: Plan[] = [];
  for (const rule of rules)
    if (rule.objects.includes(event.object)) plans.push(...(await rule.plans(context, event)));
  return plans;
}

/** Cases, their stages and activities, and notes (with their mentions). */
export const CLIENT_WORK_RULES: NotificationRule = {
  objects: ['case', 'case_stage', 'activity', 'note'],
  plans: clientWorkPlans,
};

async function clientWorkPlans(context: RuleContext, event: RecordEvent): Promise<Plan[]> {
  switch (event.object) {
    case 'case_stage':
      return event.type === 'created' ? stagePlans(context, event) : [];
    case 'activity':
      return activityPlans(context, event);
    case 'case':
      return casePlans(context, event);
    case 'note':
      return notePlans(context, event);
    default:
      return [];
  }
}

const caseTitle = (facts: CaseFacts, hidden: Hidden) =>
  hidden('case', 'topic') ? `#${facts.id}` : facts.topic;

/** A new stage on a case: its lead and watchers. */
async function stagePlans(context: RuleContext, event: RecordEvent): Promise<Plan[]> {
  const stage = await context.record('case_stage', event.recordId);
  if (!stage || stage.deleted_at) return [];
  const facts = await context.caseFacts(Number(stage.case_id));
  if (!facts) return [];
  return [
    {
      kind: 'case.stage',
      object: 'case_stage',
      recordId: event.recordId,
      employees: [facts.leadId, ...facts.watchers],
      accounts: [],
      requires: [
        { object: 'case_stage', id: event.recordId },
        { object: 'case', id: facts.id },
      ],
      render: (locale, hidden, actor) => {
        const f: NoticeFacts = {
          actor,
          caseTitle: caseTitle(facts, hidden),
          note: hidden('case_stage', 'note') ? undefined : excerpt(stage.note as string | null),
        };
        return { title: texts(locale).stageTitle(f), body: texts(locale).stageBody(f) };
      },
    },
  ];
}

/** An activity of a case planned, or its status changed (done, cancelled): the case's people. */
async function activityPlans(context: RuleContext, event: RecordEvent): Promise<Plan[]> {
  const statusChange = changeOf(event, 'status');
  if (event.type === 'updated' && !statusChange) return [];
  const activity = await context.record('activity', event.recordId);
  if (!activity || activity.deleted_at || activity.case_id === null || activity.case_id === undefined)
    return [];
  const facts = await context.caseFacts(Number(activity.case_id));
  if (!facts) return [];
  // The status the event set (a later change brings its own event), else the current one.
  const status = context.choiceLabels('activity', 'status', statusChange?.new ?? activity.status);
  const created = event.type === 'created';
  return [
    {
      kind: 'case.activity',
      object: 'activity',
      recordId: event.recordId,
      employees: [facts.leadId, ...facts.watchers],
      accounts: [],
      requires: [
        { object: 'activity', id: event.recordId },
        { object: 'case', id: facts.id },
      ],
      render: (locale, hidden, actor) => {
        const statusHidden = hidden('activity', 'status');
        // A change of status is all there is to say: hidden, there is nothing to tell.
        if (!created && statusHidden) return null;
        const f: NoticeFacts = {
          actor,
          caseTitle: caseTitle(facts, hidden),
          activityTitle: hidden('activity', 'title') ? `#${event.recordId}` : String(activity.title),
          status: statusHidden ? undefined : status?.[locale],
        };
        const t = texts(locale);
        return { title: created ? t.activityNewTitle(f) : t.activityStatusTitle(f), body: t.activityBody(f) };
      },
    },
  ];
}

/** A case's status changed (its lead and watchers); a case given to someone (the new lead). */
async function casePlans(context: RuleContext, event: RecordEvent): Promise<Plan[]> {
  const facts = await context.caseFacts(event.recordId);
  if (!facts) return [];
  const plans: Plan[] = [];
  const statusChange = event.type === 'updated' ? changeOf(event, 'status') : undefined;
  if (statusChange) {
    const status = await context.dictionaryLabels(statusChange.new);
    const old = await context.dictionaryLabels(statusChange.old);
    plans.push({
      kind: 'case.status',
      object: 'case',
      recordId: facts.id,
      employees: [facts.leadId, ...facts.watchers],
      accounts: [],
      requires: [{ object: 'case', id: facts.id }],
      render: (locale, hidden, actor) => {
        if (hidden('case', 'status')) return null;
        const f: NoticeFacts = {
          actor,
          caseTitle: caseTitle(facts, hidden),
          status: status?.[locale],
          oldStatus: old?.[locale],
        };
        return { title: texts(locale).statusTitle(f), body: texts(locale).statusBody(f) };
      },
    });
  }
  // Whom the event made the lead (a later change brings its own event).
  const lead = numberOr(changeOf(event, 'lead')?.new);
  if (lead !== null) {
    plans.push({
      kind: 'case.assigned',
      object: 'case',
      recordId: facts.id,
      employees: [lead],
      accounts: [],
      requires: [{ object: 'case', id: facts.id }],
      render: (locale, hidden, actor) => {
        const f: NoticeFacts = { actor, caseTitle: caseTitle(facts, hidden) };
        return { title: texts(locale).assignedTitle(f), body: texts(locale).assignedBody(f) };
      },
    });
  }
  return plans;
}

/** Someone mentioned in a note (a new note, or an edit that adds the mention). */
async function notePlans(context: RuleContext, event: RecordEvent): Promise<Plan[]> {
  const bodyChange = changeOf(event, 'body');
  if (!bodyChange) return [];
  // Mentions and the excerpt read the words a person wrote, not the markup around them.
  const bodyField = context.registry.get('note')?.field('body');
  const words = (value: unknown) =>
    typeof value === 'string' ? (bodyField ? plainTextOf(bodyField, value) : value) : null;
  const after = parseMentions(words(bodyChange.new));
  const before = parseMentions(words(bodyChange.old));
  const mentions = event.type === 'created' ? after : addedMentions(before, after);
  if (mentions.logins.length === 0 && mentions.names.length === 0) return [];
  const note = await context.record('note', event.recordId);
  if (!note || note.deleted_at) return [];
  const accounts = await mentionedAccounts(context.trx, context.dialect, mentions);
  if (accounts.length === 0) return [];
  return [
    {
      kind: 'mention',
      object: 'note',
      recordId: event.recordId,
      employees: [],
      accounts,
      requires: [{ object: 'note', id: event.recordId }],
      render: (locale, hidden, actor) => {
        // Told of a mention in a text they may not read, they would learn nothing but that it exists.
        if (hidden('note', 'body')) return null;
        const f: NoticeFacts = { actor, note: excerpt(words(note.body)) };
        return { title: texts(locale).mentionTitle(f), body: texts(locale).mentionBody(f) };
      },
    },
  ];
}
