import { performance } from 'node:perf_hooks';
import { nextActionsFilter } from '../src/web/modules/today/queries.ts';
import { SseClient } from '../test/sse-client.ts';
import { loggedIn } from './access.ts';
import type { BenchClient } from './http-client.ts';
import { type Measurement, measure, summarise } from './load.ts';

/** The fan-out: 50 connected users told about 1,000 new stages each. */
const WATCHERS = 50;
const STAGES = 1_000;
/** Stages written at once: several users at work on the case, not one script in a loop. */
const WRITERS = 4;
/** How long after the last write every notification must have arrived; far beyond the target. */
const DELIVERY_TIMEOUT_MS = 120_000;
const PASSWORD = 'bench-watcher-account-pass-42';

interface Page {
  items: unknown[];
  nextCursor: string | null;
}

/**
 * The busy client's timeline as the client file opens it (first page of 50, as admin) and as it
 * scrolls: the following pages by cursor, collected once and then asked in turn.
 */
export async function measureTimeline(
  client: BenchClient,
  companyId: number,
  durationMs: number,
): Promise<{ first: Measurement; next: Measurement }> {
  const path = `/api/timeline/company/${companyId}?limit=50`;
  const first = await measure(async () => void (await client.ok('GET', path)), {
    concurrency: 1,
    durationMs,
  });
  const cursors: string[] = [];
  let page = (await client.ok('GET', path)) as Page;
  if (page.items.length < 50) throw new Error(`the busy client's timeline has ${page.items.length} entries`);
  while (page.nextCursor && cursors.length < 20) {
    cursors.push(page.nextCursor);
    page = (await client.ok('GET', `${path}&cursor=${encodeURIComponent(page.nextCursor)}`)) as Page;
  }
  if (cursors.length === 0) throw new Error('the busy client has no second timeline page');
  const next = await measure(
    async (i) =>
      void (await client.ok(
        'GET',
        `${path}&cursor=${encodeURIComponent(cursors[i % cursors.length] ?? '')}`,
      )),
    { concurrency: 1, durationMs },
  );
  return { first, next };
}

/** What the Today screen asks for one employee's next actions ("mine"), soonest first. */
function nextActionsQuery(employeeId: number): unknown {
  return {
    filter: nextActionsFilter('mine', employeeId, null),
    sort: [{ field: 'next_action_date', direction: 'asc' }],
    expand: ['company', 'next_action_type', 'lead'],
    limit: 100,
    locale: 'pl',
  };
}

/**
 * The employee among the first ten with the most next actions: the figure is for a busy
 * salesperson's Today, not an empty one.
 */
export async function busiestLead(admin: BenchClient): Promise<number> {
  const employees = (
    (await admin.ok('POST', '/api/records/employee/query', {
      fields: ['id'],
      sort: [{ field: 'id', direction: 'asc' }],
      limit: 10,
    })) as { items: Array<{ id: number }> }
  ).items;
  let best = { id: 0, count: -1 };
  for (const { id } of employees) {
    const { count } = (await admin.ok('POST', '/api/records/case/count', {
      filter: nextActionsFilter('mine', id, null),
    })) as { count: number };
    if (count > best.count) best = { id, count };
  }
  if (best.count <= 0) throw new Error('no employee has next actions: the data set has no open cases');
  return best.id;
}

export function measureNextActions(
  client: BenchClient,
  employeeId: number,
  durationMs: number,
): Promise<Measurement> {
  const body = nextActionsQuery(employeeId);
  return measure(async () => void (await client.ok('POST', '/api/records/case/query', body)), {
    concurrency: 1,
    durationMs,
  });
}

/**
 * The same employee logged in as a salesperson who reads own cases (and own clients, the
 * dictionaries and colleagues for the expanded references): the row scope is part of the query.
 */
export async function salespersonOf(
  admin: BenchClient,
  baseUrl: string,
  employeeId: number,
): Promise<BenchClient> {
  const run = Date.now().toString(36);
  const role = (await admin.ok('POST', '/api/access/roles', {
    name: `Case salesperson ${run}`,
    grants: [
      { object: 'case', right: 'read', scope: 'own' },
      { object: 'company', right: 'read', scope: 'own' },
      { object: 'employee', right: 'read', scope: 'all' },
      { object: 'dictionary_value', right: 'read', scope: 'all' },
    ],
    fields: [],
  })) as { id: number };
  const login = `bench-cases-${run}`;
  await admin.ok('POST', '/api/access/accounts', {
    login,
    employee: employeeId,
    password: PASSWORD,
    roles: [role.id],
  });
  return loggedIn(baseUrl, login, PASSWORD);
}

export interface Fanout {
  measurement: Measurement;
  delivered: number;
  expected: number;
  writeMs: number;
}

interface Watcher {
  stream: SseClient;
  /** Stage id → when its notification arrived on this stream (performance.now()). */
  arrived: Map<number, number>;
}

