import type { Executor } from '../../db/dialects/dialect.ts';
import type { ConflictLookup, ConflictSpec } from '../../metadata/define-object.ts';
import { conflictFound } from '../../records/conflicts.ts';
import { executorOf } from '../../records/context.ts';
import type { WriteEffect } from '../../records/effects.ts';
import { invalidField } from '../cases/rules.ts';

// The rules of bookings. They run inside the write's transaction, so a refusal writes nothing.

/** The PostgreSQL exclusion constraint the bookings migration created. */
export const NO_OVERLAP = 'booking_no_overlap';

/** Longer than a month is not a booking but an assignment (a company car given to someone). */
export const MAX_BOOKING_DAYS = 31;
const DAY_MS = 86_400_000;
export const MAX_BOOKING_MS = MAX_BOOKING_DAYS * DAY_MS;

/** A write that sets these books the resource anew: it must still be bookable. */
const BOOKED_FIELDS: ReadonlySet<string> = new Set(['resource', 'starts_at', 'ends_at']);

/**
 * The live bookings of a resource that overlap [startsAt, endsAt): half-open, so one ending
 * at 10:00 and one starting then do not clash. Instants are ISO strings (UTC), which compare
 * as instants on both dialects. No booking is longer than the limit, so one starting earlier
 * than that before the interval cannot reach it: the bound keeps the index scan on
 * (resource_id, starts_at) short however long the resource's history is.
 */
export function overlapping(
  executor: Executor,
  resourceId: number,
  startsAt: string,
  endsAt: string,
  except: number | null,
) {
  const earliest = new Date(Date.parse(startsAt) - MAX_BOOKING_MS).toISOString();
  let query = executor
    .selectFrom('booking')
    .select(['id', 'starts_at', 'ends_at'])
    .where('resource_id', '=', resourceId)
    .where('deleted_at', 'is', null)
    .where('starts_at', '>=', earliest)
    .where('starts_at', '<', endsAt)
    .where('ends_at', '>', startsAt);
  if (except !== null) query = query.where('id', '<>', except);
  return query.orderBy('starts_at').orderBy('id');
}

