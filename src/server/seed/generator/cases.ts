// A client's cases, each with its stages: opened over the last year, the closed ones with
// their closing day and result, the open ones with a next action (some overdue, some today,
// some this week, some later) copied from their newest stage, as the engine does.
import type { CaseStatusCode } from '../../modules/cases/dictionaries.ts';
import type { CompanyStatusCode } from '../../modules/dictionaries/standard-values.ts';
import { STREAM } from './context.ts';
import { forIndex, type Rng } from './prng.ts';
import type { CaseRow, CaseStageRow } from './rows.ts';
import { isoDate } from './text.ts';
import {
  anyActive,
  type ClientView,
  instantAt,
  pickSome,
  type Weights,
  type WorkContext,
  workingMinutes,
} from './work-context.ts';
import {
  type CaseStageKindCode,
  type CaseTypeCode,
  type ClosedStatusCode,
  fillText,
  WORK_TEXTS,
} from './work-texts.ts';

type NextActionCode = 'call' | 'meeting' | 'email' | 'offer' | 'visit' | 'other';

/** A few cases per active client, fewer for prospects, now and then one for a former client. */
const CASE_COUNT: Readonly<Record<CompanyStatusCode, Weights<number>>> = {
  active: [
    [0, 15],
    [1, 30],
    [2, 30],
    [3, 15],
    [4, 10],
  ],
  prospect: [
    [0, 40],
    [1, 45],
    [2, 15],
  ],
  inactive: [
    [0, 75],
    [1, 25],
  ],
};

const STATUS_MIX: Readonly<Record<CompanyStatusCode, Weights<CaseStatusCode>>> = {
  active: [
    ['open', 15],
    ['in_progress', 25],
    ['waiting', 15],
    ['closed_won', 25],
    ['closed_lost', 10],
    ['cancelled', 10],
  ],
  prospect: [
    ['open', 25],
    ['in_progress', 25],
    ['waiting', 20],
    ['closed_won', 8],
    ['closed_lost', 15],
    ['cancelled', 7],
  ],
  // A former client's matters are mostly over.
  inactive: [
    ['waiting', 10],
    ['closed_won', 25],
    ['closed_lost', 40],
    ['cancelled', 25],
  ],
};

const TYPE_MIX: Readonly<Record<CompanyStatusCode, Weights<CaseTypeCode>>> = {
  active: [
    ['sales', 35],
    ['inquiry', 15],
    ['tender', 8],
    ['complaint', 12],
    ['service', 22],
    ['other', 8],
  ],
  // Nothing bought yet: nothing to complain about or to service.
  prospect: [
    ['sales', 50],
    ['inquiry', 35],
    ['tender', 10],
    ['other', 5],
  ],
  inactive: [
    ['sales', 30],
    ['inquiry', 20],
    ['complaint', 25],
    ['service', 15],
    ['other', 10],
  ],
};

const PRIORITY_MIX: Weights<string> = [
  ['low', 20],
  ['normal', 55],
  ['high', 18],
  ['urgent', 7],
];

const WATCHER_COUNT: Weights<number> = [
  [0, 40],
  [1, 30],
  [2, 20],
  [3, 10],
];

const FIRST_KIND: Weights<CaseStageKindCode> = [
  ['call', 40],
  ['email', 35],
  ['meeting', 15],
  ['other', 10],
];
const MIDDLE_KIND: Weights<CaseStageKindCode> = [
  ['call', 25],
  ['email', 15],
  ['meeting', 20],
  ['offer_sent', 20],
  ['answer_received', 15],
  ['other', 5],
];
/** A case waiting for the client's reply last sent them something. */
const WAITING_KIND: Weights<CaseStageKindCode> = [
  ['offer_sent', 60],
  ['email', 40],
];
const CLOSING_KIND: Weights<CaseStageKindCode> = [
  ['answer_received', 55],
  ['meeting', 20],
  ['call', 20],
  ['email', 5],
];

/** What usually follows a step of each kind. */
const NEXT_AFTER: Readonly<Record<CaseStageKindCode, Weights<NextActionCode>>> = {
  call: [
    ['meeting', 35],
    ['offer', 30],
    ['email', 20],
    ['call', 15],
  ],
  email: [
    ['call', 60],
    ['email', 20],
    ['meeting', 20],
  ],
  meeting: [
    ['offer', 45],
    ['email', 25],
    ['call', 20],
    ['visit', 10],
  ],
  offer_sent: [
    ['call', 70],
    ['email', 20],
    ['meeting', 10],
  ],
  answer_received: [
    ['call', 35],
    ['meeting', 30],
    ['offer', 25],
    ['visit', 10],
  ],
  other: [
    ['call', 50],
    ['email', 30],
    ['other', 20],
  ],
};

type Due = 'overdue' | 'today' | 'week' | 'later';
/** When an open case's next action falls: enough of each for "what is late" and "this week". */
const DUE_MIX: Weights<Due> = [
  ['overdue', 30],
  ['today', 15],
  ['week', 25],
  ['later', 30],
];

const CLOSED: ReadonlySet<string> = new Set<ClosedStatusCode>(['closed_won', 'closed_lost', 'cancelled']);

export function isClosedCase(status: string): status is ClosedStatusCode {
  return CLOSED.has(status);
}