/** Records the arrival of every `notification` event's case_stage items as the chunk is parsed. */
function watch(stream: SseClient): Watcher {
  const arrived = new Map<number, number>();
  let seen = 0;
  // Listens after SseClient's own 'data' listener, so the chunk's events are parsed by now.
  stream.response.on('data', () => {
    const now = performance.now();
    for (; seen < stream.events.length; seen++) {
      const event = stream.events[seen];
      if (event?.event !== 'notification') continue;
      const { items } = JSON.parse(event.data) as { items: Array<{ object: string; recordId: number }> };
      for (const item of items) if (item.object === 'case_stage') arrived.set(item.recordId, now);
    }
  });
  return { stream, arrived };
}

/**
 * 50 users watch one case with their notification streams open; 1,000 stages are written on it
 * through the API. Each stage's delay is from the write's answer to its arrival on each stream
 * (50,000 figures). The users take notifications in the app only: mail is a job queue of its
 * own, and 50,000 .eml files would measure the disk, not delivery. Fails when any is missing.
 */
export async function measureFanout(admin: BenchClient, baseUrl: string, companyId: number): Promise<Fanout> {
  const run = Date.now().toString(36);
  const role = (await admin.ok('POST', '/api/access/roles', {
    name: `Case watcher ${run}`,
    grants: ['case', 'case_stage', 'company', 'person', 'employee', 'dictionary_value'].map((object) => ({
      object,
      right: 'read',
      scope: 'all',
    })),
    fields: [],
  })) as { id: number };
  const employeeIds: number[] = [];
  const readers: BenchClient[] = [];
  const watchers: Watcher[] = [];
  try {
    for (let n = 0; n < WATCHERS; n++) {
      const employee = (await admin.ok('POST', '/api/records/employee', {
        first_name: 'Watcher',
        last_name: `Bench ${run} ${n}`,
      })) as { id: number };
      employeeIds.push(employee.id);
      const login = `bench-watcher-${run}-${n}`;
      await admin.ok('POST', '/api/access/accounts', {
        login,
        employee: employee.id,
        password: PASSWORD,
        roles: [role.id],
      });
      const reader = await loggedIn(baseUrl, login, PASSWORD);
      readers.push(reader);
      await reader.ok('PUT', '/api/notifications/preferences', {
        preferences: [{ kind: 'case.stage', channel: 'app' }],
      });
    }
    const status = (
      (await admin.ok('POST', '/api/records/dictionary_value/query', {
        filter: {
          and: [
            { field: 'dictionary', op: 'eq', value: 'case_status' },
            { field: 'code', op: 'eq', value: 'in_progress' },
          ],
        },
        fields: ['id'],
        limit: 1,
      })) as { items: Array<{ id: number }> }
    ).items[0];
    if (!status) throw new Error('the case status in_progress is missing');
    const target = (await admin.ok('POST', '/api/records/case', {
      topic: `Fan-out ${run}`,
      company: companyId,
      status: status.id,
      watchers: employeeIds,
    })) as { id: number };
    for (const reader of readers) {
      const cookie = reader.headers.cookie ?? '';
      watchers.push(watch(await SseClient.connect(`${baseUrl}/api/notifications/stream`, { cookie })));
    }

    const acknowledged = new Map<number, number>();
    const started = performance.now();
    let written = 0;
    const writer = async () => {
      while (written < STAGES) {
        written++;
        const stage = (await admin.ok('POST', '/api/records/case_stage', {
          case: target.id,
          note: `Fan-out stage ${written}`,
        })) as { id: number };
        acknowledged.set(stage.id, performance.now());
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, writer));
    const writeMs = performance.now() - started;

    const expected = WATCHERS * STAGES;
    const deliveredCount = () =>
      watchers.reduce((n, w) => n + [...w.arrived.keys()].filter((id) => acknowledged.has(id)).length, 0);
    const deadline = performance.now() + DELIVERY_TIMEOUT_MS;
    while (watchers.some((w) => w.arrived.size < STAGES) && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const delivered = deliveredCount();
    if (delivered < expected) {
      const short = watchers.filter((w) => w.arrived.size < STAGES).length;
      throw new Error(
        `notification_fanout: ${delivered} of ${expected} notifications arrived within ${DELIVERY_TIMEOUT_MS / 1000} s of the last write (${short} of ${WATCHERS} streams short)`,
      );
    }
    // A notification can arrive before its write's answer is read (the consumer is quick, the
    // answer still in flight): that delay counts as 0, not as a negative one.
    const delays: number[] = [];
    for (const watcher of watchers) {
      for (const [stageId, at] of watcher.arrived) {
        const ack = acknowledged.get(stageId);
        if (ack !== undefined) delays.push(Math.max(0, at - ack));
      }
    }
    const last = Math.max(...watchers.flatMap((w) => [...w.arrived.values()]));
    return { measurement: summarise(delays, last - started), delivered, expected, writeMs };
  } finally {
    await Promise.all(watchers.map((w) => w.stream.close()));
    for (const reader of readers) reader.close();
  }
}
