import type { CalendarEvent, CalendarKind } from '../../../shared/calendar/types.ts';
import { CALENDAR_KINDS } from '../../../shared/calendar/types.ts';
import type { Filter } from '../../../shared/filter/types.ts';
import type { Actor } from '../../access/actor.ts';
import { canReadObject } from '../../access/policy.ts';
import { executorOf, type RecordsContext } from '../../records/context.ts';
import type { ApiRecord } from '../../records/present.ts';
import { listRecords } from '../../records/reader.ts';
import { readGrant } from '../../records/visible.ts';
import { activityIdsOverlapping } from '../cases/activity-window.ts';
import { occurrencesBetween } from '../reminders/recurrence.ts';

export { CALENDAR_KINDS, type CalendarEvent, type CalendarKind } from '../../../shared/calendar/types.ts';

export interface CalendarQuery {
  from: Date;
  to: Date;
  /** Whose calendars (employees, with the members of the chosen groups and departments). */
  employees: number[];
  resources: number[];
  kinds: ReadonlySet<CalendarKind>;
}

/** No range shows more of one kind than this: a month of a busy department fits many times. */
export const MAX_PER_KIND = 5000;
const PAGE = 500;

const numberOr = (value: unknown) => (typeof value === 'number' ? value : null);
const ids = (value: unknown) =>
  Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
/** The `_expanded` reference of a field (`{id, title, color?}`), if the list brought it. */
function expandedRef(row: ApiRecord, key: string): { title?: string; color?: string | null } | undefined {
  const bag = row._expanded;
  if (!bag || typeof bag !== 'object') return undefined;
  const ref = (bag as Record<string, unknown>)[key];
  return ref && typeof ref === 'object' && !Array.isArray(ref)
    ? (ref as { title?: string; color?: string | null })
    : undefined;
}
const colourOf = (value: unknown) =>
  typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value) ? value : null;

/** Every page of a list through the records engine: the reader's rights apply as in any list. */
async function listAll(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  request: {
    filter: Filter;
    fields: string[];
    expand?: string[];
    sort: Array<{ field: string; direction: 'asc' }>;
  },
): Promise<ApiRecord[]> {
  if (!canReadObject(actor, object)) return [];
  const items: ApiRecord[] = [];
  let cursor: string | null = null;
  do {
    const page = await listRecords(ctx, actor, object, { ...request, limit: PAGE, cursor });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && items.length < MAX_PER_KIND);
  return items.slice(0, MAX_PER_KIND);
}

const overlaps = (startField: string, endField: string, query: CalendarQuery): Filter => ({
  and: [
    { field: startField, op: 'lt', value: query.to.toISOString() },
    {
      or: [
        { field: startField, op: 'gte', value: query.from.toISOString() },
        { field: endField, op: 'gt', value: query.from.toISOString() },
      ],
    },
  ],
});

async function activities(ctx: RecordsContext, actor: Actor, query: CalendarQuery): Promise<CalendarEvent[]> {
  const grant = readGrant(ctx, actor, 'activity');
  if (query.employees.length === 0 || !grant) return [];
  // Whose activities is the question; a reader who may not see who organises or takes part
  // does not get it answered.
  if (grant.hiddenFields.has('organiser') || grant.hiddenFields.has('employees')) return [];
  // Which activities: found through the indexes (ids only); what they are: read through the
  // records engine, a page of ids at a time, with the reader's rights.
  const found = await activityIdsOverlapping(executorOf(ctx), { ...query, limit: MAX_PER_KIND });
  const rows: ApiRecord[] = [];
  for (let at = 0; at < found.length; at += PAGE) {
    const page = await listRecords(ctx, actor, 'activity', {
      filter: { field: 'id', op: 'in', value: found.slice(at, at + PAGE) },
      fields: ['id', 'version', 'title', 'starts_at', 'ends_at', 'all_day', 'organiser', 'employees', 'type'],
      expand: ['type'],
      sort: [{ field: 'starts_at', direction: 'asc' }],
      limit: PAGE,
    });
    rows.push(...page.items);
  }
  return rows.map((row) => {
    const type = expandedRef(row, 'type');
    return {
      id: `activity:${row.id}`,
      kind: 'activity',
      title: String(row.title ?? ''),
      start: String(row.starts_at),
      end: typeof row.ends_at === 'string' ? row.ends_at : null,
      allDay: row.all_day === true,
      recordId: Number(row.id),
      colour: colourOf(type?.color),
      employees: [...new Set([numberOr(row.organiser), ...ids(row.employees)].filter((id) => id !== null))],
      resource: null,
      version: Number(row.version),
      editable: true,
    };
  });
}

