import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../access/actor.ts';
import { AppError } from '../../errors.ts';
import { actorOf } from '../../http/auth.ts';
import { publicOrigin } from '../../http/origin.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { executorOf, type RecordsContext } from '../../records/context.ts';
import { icalendarText } from './ics.ts';
import { CALENDAR_KINDS, type CalendarKind, type CalendarQuery, calendarEvents } from './sources.ts';

/** A year at most: the calendar shows a day, a week, a month, a list of some weeks. */
const MAX_RANGE_MS = 366 * 86_400_000;
const MAX_IDS = 200;

const idList = z
  .string()
  .max(4000)
  .regex(/^\d{1,15}(,\d{1,15})*$/, 'must be record ids separated by commas')
  .transform((text) => text.split(',').map(Number))
  .refine((list) => list.length <= MAX_IDS, `at most ${MAX_IDS} ids`)
  .optional();

const rangeQuery = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  employees: idList,
  groups: idList.describe('work group ids: their members'),
  departments: idList.describe('department ids: their employees'),
  resources: idList,
  kinds: z
    .string()
    .max(200)
    .optional()
    .describe(`comma-separated, of ${CALENDAR_KINDS.join(', ')}; default all`),
});
type RangeQuery = z.infer<typeof rangeQuery>;

const event = z.object({
  id: z.string(),
  kind: z.enum(CALENDAR_KINDS),
  title: z.string(),
  start: z.string(),
  end: z.string().nullable(),
  allDay: z.boolean(),
  recordId: z.number(),
  colour: z.string().nullable(),
  employees: z.array(z.number()),
  resource: z.number().nullable(),
  version: z.number(),
  editable: z.boolean(),
});

/** Whose calendars a range query asks for, resolved to employees (groups and departments by their members). */
async function resolveQuery(ctx: RecordsContext, actor: Actor, q: RangeQuery): Promise<CalendarQuery> {
  const from = new Date(q.from);
  const to = new Date(q.to);
  if (!(from < to)) throw new AppError(400, 'bad_request', '`to` must be after `from`');
  if (to.getTime() - from.getTime() > MAX_RANGE_MS)
    throw new AppError(400, 'bad_request', 'The range may be at most 366 days');
  const kinds = new Set<CalendarKind>();
  for (const name of (q.kinds ?? CALENDAR_KINDS.join(',')).split(',')) {
    if (!(CALENDAR_KINDS as readonly string[]).includes(name))
      throw new AppError(400, 'bad_request', `Unknown kind "${name}" (${CALENDAR_KINDS.join(', ')})`);
    kinds.add(name as CalendarKind);
  }
  const employees = new Set(q.employees ?? []);
  const executor = executorOf(ctx);
  if (q.groups?.length) {
    const members = await executor
      .selectFrom('work_group_member')
      .select('employee_id')
      .where('work_group_id', 'in', q.groups)
      .execute();
    for (const member of members) employees.add(Number(member.employee_id));
  }
  if (q.departments?.length) {
    const staff = await executor
      .selectFrom('employee')
      .select('id')
      .where('department_id', 'in', q.departments)
      .where('deleted_at', 'is', null)
      .execute();
    for (const member of staff) employees.add(Number(member.id));
  }
  const nothingChosen = !q.employees && !q.groups && !q.departments && !q.resources;
  if (nothingChosen && actor.kind === 'user' && actor.employeeId !== null) employees.add(actor.employeeId);
  return {
    from,
    to,
    employees: [...employees],
    resources: q.resources ?? [],
    kinds,
  };
}

/**
 * `GET /api/calendar`: activities, tasks with due times, reminders (repeating ones expanded in
 * the range) and bookings, for the chosen employees (and the members of the chosen work groups
 * and departments; by default the reader's own) and resources. Each kind is read through the
 * records engine with the reader's rights: what they may not see is not there.
 */
export async function calendarRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const ctx = services.records;
  app.get(
    '/api/calendar',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['calendar'],
        summary: 'What is in the calendars of employees, groups, departments and resources within a range',
        description:
          '400 when `to` is not after `from`, the range is longer than 366 days, or an id list is malformed',
        querystring: rangeQuery,
        response: { 200: z.array(event) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return calendarEvents(ctx, actor, await resolveQuery(ctx, actor, request.query));
    },
  );

  const origin = (request: FastifyRequest) => publicOrigin(services.config, request);
  app.get(
    '/api/calendar/export.ics',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['calendar'],
        summary: 'The same events as `GET /api/calendar`, as an iCalendar file to import elsewhere',
        description:
          'text/calendar, as a download named by the range; each event keeps its UID, so importing a later export updates it. 400 as `GET /api/calendar`',
        querystring: rangeQuery,
        response: { 200: z.string().describe('text/calendar; charset=utf-8') },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const query = await resolveQuery(ctx, actor, request.query);
      const events = await calendarEvents(ctx, actor, query);
      // Named by the days the reader sees: the first and the last one of the range, in their zone.
      const day = (at: Date) => at.toLocaleDateString('en-CA', { timeZone: actor.timeZone });
      const text = icalendarText(events, { now: services.now(), origin: origin(request), name: 'Kartoteka' });
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="kartoteka-${day(query.from)}-${day(new Date(query.to.getTime() - 1))}.ics"`,
        )
        .header('cache-control', 'private, no-store')
        .send(text);
    },
  );
}