async function bookingRow(executor: Executor, id: number) {
  const row = await executor
    .selectFrom('booking')
    .select(['resource_id', 'starts_at', 'ends_at', 'deleted_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  // A booking in the trash holds nothing: it is checked again when restored.
  return row && row.deleted_at === null ? row : undefined;
}

/** The end comes after the start, within the limit: a calendar can draw it, a room is not taken for a year. */
export async function sensibleTimes(executor: Executor, id: number): Promise<void> {
  const row = await bookingRow(executor, id);
  if (!row) return;
  const length = Date.parse(String(row.ends_at)) - Date.parse(String(row.starts_at));
  if (length <= 0) throw invalidField('ends_at', 'before_start', 'must be after the start');
  if (length > MAX_BOOKING_MS)
    throw invalidField('ends_at', 'too_long', `a booking may last at most ${MAX_BOOKING_DAYS} days`);
}

/**
 * No two live bookings of one resource overlap: the conflict's check where the database has
 * no exclusion constraint (SQLite, whose writes take turns, so a check inside the write is as
 * good as the constraint). On PostgreSQL the constraint refuses such a row, even one another
 * transaction was writing at the same moment, and this is not run.
 */
async function noOverlap(executor: Executor, id: number): Promise<void> {
  const row = await bookingRow(executor, id);
  if (!row) return;
  const clash = await overlapping(
    executor,
    Number(row.resource_id),
    String(row.starts_at),
    String(row.ends_at),
    id,
  )
    .limit(1)
    .executeTakeFirst();
  if (clash) throw conflictFound(NO_OVERLAP);
}

/**
 * A deleted or deactivated resource takes no new booking, nor a booking moved or restored onto
 * it; its bookings stay as they are and may still be edited otherwise (a note, a title) or
 * cancelled. The engine refuses a newly chosen deleted or inactive resource already; this
 * covers restoring a booking and moving one that keeps its resource.
 */
export const bookableResource: WriteEffect = async (fact) => {
  if (fact.action === 'delete') return;
  if (fact.action === 'update' && !fact.changes.some((change) => BOOKED_FIELDS.has(change.field))) return;
  const row = await executorOf(fact.ctx)
    .selectFrom('booking as b')
    .innerJoin('resource as r', 'r.id', 'b.resource_id')
    .select(['r.id', 'r.active', 'r.deleted_at'])
    .where('b.id', '=', fact.recordId)
    .executeTakeFirst();
  if (!row) return;
  if (row.deleted_at !== null)
    throw invalidField('resource', 'deleted', `resource ${row.id} was deleted: it cannot be booked`);
  if (fact.ctx.dialect.decodeBoolean(row.active) === false)
    throw invalidField('resource', 'inactive', `resource ${row.id} is deactivated: it cannot be booked`);
};

/** One booking a write clashed with, as far as the writer may see it (in the 409's `details.clashes`). */
export interface BookingClash {
  id: number;
  starts_at: string;
  ends_at: string;
  title?: string | null;
  booked_by?: number | null;
  booked_by_name?: string | null;
}

async function describeOverlap({ executor, row, readAs, titleAs }: ConflictLookup) {
  if (row.deleted_at !== null && row.deleted_at !== undefined) return null;
  const resourceId = Number(row.resource_id);
  const startsAt = String(row.starts_at);
  const endsAt = String(row.ends_at);
  // Times the write's own rules refuse (400 naming `ends_at`) clash with nothing, and the
  // bookings of a resource the writer may not see are not theirs to hear about: the plain
  // message then, or, before the write, nothing — its own refusal comes first.
  const length = Date.parse(endsAt) - Date.parse(startsAt);
  if (!(length > 0 && length <= MAX_BOOKING_MS)) return null;
  const found = await overlapping(
    executor,
    resourceId,
    startsAt,
    endsAt,
    typeof row.id === 'number' ? row.id : null,
  )
    .limit(5)
    .execute();
  // Whether the writer may see the resource matters only when something clashes (most writes
  // clash with nothing, and are spared the read).
  if (found.length === 0 || !(await readAs('resource', resourceId))) return null;
  const clashes: BookingClash[] = [];
  for (const booking of found) {
    const id = Number(booking.id);
    const clash: BookingClash = {
      id,
      starts_at: String(booking.starts_at),
      ends_at: String(booking.ends_at),
    };
    // Who booked it and what for only when the writer may read that booking (their own, a
    // manager's view); everyone may know that the time is taken.
    const seen = await readAs('booking', id);
    if (seen) {
      clash.title = typeof seen.title === 'string' ? seen.title : null;
      clash.booked_by = typeof seen.booked_by === 'number' ? seen.booked_by : null;
      clash.booked_by_name = clash.booked_by ? await titleAs('employee', clash.booked_by) : null;
    }
    clashes.push(clash);
  }
  const [first] = clashes;
  if (!first) return null;
  const name = await titleAs('resource', resourceId);
  const what = [
    `booking ${first.id}`,
    first.title ? `“${first.title}”` : null,
    first.booked_by_name ? `by ${first.booked_by_name}` : null,
  ].filter(Boolean);
  const more = clashes.length > 1 ? ` and ${clashes.length - 1} more` : '';
  return {
    message: `${name ?? `resource ${resourceId}`} is already booked from ${first.starts_at} to ${first.ends_at} (${what.join(' ')})${more}`,
    details: { resource: resourceId, starts_at: startsAt, ends_at: endsAt, clashes },
  };
}

/** Two bookings of one resource at once: the second writer's 409, naming the booking it clashed with. */
export const overlapConflict: ConflictSpec = {
  constraint: NO_OVERLAP,
  code: 'booking_conflict',
  message: 'The resource is already booked for part of this time',
  describe: describeOverlap,
  check: noOverlap,
};
