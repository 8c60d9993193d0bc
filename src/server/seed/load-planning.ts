// The demo's chain templates, reminders and bookable resources with their bookings, straight to
// the tables like the tasks, with the history and search documents the engine would have
// written. A reminder comes only through its queued delivery, so each active one that still
// comes gets its `reminders.fire` job, as the engine's scheduling (modules/reminders) queues it.

import type { Dialect, Tx } from '../db/dialects/dialect.ts';
import { JobQueue, type NewJob } from '../jobs/queue.ts';
import type { ObjectDefinition } from '../metadata/define-object.ts';
import type { MetadataRegistry } from '../metadata/registry.ts';
import { FIRE_JOB } from '../modules/reminders/schedule.ts';
import { type BookableActivity, bookings, bookingWindow, resources } from './generator/bookings.ts';
import { context, type DatasetSize } from './generator/context.ts';
import { reminderSchedule, reminders } from './generator/reminders.ts';
import { taskChains } from './generator/task-chains.ts';
import { instantAt } from './generator/work-context.ts';
import { auditUntil, type Item, insertRecords, type WorkHistory } from './insert-records.ts';

export interface PlanningLoadOptions {
  seed: number;
  size: DatasetSize;
  referenceDate: string;
  /** When the load runs: nothing is written later; reminders come next from then on. */
  at: string;
  /** Database ids by the generator's company and employee indexes. */
  companyIds: readonly number[];
  employeeIds: readonly number[];
  history?: WorkHistory;
  onProgress?: (message: string) => void;
}

export interface PlanningCounts {
  chains: number;
  chainSteps: number;
  reminders: number;
  repeatingReminders: number;
  /** Queued deliveries: one per reminder that still comes. */
  reminderJobs: number;
  resources: number;
  bookings: number;
  /** Of the bookings, those for a client's activity. */
  activityBookings: number;
}

const iso = (value: unknown): string => new Date(String(value)).toISOString();

/**
 * The task registers' ids in the generator's order: loadTasks writes the registers with one
 * statement into an empty table, in that order, so ascending ids are register numbers.
 */
async function registerIds(trx: Tx): Promise<number[]> {
  const rows = await trx.selectFrom('task_register').select('id').orderBy('id').execute();
  return rows.map((row) => Number(row.id));
}

/** The loaded client meetings, presentations and visits in the bookings' window, by start (what `bookings` is offered). */
export async function bookableActivities(
  trx: Tx,
  dialect: Dialect,
  referenceDay: number,
): Promise<{ offered: BookableActivity[]; organiserOf: Map<number, number | null> }> {
  const window = bookingWindow(referenceDay);
  const rows = await trx
    .selectFrom('activity as a')
    .innerJoin('dictionary_value as t', 't.id', 'a.type_id')
    .select(['a.id', 'a.title', 'a.starts_at', 'a.ends_at', 'a.organiser_id', 't.code'])
    .where('t.code', 'in', ['meeting', 'presentation', 'visit'])
    .where('a.status', '<>', 'cancelled')
    .where('a.all_day', '=', dialect.encodeBoolean(false))
    .where('a.ends_at', 'is not', null)
    .where('a.deleted_at', 'is', null)
    .where('a.starts_at', '>=', instantAt(window.from, 0))
    .where('a.starts_at', '<', instantAt(window.to, 0))
    .orderBy('a.starts_at')
    .orderBy('a.id')
    .execute();
  const organiserOf = new Map<number, number | null>();
  const offered = rows.map((row): BookableActivity => {
    organiserOf.set(Number(row.id), row.organiser_id === null ? null : Number(row.organiser_id));
    return {
      key: Number(row.id),
      type: String(row.code) as BookableActivity['type'],
      title: String(row.title),
      starts_at: iso(row.starts_at),
      ends_at: iso(row.ends_at),
    };
  });
  return { offered, organiserOf };
}

/**
 * Loads what DatasetSize.taskChains, .reminders and .bookings ask for (after the tasks, whose
 * registers the chains' steps go in, and the client work, whose activities some bookings are
 * for). Deterministic per seed and load moment; a few hundred rows, so one transaction.
 */
