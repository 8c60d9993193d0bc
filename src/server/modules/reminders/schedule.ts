import { systemActor } from '../../access/actor.ts';
import type { Executor } from '../../db/dialects/dialect.ts';
import type { AppServices } from '../../http/types.ts';
import { JobQueue } from '../../jobs/queue.ts';
import { inOneTransaction } from '../../records/command.ts';
import { executorOf, type RecordsContext } from '../../records/context.ts';
import type { WriteFact } from '../../records/effects.ts';
import { updateRecord } from '../../records/writer.ts';
import { invalidField } from '../cases/rules.ts';
import { isTimeZone, nextOccurrence, normaliseRule, type Recurrence, RecurrenceError } from './recurrence.ts';

export const FIRE_JOB = 'reminders.fire';

interface ReminderRow {
  id: number;
  at: string;
  repeat: string | null;
  time_zone: string | null;
  status: string;
  fired_at: string | null;
  record_object: string | null;
  record_id: number | null;
  deleted_at: string | null;
  version: number;
}

const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

export async function loadReminder(executor: Executor, id: number): Promise<ReminderRow | null> {
  const row = await executor
    .selectFrom('reminder')
    .select([
      'id',
      'at',
      'repeat',
      'time_zone',
      'status',
      'fired_at',
      'record_object',
      'record_id',
      'deleted_at',
      'version',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: Number(row.id),
    at: new Date(String(row.at)).toISOString(),
    repeat: text(row.repeat),
    time_zone: text(row.time_zone),
    status: String(row.status),
    fired_at:
      row.fired_at === null || row.fired_at === undefined
        ? null
        : new Date(String(row.fired_at)).toISOString(),
    record_object: text(row.record_object),
    record_id: row.record_id === null || row.record_id === undefined ? null : Number(row.record_id),
    deleted_at: text(row.deleted_at),
    version: Number(row.version),
  };
}

export function recurrenceOf(row: ReminderRow): Recurrence {
  return {
    start: new Date(row.at),
    rule: row.repeat ? normaliseRule(row.repeat) : null,
    timeZone: row.time_zone ?? 'UTC',
  };
}

/**
 * What makes a reminder deliverable: a rule that parses and does not fire more than hourly, a
 * time zone the runtime knows, and a link to a record that exists (both parts or neither).
 */
export async function checkReminder(fact: WriteFact): Promise<void> {
  if (fact.action === 'delete') return;
  const executor = executorOf(fact.ctx);
  const row = await loadReminder(executor, fact.recordId);
  if (!row) return;
  if (row.time_zone !== null && !isTimeZone(row.time_zone))
    throw invalidField(
      'time_zone',
      'unknown',
      `${row.time_zone} is not a time zone (Europe/Warsaw, Europe/Budapest…)`,
    );
  if (row.repeat !== null) {
    try {
      normaliseRule(row.repeat);
    } catch (error) {
      if (error instanceof RecurrenceError) throw invalidField('repeat', 'invalid', error.message);
      throw error;
    }
  }
  if ((row.record_object === null) !== (row.record_id === null))
    throw invalidField('record_id', 'incomplete', 'give both the object and the record, or neither');
  if (row.record_object !== null && row.record_id !== null) {
    const target = fact.ctx.registry.get(row.record_object);
    const found =
      target &&
      (await executor
        .selectFrom(target.table)
        .select('id')
        .where('id', '=', row.record_id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst());
    if (!found)
      throw invalidField('record_id', 'not_found', `no ${row.record_object} with id ${row.record_id}`);
  }
}

/** Sets when the reminder comes next and queues its delivery then (null: it does not come again). */
export async function setNext(
  ctx: RecordsContext,
  id: number,
  next: Date | null,
  snoozed: Date | null = null,
) {
  const executor = executorOf(ctx);
  await executor
    .updateTable('reminder')
    .set({ next_at: next?.toISOString() ?? null, snoozed_until: snoozed?.toISOString() ?? null })
    .where('id', '=', id)
    .execute();
  if (next === null) return;
  // Queued in the write's transaction (a queue object only writes the row; the running
  // application's workers pick it up). Keyed by the moment: saving twice queues one delivery.
  await new JobQueue(ctx.dialect, ctx.now).enqueue(
    FIRE_JOB,
    { reminderId: id, at: next.toISOString() },
    { runAt: next, uniqueKey: `reminder:${id}:${next.toISOString()}` },
    executor,
  );
}

/** The fields whose change moves the next reminder. */
const TIMING = ['at', 'repeat', 'time_zone', 'status'];

/**
 * Keeps `next_at` and the queued delivery in step with the reminder: a new, moved, restored or
 * reactivated reminder is scheduled (a single one that has not reminded yet comes at its time,
 * even if that has just passed; a repeating one at its next occurrence from now); a dismissed,
 * ended or deleted one is not. Queued deliveries of an old time find `next_at` moved and do
 * nothing, so nothing needs cancelling.
 */
export async function scheduleReminder(fact: WriteFact): Promise<void> {
  if (fact.action === 'update' && !fact.changes.some((change) => TIMING.includes(change.field))) return;
  const row = await loadReminder(executorOf(fact.ctx), fact.recordId);
  if (!row) return;
  if (fact.action === 'delete' || row.status !== 'active' || row.deleted_at !== null)
    return setNext(fact.ctx, row.id, null);
  const recurrence = recurrenceOf(row);
  const next =
    recurrence.rule === null
      ? row.fired_at !== null && row.fired_at >= row.at
        ? null
        : recurrence.start
      : nextOccurrence(recurrence, fact.ctx.now());
  await setNext(fact.ctx, row.id, next);
}

/**
 * Delivers one occurrence, once: only if the reminder still comes at that moment (not moved,
 * snoozed elsewhere, dismissed or deleted since — a delivery that ran already moved `next_at`
 * on). Writing `fired_at` through the engine as the system is what tells the person (the
 * notification rule), in the same transaction that schedules the next occurrence. After
 * downtime that swallowed several occurrences of a repeating reminder, it reminds once and
 * goes on from now: not lost, not repeated.
 */
export async function fireReminder(services: AppServices, reminderId: number, at: string): Promise<void> {
  const ctx = services.records;
  await inOneTransaction(ctx, async (txCtx, trx) => {
    const current = await trx
      .selectFrom('reminder')
      .select(['next_at', 'status', 'deleted_at'])
      .where('id', '=', reminderId)
      .executeTakeFirst();
    if (!current || current.deleted_at !== null || current.status !== 'active') return;
    if (current.next_at === null || new Date(String(current.next_at)).toISOString() !== at) return;
    const row = await loadReminder(trx, reminderId);
    if (!row) return;
    await updateRecord(txCtx, systemActor('reminders'), 'reminder', reminderId, {
      fired_at: at,
      version: row.version,
    });
    const recurrence = recurrenceOf(row);
    const after = new Date(Math.max(ctx.now().getTime(), Date.parse(at) + 1));
    await setNext(txCtx, reminderId, recurrence.rule === null ? null : nextOccurrence(recurrence, after));
  });
}

function positiveId(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
    throw new Error(`${FIRE_JOB} job without a valid reminderId`);
  return value;
}

export function registerReminderJobs(services: AppServices): void {
  services.jobs.register(FIRE_JOB, async (payload) => {
    const request = (payload ?? {}) as { reminderId?: unknown; at?: unknown };
    if (typeof request.at !== 'string') throw new Error(`${FIRE_JOB} job without its time`);
    await fireReminder(services, positiveId(request.reminderId), request.at);
  });
}
