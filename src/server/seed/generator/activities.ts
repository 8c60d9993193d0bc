// A client's activities: chains of calls, meetings, presentations, visits and e-mails over the
// last year and the coming month, each following up the one before (`previous`). Past ones are
// done, with an outcome, or were cancelled; coming ones are planned. Some belong to a case and
// then fall within its life.
import type { CompanyStatusCode } from '../../modules/dictionaries/standard-values.ts';
import { STREAM } from './context.ts';
import { forIndex, type Rng } from './prng.ts';
import type { ActivityRow, ActivityStatus, CaseRow } from './rows.ts';
import { dayNumber } from './text.ts';
import {
  anyActive,
  type ClientView,
  instantAt,
  later,
  pickSome,
  type Weights,
  type WorkContext,
  workingMinutes,
  writtenAt,
} from './work-context.ts';
import { WORK_TEXTS, type WorkActivityType } from './work-texts.ts';

const CHAIN_COUNT: Readonly<Record<CompanyStatusCode, Weights<number>>> = {
  active: [
    [1, 15],
    [2, 30],
    [3, 30],
    [4, 15],
    [5, 10],
  ],
  prospect: [
    [0, 20],
    [1, 40],
    [2, 30],
    [3, 10],
  ],
  inactive: [
    [0, 60],
    [1, 40],
  ],
};

const CHAIN_LENGTH: Weights<number> = [
  [1, 35],
  [2, 30],
  [3, 20],
  [4, 15],
];

const TYPE_MIX: Weights<WorkActivityType> = [
  ['call', 35],
  ['email', 15],
  ['meeting', 20],
  ['presentation', 8],
  ['visit', 15],
  ['offer', 7],
];

/** Minutes an activity of each type takes; e-mails and offers are a moment, without an end. */
const DURATION: Readonly<Record<WorkActivityType, readonly [number, number] | null>> = {
  call: [10, 30],
  meeting: [45, 90],
  presentation: [60, 120],
  visit: [60, 180],
  email: null,
  offer: null,
};

/** Types where the client's people and our colleagues sit together. */
const IN_PERSON: ReadonlySet<WorkActivityType> = new Set(['meeting', 'presentation', 'visit']);

const COLLEAGUE_COUNT: Weights<number> = [
  [0, 50],
  [1, 35],
  [2, 15],
];

/** How far ahead the calendar is filled. */
const HORIZON_DAYS = 30;

function addMinutes(instant: string, minutes: number): string {
  return new Date(Date.parse(instant) + minutes * 60_000).toISOString();
}

function statusOn(rng: Rng, day: number, referenceDay: number): ActivityStatus {
  // Today's are still planned: nobody has marked them done yet.
  if (day < referenceDay) return rng.chance(0.08) ? 'cancelled' : 'done';
  return rng.chance(0.06) ? 'cancelled' : 'planned';
}

function participants(rng: Rng, view: ClientView, type: WorkActivityType, contact: number | null): number[] {
  if (view.people.length === 0) return [];
  if (IN_PERSON.has(type)) {
    const some = pickSome(rng, view.people, rng.int(1, 3));
    return contact !== null && !some.includes(contact) && rng.chance(0.7)
      ? [...some, contact].sort((a, b) => a - b)
      : some;
  }
  if (!rng.chance(0.85)) return [];
  return [contact !== null && rng.chance(0.7) ? contact : rng.pick(view.people)];
}

/** One chain of follow-ups, appended to `into` (whose length numbers the activities). */
function addChain(
  ctx: WorkContext,
  view: ClientView,
  cases: readonly CaseRow[],
  rng: Rng,
  into: ActivityRow[],
) {
  const texts = WORK_TEXTS[view.language];
  const reference = ctx.referenceDay;
  const caseNumber = cases.length > 0 && rng.chance(0.45) ? rng.int(0, cases.length - 1) : null;
  const linked = caseNumber === null ? null : (cases[caseNumber] ?? null);
  // A case's activities fall within its life; the others anywhere in the last year or next month.
  const from = linked ? dayNumber(linked.opened_on) : reference - 365;
  const to = linked?.closed_on ? dayNumber(linked.closed_on) : reference + HORIZON_DAYS;
  const organiser =
    linked && linked.lead_index !== null && rng.chance(0.8)
      ? linked.lead_index
      : view.accountManager !== null && rng.chance(0.8)
        ? view.accountManager
        : anyActive(rng, ctx);
  const length = rng.weighted(CHAIN_LENGTH);
  let day = from + rng.int(0, Math.max(0, to - from));
  let previous: ActivityRow | null = null;
  for (let step = 0; step < length; step++) {
    // Nothing follows up what has not happened yet (`day` is still the previous one's).
    if (previous && day >= reference) break;
    if (step > 0) day += rng.int(2, 21);
    if (day > to) break;
    const type = rng.weighted(TYPE_MIX);
    const startsAt = instantAt(day, workingMinutes(rng));
    const duration = DURATION[type];
    const endsAt = duration ? addMinutes(startsAt, rng.int(duration[0] / 5, duration[1] / 5) * 5) : null;
    const status = statusOn(rng, day, reference);
    const title = rng.pick(texts.activityTitles[type]);
    const outcome =
      status === 'done'
        ? rng.pick(texts.activityOutcomes[type])
        : status === 'cancelled' && rng.chance(0.7)
          ? rng.pick(texts.cancelledOutcomes)
          : null;
    // A follow-up is planned once the one before it is over; a first one some days ahead.
    const ahead = rng.int(0, 10);
    const createdAt = previous
      ? addMinutes(previous.ends_at ?? previous.starts_at, 15)
      : writtenAt(ctx, day - ahead, ahead === 0 ? 6 * 60 : workingMinutes(rng));
    const activity: ActivityRow = {
      company_index: view.index,
      case_number: caseNumber,
      type_code: type,
      title: linked && rng.chance(0.5) ? `${title}: ${linked.topic}` : title,
      starts_at: startsAt,
      ends_at: endsAt,
      all_day: false,
      organiser_index: organiser,
      status,
      outcome,
      previous_number: previous ? into.length - 1 : null,
      person_indexes: participants(rng, view, type, linked?.contact_index ?? null),
      employee_indexes: IN_PERSON.has(type)
        ? pickSome(rng, ctx.active, rng.weighted(COLLEAGUE_COUNT), organiser)
        : [],
      created_at: createdAt,
      // A done one was last written when its outcome was, right after it.
      updated_at: status === 'done' ? later(createdAt, endsAt ?? startsAt) : createdAt,
    };
    into.push(activity);
    previous = activity;
  }
}

/** The activities of one client, from the client's own stream. */
export function buildActivities(
  ctx: WorkContext,
  view: ClientView,
  cases: readonly CaseRow[],
): ActivityRow[] {
  const rng = forIndex(ctx.seed, STREAM.clientActivities, view.index);
  const chains = rng.weighted(CHAIN_COUNT[view.status]);
  const activities: ActivityRow[] = [];
  for (let chain = 0; chain < chains; chain++) addChain(ctx, view, cases, rng, activities);
  return activities;
}