function nextActionDay(rng: Rng, referenceDay: number): number {
  const due = rng.weighted(DUE_MIX);
  if (due === 'overdue') return referenceDay - rng.int(1, 21);
  if (due === 'today') return referenceDay;
  if (due === 'week') return referenceDay + rng.int(1, 6);
  return referenceDay + rng.int(7, 45);
}

function stageCount(rng: Rng, status: CaseStatusCode): number {
  if (status === 'open') return rng.chance(0.7) ? 1 : 2;
  if (status === 'waiting') return rng.int(2, 5);
  if (status === 'cancelled') return rng.int(1, 3);
  return rng.int(2, 6);
}

/** Days of the stages, oldest first, the last on `last`, none before `earliest`. */
function stageDays(rng: Rng, count: number, last: number, earliest: number): number[] {
  const gaps = Array.from({ length: count - 1 }, () => rng.int(2, 30));
  const room = last - earliest;
  const total = gaps.reduce((sum, gap) => sum + gap, 0);
  if (total > room) {
    for (let i = 0; i < gaps.length; i++) gaps[i] = Math.max(1, Math.floor(((gaps[i] ?? 1) * room) / total));
  }
  const days = [last];
  for (let i = gaps.length - 1; i >= 0; i--) days.unshift((days[0] ?? last) - (gaps[i] ?? 1));
  return days;
}

function buildCase(ctx: WorkContext, view: ClientView, rng: Rng): CaseRow {
  const texts = WORK_TEXTS[view.language];
  const reference = ctx.referenceDay;
  const status = rng.weighted(STATUS_MIX[view.status]);
  const closed = isClosedCase(status);
  const type = rng.weighted(TYPE_MIX[view.status]);
  const topic = fillText(rng, rng.pick(texts.caseTopics[type]), ctx.nextYear);
  const lead = view.accountManager !== null && rng.chance(0.9) ? view.accountManager : anyActive(rng, ctx);
  const watchers = pickSome(rng, ctx.active, rng.weighted(WATCHER_COUNT), lead);
  const contact = view.people.length > 0 && rng.chance(0.85) ? rng.pick(view.people) : null;

  // Backwards from the newest stage: an open case's last step came before its next action
  // (so an overdue one was planned before it fell due), a closed case's last step closed it.
  const count = stageCount(rng, status);
  const nextDay = closed ? null : nextActionDay(rng, reference);
  const lastDay =
    nextDay === null
      ? reference - rng.int(1, 330)
      : Math.min(reference - 1 - rng.int(0, 10), nextDay - rng.int(1, 14));
  const days = stageDays(rng, count, lastDay, reference - 364);

  const stages: CaseStageRow[] = [];
  for (const [s, day] of days.entries()) {
    const newest = s === days.length - 1;
    const kind = rng.weighted(
      newest && closed
        ? CLOSING_KIND
        : newest && status === 'waiting'
          ? WAITING_KIND
          : s === 0
            ? FIRST_KIND
            : MIDDLE_KIND,
    );
    const note = newest && closed ? rng.pick(texts.closingNotes[status]) : rng.pick(texts.stageNotes[kind]);
    const by = watchers.length === 0 || (lead !== null && rng.chance(0.85)) ? lead : rng.pick(watchers);
    let nextType: NextActionCode | null = null;
    let nextDate: number | null = null;
    if (!newest) {
      nextType = rng.weighted(NEXT_AFTER[kind]);
      // Planned for about when the next step happened: a little early or late.
      nextDate = Math.max(day + 1, (days[s + 1] ?? day + 1) + rng.int(-3, 2));
    } else if (nextDay !== null) {
      nextType = rng.weighted(NEXT_AFTER[kind]);
      nextDate = nextDay;
    }
    stages.push({
      at: instantAt(day, workingMinutes(rng)),
      by_index: by,
      kind_code: kind,
      note,
      next_action_type_code: nextType,
      next_action_date: nextDate === null ? null : isoDate(nextDate),
    });
  }
  const first = stages[0];
  const newestStage = stages[stages.length - 1];
  const openedDay = days[0] ?? lastDay;
  return {
    company_index: view.index,
    topic,
    contact_index: contact,
    lead_index: lead,
    watcher_indexes: watchers,
    status_code: status,
    type_code: type,
    priority_code: rng.weighted(PRIORITY_MIX),
    opened_on: isoDate(openedDay),
    due_on: rng.chance(0.65) ? isoDate(openedDay + rng.int(14, 90)) : null,
    closed_on: closed ? isoDate(lastDay) : null,
    result: closed ? rng.pick(texts.results[status]) : null,
    next_action_type_code: closed ? null : (newestStage?.next_action_type_code ?? null),
    next_action_date: closed ? null : (newestStage?.next_action_date ?? null),
    description: rng.chance(0.5) ? rng.pick(texts.caseDescriptions) : null,
    // Opened a few minutes before its first step was written down.
    created_at: first
      ? new Date(Date.parse(first.at) - 10 * 60_000).toISOString()
      : instantAt(openedDay, 480),
    updated_at: newestStage?.at ?? instantAt(openedDay, 480),
    stages,
  };
}

/** The cases of one client, from the client's own stream: any client's without the others'. */
export function buildCases(ctx: WorkContext, view: ClientView): CaseRow[] {
  const rng = forIndex(ctx.seed, STREAM.clientCases, view.index);
  const count = rng.weighted(CASE_COUNT[view.status]);
  return Array.from({ length: count }, () => buildCase(ctx, view, rng));
}
