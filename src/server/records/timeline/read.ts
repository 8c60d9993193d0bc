import { searchTokens } from '../../../shared/text/fold.ts';
import type { TimelineItem, TimelinePage } from '../../../shared/timeline/types.ts';
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import { errors } from '../../errors.ts';
import type { RecordsContext } from '../context.ts';
import { checkId, loadRowInScope, objectOrThrow } from '../reader.ts';
import { ValueText } from '../value-text.ts';
import { changeItems } from './change-items.ts';
import { changeEntries } from './changes.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { actorsOf, recordItems } from './present.ts';
import { CHANGE_TYPE, type EntryKey, recordEntries, type TimelineQuery, timelineTypes } from './sources.ts';

export interface TimelineParams {
  limit?: number;
  cursor?: string;
  types?: string;
  person?: number;
  employee?: number;
  case?: number;
  from?: string;
  to?: string;
  q?: string;
  /** `desc` (default): newest first; `asc`: oldest first (with `from=now`: what is coming, soonest first). */
  order?: 'asc' | 'desc';
}

export const TIMELINE_MAX_LIMIT = 200;
const MAX_QUERY = 200;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An instant from a date-time, or the start of a day (`end`: the start of the next one). */
function instantParam(name: string, value: string | undefined, end: boolean): string | null {
  if (value === undefined || value === '') return null;
  const day = DATE.test(value);
  const parsed = new Date(day ? `${value}T00:00:00.000Z` : value);
  if (Number.isNaN(parsed.getTime()) || (!day && !/^\d{4}-\d{2}-\d{2}T/.test(value)))
    throw errors.badRequest(`${name} must be a date (YYYY-MM-DD) or an ISO date-time`);
  if (day && end) parsed.setUTCDate(parsed.getUTCDate() + 1);
  return parsed.toISOString();
}

function checkedQuery(
  subject: TimelineQuery['subject'],
  params: TimelineParams,
  known: string[],
): TimelineQuery {
  const limit = params.limit ?? 50;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > TIMELINE_MAX_LIMIT)
    throw errors.badRequest(`limit must be a whole number from 1 to ${TIMELINE_MAX_LIMIT}`);
  let types: Set<string> | null = null;
  if (params.types !== undefined && params.types !== '') {
    types = new Set(params.types.split(',').map((t) => t.trim()));
    const unknown = [...types].filter((t) => !known.includes(t));
    if (unknown.length > 0)
      throw errors.badRequest(`unknown entry type ${unknown.join(', ')} (one of ${known.join(', ')})`);
  }
  const from = instantParam('from', params.from, false);
  const to = instantParam('to', params.to, true);
  if (from && to && from >= to) throw errors.badRequest('from must be before to');
  if (params.q !== undefined && params.q.length > MAX_QUERY)
    throw errors.badRequest(`q must be text of at most ${MAX_QUERY} characters`);
  return {
    subject,
    types,
    person: params.person ?? null,
    employee: params.employee ?? null,
    caseId: params.case ?? null,
    from,
    to,
    tokens: params.q ? searchTokens(params.q) : [],
    after: params.cursor ? decodeCursor(params.cursor, new Set(known)) : null,
    ascending: params.order === 'asc',
    // One more than asked tells whether another page follows.
    limit: limit + 1,
  };
}

/**
 * A record's timeline (a client's file): its entries from every object that declares a
 * timeline, plus its field changes, newest first (or oldest first), paged by keyset. Each source is read through
 * the reader's rights, so entries they may not see are absent and change nothing else: not
 * the page's size, not the cursor, not the order.
 */
export async function readTimeline(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  rawId: unknown,
  params: TimelineParams,
): Promise<TimelinePage> {
  const definition = objectOrThrow(ctx, object);
  const id = checkId(rawId);
  const grant = authorize(ctx.registry, actor, definition.key, 'read');
  if (!(await loadRowInScope(ctx.dialect.db, definition, grant, id))) {
    throw errors.notFound(`${definition.key} ${id} does not exist`);
  }
  const known = timelineTypes(ctx.registry);
  const ranks = new Map(known.map((type, index) => [type, index]));
  const query = checkedQuery({ definition, id }, params, known);
  const executor = ctx.dialect.db;
  // The sources are independent: on PostgreSQL they run side by side on the pool's
  // connections (the page waits for the slowest, not for their sum); SQLite runs them in turn.
  const found = (
    await Promise.all([
      ...ctx.registry
        .list()
        .filter((source) => source.timeline)
        .map((source) => recordEntries(ctx, actor, executor, source, query, ranks)),
      changeEntries(ctx, actor, executor, query, ranks.get(CHANGE_TYPE) ?? known.length, ranks),
    ])
  ).flat();
  const newestFirst = (a: EntryKey, b: EntryKey) =>
    (a.at < b.at ? 1 : a.at > b.at ? -1 : 0) ||
    (ranks.get(a.type) ?? 0) - (ranks.get(b.type) ?? 0) ||
    b.id - a.id;
  found.sort(query.ascending ? (a, b) => newestFirst(b, a) : newestFirst);
  const page = found.slice(0, query.limit - 1);
  const more = found.length > page.length;
  // Values in the reader's words and time zone, as documents the server writes show them.
  const values = new ValueText(actor.locale, actor.timeZone);
  const pending = new Map<string, Omit<TimelineItem, 'actor'> & { actorId: number | null }>();
  // Each type's entries are read apart, side by side as the sources were.
  const presented = await Promise.all(
    [...new Set(page.map((key) => key.type))].map(async (type) => {
      const keys = page.filter((key) => key.type === type);
      const items =
        type === CHANGE_TYPE
          ? await changeItems(ctx, executor, actor, keys, values)
          : await recordItems(ctx, executor, actor, objectOrThrow(ctx, type), keys, values);
      return { type, items };
    }),
  );
  for (const { type, items } of presented)
    for (const [recordId, item] of items) pending.set(`${type}:${recordId}`, item);
  const actors = await actorsOf(
    ctx,
    executor,
    actor,
    [...pending.values()].map((item) => item.actorId).filter((v): v is number => v !== null),
  );
  const items = page
    .map((key) => pending.get(`${key.type}:${key.id}`))
    .filter((item) => item !== undefined)
    .map(({ actorId, ...item }) => ({
      ...item,
      actor: actorId === null ? null : (actors.get(actorId) ?? null),
    }));
  const last = page.at(-1);
  return { items, nextCursor: more && last ? encodeCursor(last) : null };
}
