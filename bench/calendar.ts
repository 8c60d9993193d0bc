import type { BenchClient } from './http-client.ts';
import { type Measurement, measure } from './load.ts';

/**
 * Issue 10's calendar figure: one month of a department of 20 employees, in a database with the
 * data set's 100k tasks and 3M activities. The generated data set has 50 employees sharing those
 * 3M activities — 60,000 a year each, far beyond any person's calendar — so the department is
 * 20 employees of their own with a working year as people live it: three activities a working
 * day (as organiser or taking part), a task due each working day, two bookings a week and a
 * daily and a weekly reminder. The query must find their month without reading the others'.
 * Built once through the API and reused, as the data set is.
 */
const DEPARTMENT = 'Calendar bench department';
const STAFF = 20;
const ACTIVITIES_PER_DAY = 3;
const HISTORY_DAYS = 365;
const AHEAD_DAYS = 60;
const RESOURCES = 5;
/** Writes at once while building: a few users at work, not one loop. */
const BUILD_CONCURRENCY = 8;
const DAY_MS = 86_400_000;

interface Items<T> {
  items: T[];
}

/** Monday-to-Friday days from `first` on, at midnight UTC. */
function workingDays(first: Date, count: number): Date[] {
  const days: Date[] = [];
  for (let i = 0; i < count; i++) {
    const day = new Date(first.getTime() + i * DAY_MS);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) days.push(day);
  }
  return days;
}

const hour = (day: Date, hours: number, minutes = 0) =>
  new Date(day.getTime() + (hours * 60 + minutes) * 60_000).toISOString();

/** Runs the writes `BUILD_CONCURRENCY` at a time. */
async function inParallel(writes: Array<() => Promise<unknown>>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < writes.length) {
      const write = writes[next++];
      if (write) await write();
    }
  };
  await Promise.all(Array.from({ length: BUILD_CONCURRENCY }, lane));
}

async function firstId(client: BenchClient, object: string, filter?: unknown): Promise<number | null> {
  const page = (await client.ok('POST', `/api/records/${object}/query`, {
    ...(filter ? { filter } : {}),
    fields: ['id'],
    sort: [{ field: 'id', direction: 'asc' }],
    limit: 1,
  })) as Items<{ id: number }>;
  return page.items[0]?.id ?? null;
}

/** The department's id, building it (staff, their year) the first time. */
export async function calendarDepartment(client: BenchClient, log: (line: string) => void): Promise<number> {
  const existing = await firstId(client, 'department', { field: 'name', op: 'eq', value: DEPARTMENT });
  if (existing !== null) return existing;
  const started = Date.now();
  const register = await firstId(client, 'task_register');
  if (register === null) throw new Error('the data set has no task register');
  const colleagues = (
    (await client.ok('POST', '/api/records/employee/query', {
      fields: ['id'],
      sort: [{ field: 'id', direction: 'asc' }],
      limit: 10,
    })) as Items<{ id: number }>
  ).items.map((e) => e.id);

  const department = (await client.ok('POST', '/api/records/department', { name: DEPARTMENT })) as {
    id: number;
  };
  const staff: number[] = [];
  for (let i = 0; i < STAFF; i++) {
    const employee = (await client.ok('POST', '/api/records/employee', {
      first_name: `Kalendarz ${i + 1}`,
      last_name: 'Benchmarkowy',
      department: department.id,
    })) as { id: number };
    staff.push(employee.id);
  }
  const resources: number[] = [];
  for (let i = 0; i < RESOURCES; i++) {
    const resource = (await client.ok('POST', '/api/records/resource', {
      name: `Calendar bench room ${i + 1}`,
      kind: 'room',
      capacity: 8,
    })) as { id: number };
    resources.push(resource.id);
  }

  const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const days = workingDays(new Date(today.getTime() - HISTORY_DAYS * DAY_MS), HISTORY_DAYS + AHEAD_DAYS);
  const writes: Array<() => Promise<unknown>> = [];
  staff.forEach((employee, index) => {
    days.forEach((day, d) => {
      for (let a = 0; a < ACTIVITIES_PER_DAY; a++) {
        const start = hour(day, 8 + a * 2 + (index % 2), 0);
        // Every third one is a colleague's meeting this employee takes part in.
        const asGuest = (d + a) % 3 === 2;
        writes.push(() =>
          client.ok('POST', '/api/records/activity', {
            title: `Spotkanie ${d}-${a}`,
            starts_at: start,
            ends_at: hour(day, 8 + a * 2 + (index % 2), 45),
            organiser: asGuest ? colleagues[(index + d) % colleagues.length] : employee,
            employees: asGuest ? [employee] : [],
            status: day < today ? 'done' : 'planned',
          }),
        );
      }
      writes.push(() =>
        client.ok('POST', '/api/records/task', {
          title: `Zadanie ${d}`,
          register,
          assignee: employee,
          due_at: hour(day, 15),
        }),
      );
      // Two bookings a week: the employee's own hour in one of the rooms, never clashing.
      if (d % 5 === index % 5 || d % 5 === (index + 2) % 5) {
        writes.push(() =>
          client.ok('POST', '/api/records/booking', {
            resource: resources[index % RESOURCES],
            starts_at: hour(day, 7 + Math.floor(index / RESOURCES) * 2),
            ends_at: hour(day, 8 + Math.floor(index / RESOURCES) * 2),
            booked_by: employee,
          }),
        );
      }
    });
    const first = days[0] ?? today;
    for (const [title, rule] of [
      ['Plan dnia', 'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR'],
      ['Raport tygodniowy', 'FREQ=WEEKLY;BYDAY=FR'],
    ] as const) {
      writes.push(() =>
        client.ok('POST', '/api/records/reminder', {
          title,
          for_employee: employee,
          at: hour(first, 7, 30),
          repeat: rule,
          time_zone: 'Europe/Warsaw',
        }),
      );
    }
  });
  await inParallel(writes);
  log(
    `    calendar department: ${STAFF} employees, ${writes.length.toLocaleString('en')} records written in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  return department.id;
}

/**
 * `GET /api/calendar` for the department's month, as the calendar's month view asks for it
 * (every kind), one request at a time; the months of the last year and the next one in turn.
 */
export async function measureCalendarRange(
  client: BenchClient,
  department: number,
  durationMs: number,
): Promise<Measurement & { events: number }> {
  const now = new Date();
  const month = (offset: number) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString();
  const path = (i: number) => {
    const offset = (i % 12) - 10;
    return `/api/calendar?from=${month(offset)}&to=${month(offset + 1)}&departments=${department}`;
  };
  const thisMonth = (await client.ok('GET', path(10))) as unknown[];
  if (thisMonth.length === 0) throw new Error('the calendar department has nothing this month');
  // Received in full but not parsed while timed (checked once above): parsing half a megabyte
  // is the client's work, on the same two cores as the server.
  const measurement = await measure(async (i) => void (await client.okBytes('GET', path(i))), {
    concurrency: 1,
    durationMs,
  });
  return { ...measurement, events: thisMonth.length };
}
