import { performance } from 'node:perf_hooks';
import type { BenchClient } from './http-client.ts';
import { type Measurement, summarise } from './load.ts';
import { seededRandom } from './random.ts';

/**
 * Issue 10's booking figure: many people booking a few rooms at the same moment. Attempts go
 * out 32 at a time for random hours of fresh rooms, so many collide; every answer is either
 * 201 (booked) or 409 `booking_conflict` naming the clash. Afterwards the outcomes are checked:
 * no two accepted bookings of a room overlap, every refusal overlaps an accepted booking it
 * named, and the rooms' bookings in the database are exactly the accepted ones. Any other
 * answer, or a wrong outcome, fails the run.
 */
const ROOMS = 20;
/** Hours each room can be booked in: enough that about half the attempts win in five seconds. */
const HOURS = 400;
const CONCURRENCY = 32;
const HOUR_MS = 3_600_000;

interface Interval {
  resource: number;
  start: number;
  end: number;
}
interface Accepted extends Interval {
  id: number;
}
interface Refused extends Interval {
  clashes: number[];
}

const overlap = (a: Interval, b: Interval) => a.resource === b.resource && a.start < b.end && b.start < a.end;

export interface BookingConflictResult {
  measurement: Measurement;
  accepted: number;
  refused: number;
}

export async function measureBookingConflicts(
  client: BenchClient,
  durationMs: number,
): Promise<BookingConflictResult> {
  // Rooms of this run only, in a year of their own, so earlier runs' bookings stay out of it.
  const run = Date.now();
  const rooms: number[] = [];
  for (let i = 0; i < ROOMS; i++) {
    const room = (await client.ok('POST', '/api/records/resource', {
      name: `Conflict bench ${run} room ${i + 1}`,
      kind: 'room',
    })) as { id: number };
    rooms.push(room.id);
  }
  const base = Date.UTC(2040, 0, 1) + (run % 1000) * 30 * 24 * HOUR_MS;

  const random = seededRandom(4242);
  const accepted: Accepted[] = [];
  const refused: Refused[] = [];
  const latencies: number[] = [];
  const attempt = async (record: boolean) => {
    const resource = rooms[random(ROOMS)] ?? 0;
    const start = base + random(HOURS) * HOUR_MS + random(2) * (HOUR_MS / 2);
    const interval: Interval = { resource, start, end: start + (1 + random(2)) * HOUR_MS };
    const t0 = performance.now();
    const result = await client.request('POST', '/api/records/booking', {
      resource,
      starts_at: new Date(interval.start).toISOString(),
      ends_at: new Date(interval.end).toISOString(),
    });
    const elapsed = performance.now() - t0;
    if (result.status === 201 || result.status === 200) {
      accepted.push({ ...interval, id: (JSON.parse(result.body) as { id: number }).id });
    } else if (result.status === 409) {
      const error = (
        JSON.parse(result.body) as {
          error: { code: string; details?: { clashes?: Array<{ id: number }> } };
        }
      ).error;
      if (error.code !== 'booking_conflict') throw new Error(`409 ${error.code}: ${result.body}`);
      refused.push({ ...interval, clashes: (error.details?.clashes ?? []).map((c) => c.id) });
    } else {
      throw new Error(`booking → ${result.status}: ${result.body.slice(0, 300)}`);
    }
    if (record) latencies.push(elapsed);
  };

  // A short warm-up (its bookings count in the check), then the measured attempts.
  for (let i = 0; i < 50; i++) await attempt(false);
  const started = performance.now();
  const end = started + durationMs;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) await attempt(true);
    }),
  );
  const elapsed = performance.now() - started;
  verify(accepted, refused);
  await verifyStored(client, rooms, accepted);
  return { measurement: summarise(latencies, elapsed), accepted: accepted.length, refused: refused.length };
}

function verify(accepted: Accepted[], refused: Refused[]): void {
  const byRoom = new Map<number, Accepted[]>();
  for (const booking of accepted)
    byRoom.set(booking.resource, [...(byRoom.get(booking.resource) ?? []), booking]);
  for (const list of byRoom.values()) {
    list.sort((a, b) => a.start - b.start);
    for (let i = 1; i < list.length; i++) {
      const [before, after] = [list[i - 1], list[i]];
      if (before && after && overlap(before, after))
        throw new Error(`bookings ${before.id} and ${after.id} of one room overlap: both were accepted`);
    }
  }
  const acceptedById = new Map(accepted.map((b) => [b.id, b]));
  for (const refusal of refused) {
    if (refusal.clashes.length === 0) throw new Error('a booking was refused without naming the clash');
    for (const id of refusal.clashes) {
      const clash = acceptedById.get(id);
      if (!clash || !overlap(clash, refusal))
        throw new Error(`a booking was refused for clashing with ${id}, which it does not overlap`);
    }
  }
}

/** The rooms' live bookings in the database are exactly the accepted ones. */
async function verifyStored(client: BenchClient, rooms: number[], accepted: Accepted[]): Promise<void> {
  const stored = new Set<number>();
  let cursor: string | null = null;
  do {
    const page = (await client.ok('POST', '/api/records/booking/query', {
      filter: { field: 'resource', op: 'in', value: rooms },
      fields: ['id'],
      limit: 500,
      cursor,
    })) as { items: Array<{ id: number }>; nextCursor: string | null };
    for (const item of page.items) stored.add(item.id);
    cursor = page.nextCursor;
  } while (cursor !== null);
  const missing = accepted.filter((b) => !stored.has(b.id));
  if (missing.length > 0 || stored.size !== accepted.length)
    throw new Error(
      `the database holds ${stored.size} bookings of the rooms, ${accepted.length} were accepted (${missing.length} of them missing)`,
    );
}