async function tasks(ctx: RecordsContext, actor: Actor, query: CalendarQuery): Promise<CalendarEvent[]> {
  if (query.employees.length === 0) return [];
  const rows = await listAll(ctx, actor, 'task', {
    filter: {
      and: [
        { field: 'due_at', op: 'gte', value: query.from.toISOString() },
        { field: 'due_at', op: 'lt', value: query.to.toISOString() },
        { field: 'assignee', op: 'in', value: query.employees },
      ],
    },
    // The register's colour, for readers who may see registers (a related column they may not read is refused).
    fields: [
      'id',
      'version',
      'title',
      'due_at',
      'done_at',
      'assignee',
      ...(canReadObject(actor, 'task_register') ? ['register.colour'] : []),
    ],
    sort: [{ field: 'due_at', direction: 'asc' }],
  });
  return rows.map((row) => ({
    id: `task:${row.id}`,
    kind: 'task',
    title: String(row.title ?? ''),
    start: String(row.due_at),
    end: null,
    allDay: false,
    recordId: Number(row.id),
    colour: colourOf(row['register.colour']),
    employees: [numberOr(row.assignee)].filter((id) => id !== null),
    resource: null,
    version: Number(row.version),
    editable: true,
  }));
}

/** Reminders, repeating ones expanded in the range (in their own time zone). */
async function reminders(ctx: RecordsContext, actor: Actor, query: CalendarQuery): Promise<CalendarEvent[]> {
  if (query.employees.length === 0) return [];
  const rows = await listAll(ctx, actor, 'reminder', {
    filter: {
      and: [
        { field: 'status', op: 'eq', value: 'active' },
        { field: 'at', op: 'lt', value: query.to.toISOString() },
        { field: 'for_employee', op: 'in', value: query.employees },
      ],
    },
    fields: ['id', 'version', 'title', 'at', 'repeat', 'time_zone', 'for_employee'],
    sort: [{ field: 'at', direction: 'asc' }],
  });
  const events: CalendarEvent[] = [];
  for (const row of rows) {
    const rule = typeof row.repeat === 'string' && row.repeat !== '' ? row.repeat : null;
    const recurrence = {
      start: new Date(String(row.at)),
      rule,
      timeZone: typeof row.time_zone === 'string' ? row.time_zone : 'UTC',
    };
    for (const at of occurrencesBetween(recurrence, query.from, query.to)) {
      events.push({
        id: rule ? `reminder:${row.id}:${at.toISOString()}` : `reminder:${row.id}`,
        kind: 'reminder',
        title: String(row.title ?? ''),
        start: at.toISOString(),
        end: null,
        allDay: false,
        recordId: Number(row.id),
        colour: null,
        employees: [numberOr(row.for_employee)].filter((id) => id !== null),
        resource: null,
        version: Number(row.version),
        editable: rule === null,
      });
      if (events.length >= MAX_PER_KIND) return events;
    }
  }
  return events;
}

async function bookings(ctx: RecordsContext, actor: Actor, query: CalendarQuery): Promise<CalendarEvent[]> {
  const who: Filter[] = [
    ...(query.resources.length > 0 ? [{ field: 'resource', op: 'in' as const, value: query.resources }] : []),
    ...(query.employees.length > 0
      ? [{ field: 'booked_by', op: 'in' as const, value: query.employees }]
      : []),
  ];
  if (who.length === 0) return [];
  const rows = await listAll(ctx, actor, 'booking', {
    filter: { and: [overlaps('starts_at', 'ends_at', query), { or: who }] },
    fields: [
      'id',
      'version',
      'title',
      'starts_at',
      'ends_at',
      'resource',
      'booked_by',
      ...(canReadObject(actor, 'resource') ? ['resource.colour'] : []),
    ],
    expand: ['resource'],
    sort: [{ field: 'starts_at', direction: 'asc' }],
  });
  return rows.map((row) => {
    const resource = expandedRef(row, 'resource');
    return {
      id: `booking:${row.id}`,
      kind: 'booking',
      title: String(row.title || resource?.title || ''),
      start: String(row.starts_at),
      end: String(row.ends_at),
      allDay: false,
      recordId: Number(row.id),
      colour: colourOf(row['resource.colour']),
      employees: [numberOr(row.booked_by)].filter((id) => id !== null),
      resource: numberOr(row.resource),
      version: Number(row.version),
      editable: true,
    };
  });
}

const SOURCES: Record<CalendarKind, typeof activities> = {
  activity: activities,
  task: tasks,
  reminder: reminders,
  booking: bookings,
};

/** Everything in the range of the chosen kinds, soonest first. */
export async function calendarEvents(
  ctx: RecordsContext,
  actor: Actor,
  query: CalendarQuery,
): Promise<CalendarEvent[]> {
  const parts: CalendarEvent[][] = [];
  for (const kind of CALENDAR_KINDS)
    if (query.kinds.has(kind)) parts.push(await SOURCES[kind](ctx, actor, query));
  // Code-point order: instants are ISO strings in UTC, and a locale's collation costs far more.
  const before = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return parts.flat().sort((a, b) => before(a.start, b.start) || before(a.id, b.id));
}