export async function loadPlanning(
  dialect: Dialect,
  registry: MetadataRegistry,
  options: PlanningLoadOptions,
): Promise<PlanningCounts> {
  const counts: PlanningCounts = {
    chains: 0,
    chainSteps: 0,
    reminders: 0,
    repeatingReminders: 0,
    reminderJobs: 0,
    resources: 0,
    bookings: 0,
    activityBookings: 0,
  };
  const generateOptions = { referenceDate: options.referenceDate };
  const chains = taskChains(options.seed, options.size, generateOptions);
  const reminderRows = reminders(options.seed, options.size, generateOptions);
  const resourceRows = resources(options.seed, options.size, generateOptions);
  if (chains.length + reminderRows.length + resourceRows.length === 0) return counts;
  const definition = (key: string): ObjectDefinition => {
    const found = registry.get(key);
    if (!found) throw new Error(`unknown object ${key}`);
    return found;
  };
  const history = options.history ?? 'fields';
  const { until, audit } = auditUntil(options.at);
  const employee = (index: number | null) => (index === null ? null : (options.employeeIds[index] ?? null));
  const record = (row: Record<string, unknown>, at: string): Item => ({
    row,
    companyId: null,
    at: until(at),
  });
  // A reminder comes next from the load on (or from the reference date, should that be later).
  const from = new Date(
    Math.max(Date.parse(options.at), Date.parse(`${options.referenceDate}T00:00:00.000Z`)),
  );

  await dialect.db.transaction().execute(async (trx: Tx) => {
    const registers = await registerIds(trx);
    const chainIds = await insertRecords(
      trx,
      dialect,
      definition('task_chain'),
      chains.map((chain) =>
        record(
          {
            name: chain.name,
            description: chain.description,
            active: dialect.encodeBoolean(true),
            ...audit(chain.created_at),
          },
          chain.created_at,
        ),
      ),
      history,
    );
    const steps = chains.flatMap((chain, c) =>
      chain.steps.map((step) =>
        record(
          {
            chain_id: chainIds[c],
            position: step.position,
            title: step.title,
            register_id: registers[step.register_number],
            assignee_id: employee(step.assignee_index),
            assignee_role: step.assignee_role,
            due_offset_days: step.due_offset_days,
            condition: step.condition,
            ...audit(chain.created_at),
          },
          chain.created_at,
        ),
      ),
    );
    counts.chains = chainIds.length;
    counts.chainSteps = (
      await insertRecords(trx, dialect, definition('task_chain_step'), steps, history)
    ).length;

    const schedules = reminderRows.map((row) => reminderSchedule(row, from));
    const reminderIds = await insertRecords(
      trx,
      dialect,
      definition('reminder'),
      reminderRows.map((row, r) => {
        const { next_at, fired_at } = schedules[r] ?? { next_at: null, fired_at: null };
        const company = row.company_index === null ? null : (options.companyIds[row.company_index] ?? null);
        return record(
          {
            title: row.title,
            note: row.note,
            for_employee_id: employee(row.for_index),
            set_by_id: employee(row.set_by_index),
            at: row.at,
            repeat: row.repeat,
            time_zone: row.time_zone,
            email: dialect.encodeBoolean(row.email),
            record_object: company === null ? null : 'company',
            record_id: company,
            status: 'active',
            next_at,
            snoozed_until: null,
            fired_at,
            // Its last delivery wrote `fired_at`, and with it the reminder.
            ...audit(row.created_at, fired_at ?? row.created_at),
          },
          row.created_at,
        );
      }),
      history,
    );
    // Queued as setNext (modules/reminders/schedule.ts) queues them: keyed by the moment.
    const jobs: NewJob[] = reminderIds.flatMap((id, r) => {
      const next = schedules[r]?.next_at ?? null;
      return next === null
        ? []
        : [
            {
              name: FIRE_JOB,
              payload: { reminderId: id, at: next },
              options: { runAt: new Date(next), uniqueKey: `reminder:${id}:${next}` },
            },
          ];
    });
    counts.reminders = reminderIds.length;
    counts.repeatingReminders = reminderRows.filter((row) => row.repeat !== null).length;
    counts.reminderJobs = await new JobQueue(dialect, () => new Date(options.at)).enqueueMany(jobs, trx);

    const resourceIds = await insertRecords(
      trx,
      dialect,
      definition('resource'),
      resourceRows.map((row) =>
        record(
          {
            name: row.name,
            kind: row.kind,
            capacity: row.capacity,
            colour: row.colour,
            description: row.description,
            location: row.location,
            active: dialect.encodeBoolean(true),
            ...audit(row.created_at),
          },
          row.created_at,
        ),
      ),
      history,
    );
    counts.resources = resourceIds.length;
    if (resourceIds.length === 0) return;
    const referenceDay = context(options.seed, options.size, generateOptions).referenceDay;
    const { offered, organiserOf } = await bookableActivities(trx, dialect, referenceDay);
    const bookingRows = bookings(options.seed, options.size, generateOptions, offered);
    // Ordered by resource and time: each resource's bookings go in one after another.
    const bookingIds = await insertRecords(
      trx,
      dialect,
      definition('booking'),
      bookingRows.map((row) =>
        record(
          {
            resource_id: resourceIds[row.resource_number],
            title: row.title,
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            activity_id: row.activity_key,
            task_id: null,
            booked_by_id:
              row.activity_key === null
                ? employee(row.booked_by_index)
                : (organiserOf.get(row.activity_key) ?? null),
            note: row.note,
            ...audit(row.created_at),
          },
          row.created_at,
        ),
      ),
      history,
    );
    counts.bookings = bookingIds.length;
    counts.activityBookings = bookingRows.filter((row) => row.activity_key !== null).length;
  });
  options.onProgress?.(
    `planning: ${counts.chains} task chains (${counts.chainSteps} steps), ${counts.reminders} reminders ` +
      `(${counts.repeatingReminders} repeating, ${counts.reminderJobs} queued), ${counts.resources} resources, ` +
      `${counts.bookings} bookings (${counts.activityBookings} for activities)`,
  );
  return counts;
}
