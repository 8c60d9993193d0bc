import { parseInstant } from '../../../shared/field-types/dates.ts';
import type { Actor } from '../../access/actor.ts';
import { errors, type FieldIssue } from '../../errors.ts';
import { executorOf, type RecordsContext } from '../../records/context.ts';
import { getRecord } from '../../records/reader.ts';
import { MAX_BOOKING_DAYS, MAX_BOOKING_MS, overlapping } from './rules.ts';

/** The longest range one question may cover, as long as the longest booking. */
export const MAX_RANGE_DAYS = MAX_BOOKING_DAYS;
const MINUTE_MS = 60_000;

export interface FreeSlot {
  starts_at: string;
  ends_at: string;
  minutes: number;
}

export interface FreeSlots {
  resource: number;
  from: string;
  to: string;
  minutes: number | null;
  /** False for a deactivated resource: it takes no bookings, so no time of it is free. */
  bookable: boolean;
  free: FreeSlot[];
}

/**
 * The parts of [from, to) that no busy interval covers, at least `minMs` long. Intervals are
 * half-open like bookings, so a booking ending at 10:00 leaves 10:00 free; they may come in
 * any order and touch or overlap each other.
 */
export function freeIntervals(
  from: number,
  to: number,
  busy: ReadonlyArray<readonly [number, number]>,
  minMs = 0,
): Array<[number, number]> {
  const free: Array<[number, number]> = [];
  let cursor = from;
  const keep = (end: number) => {
    if (end > cursor && end - cursor >= minMs) free.push([cursor, end]);
  };
  for (const [start, end] of [...busy].sort((a, b) => a[0] - b[0])) {
    if (end <= cursor) continue;
    if (start >= to) break;
    keep(Math.min(start, to));
    cursor = Math.max(cursor, end);
  }
  keep(to);
  return free;
}

/** The range of a free-slots question, checked: both instants, from before to, at most the limit. */
function checkRange(rawFrom: string, rawTo: string): { from: string; to: string } {
  const from = parseInstant(rawFrom);
  const to = parseInstant(rawTo);
  const issues: FieldIssue[] = [];
  const notInstant = 'must be a date-time like 2026-01-31T12:00:00Z';
  if (!from) issues.push({ field: 'from', code: 'type', message: notInstant });
  if (!to) issues.push({ field: 'to', code: 'type', message: notInstant });
  if (from && to) {
    const span = Date.parse(to) - Date.parse(from);
    if (span <= 0) issues.push({ field: 'to', code: 'before_from', message: 'must be after from' });
    else if (span > MAX_BOOKING_MS)
      issues.push({
        field: 'to',
        code: 'too_long',
        message: `the range may cover at most ${MAX_RANGE_DAYS} days`,
      });
  }
  if (issues.length > 0 || !from || !to) throw errors.validation(issues);
  return { from, to };
}

/**
 * When a resource is free within [from, to). Reading the resource goes through the records
 * engine (a reader who may not see it gets 404); its bookings are read directly, for their
 * times only: when a room is taken is no secret, who took it and what for may be.
 */
export async function freeSlots(
  ctx: RecordsContext,
  actor: Actor,
  resourceId: number,
  query: { from: string; to: string; minutes?: number },
): Promise<FreeSlots> {
  const { from, to } = checkRange(query.from, query.to);
  // 404 (or 403) exactly as the records API would answer the reader.
  await getRecord(ctx, actor, 'resource', resourceId, { fields: ['id'] });
  const executor = executorOf(ctx);
  // Read directly: whether it takes bookings shows anyway when one is tried (a field rule
  // hiding `active` from this reader does not change what is free).
  const stored = await executor
    .selectFrom('resource')
    .select('active')
    .where('id', '=', resourceId)
    .executeTakeFirst();
  const minutes = query.minutes ?? null;
  const answer = { resource: resourceId, from, to, minutes };
  if (ctx.dialect.decodeBoolean(stored?.active) === false) return { ...answer, bookable: false, free: [] };
  const bookings = await overlapping(executor, resourceId, from, to, null).execute();
  const busy = bookings.map(
    (row) => [Date.parse(String(row.starts_at)), Date.parse(String(row.ends_at))] as const,
  );
  const free = freeIntervals(Date.parse(from), Date.parse(to), busy, (minutes ?? 0) * MINUTE_MS);
  return {
    ...answer,
    bookable: true,
    free: free.map(([start, end]) => ({
      starts_at: new Date(start).toISOString(),
      ends_at: new Date(end).toISOString(),
      minutes: Math.floor((end - start) / MINUTE_MS),
    })),
  };
}
