import type { LightMyRequestResponse } from 'fastify';
import type { BookingClash } from '../src/server/modules/bookings/rules.ts';
import { createRole } from './access-fixtures.ts';
import type { Session } from './harness.ts';
import { type StaffMember, staffMember } from './notification-fixtures.ts';
import { post } from './personal-data-fixtures.ts';
import { type ApiRecord, type EnvGetter, expectNothingWritten } from './record-fixtures.ts';

/** Every table a booking write touches: a refused one must leave them all as they were. */
export const BOOKING_TABLES = ['booking', 'record_history', 'outbox_event', 'search_doc'];

export function nothingWritten(env: EnvGetter, action: () => Promise<void>): Promise<void> {
  return expectNothingWritten(env, action, BOOKING_TABLES);
}

/**
 * Two colleagues who read every resource and read, create, change and cancel their own
 * bookings, as the demo roles let everyone (plus delete, to free a slot).
 */
export async function bookers(env: EnvGetter): Promise<{ anna: StaffMember; bela: StaffMember }> {
  const role = await createRole(env, [
    { object: 'resource', right: 'read', scope: 'all' },
    ...['read', 'create', 'update', 'delete'].map((right) => ({
      object: 'booking',
      right,
      scope: 'own' as const,
    })),
    { object: 'employee', right: 'read', scope: 'all' },
  ]);
  return {
    anna: await staffMember(env, role, { first: 'Anna', last: 'Nowak' }),
    bela: await staffMember(env, role, { first: 'Béla', last: 'Kiss' }),
  };
}

let rooms = 0;
export function newResource(env: EnvGetter, values: Record<string, unknown> = {}): Promise<ApiRecord> {
  rooms += 1;
  return post(env, 'resource', { name: `Room ${rooms}`, kind: 'room', capacity: 8, ...values });
}

/** An instant on a fixed day far from today: `at('09:30')`, `at('09:30', 2)` two days later. */
export function at(time: string, days = 0): string {
  const day = new Date(Date.UTC(2027, 2, 1 + days)).toISOString().slice(0, 10);
  return new Date(`${day}T${time}:00Z`).toISOString();
}

export function book(
  env: EnvGetter,
  session: Session | undefined,
  values: Record<string, unknown>,
): Promise<LightMyRequestResponse> {
  return env().api('POST', '/api/records/booking', values, session);
}

/** Changes a booking as `session`, with the version it has now. */
export async function change(
  env: EnvGetter,
  session: Session | undefined,
  id: number,
  values: Record<string, unknown>,
): Promise<LightMyRequestResponse> {
  const current = await env().api('GET', `/api/records/booking/${id}`);
  const version = current.json<ApiRecord>().version;
  return env().api('PATCH', `/api/records/booking/${id}`, { ...values, version }, session);
}

/** A clash as the 409's details name it. */
export interface ClashDetails {
  resource: number;
  starts_at: string;
  ends_at: string;
  clashes: BookingClash[];
}

/** Live bookings of a resource, straight from the table. */
export function liveBookings(env: EnvGetter, resource: number) {
  return env()
    .services.dialect.db.selectFrom('booking')
    .select(['id', 'starts_at', 'ends_at'])
    .where('resource_id', '=', resource)
    .where('deleted_at', 'is', null)
    .execute();
}
