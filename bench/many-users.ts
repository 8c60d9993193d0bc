import { performance } from 'node:perf_hooks';
import { BenchClient } from './http-client.ts';
import { type Measurement, summarise } from './load.ts';
import { seededRandom } from './random.ts';

/**
 * Many people using the CRM at once (issue 11 §4): each simulated user logs in with a session
 * of their own, then, with a pause between steps as a person makes, opens lists with filters
 * and sorts, opens records, searches, edits shared records with their versions and creates
 * records. Every acknowledged write is read back at the end: none may be lost. The only
 * errors allowed are the 409s two people editing one record must get.
 */
export interface ManyUsersOptions {
  /** Where the users go (one server, or a proxy in front of several). */
  url: string;
  login: string;
  password: string;
  users: number;
  durationMs: number;
  /** A person's pause between two steps, at least and at most. */
  thinkMs: readonly [number, number];
  /** Records everyone edits, so that edits collide as they do in an office. */
  sharedRecords?: number;
  seed?: number;
  /** Called every `sampleEveryMs` while the users work (the server's memory, say). */
  sample?: () => void;
  sampleEveryMs?: number;
}

export type Action = 'list' | 'open' | 'search' | 'edit' | 'create';

export interface ManyUsersResult {
  overall: Measurement;
  byAction: Record<Action, Measurement>;
  /** Edits refused because someone else saved first: expected, and not errors. */
  conflicts: number;
  /** Anything else that was not a success: must stay empty. */
  errors: string[];
  created: number;
  edits: number;
  /** Acknowledged writes not found as acknowledged when read back at the end: must stay empty. */
  lost: string[];
}

const ACTIONS: ReadonlyArray<[Action, number]> = [
  ['list', 30],
  ['open', 25],
  ['search', 15],
  ['edit', 15],
  ['create', 15],
];
const SEARCHES = ['kow', 'nagy', 'lodz', 'szab', 'krak', 'kiss', 'wars', 'gyor', 'bud', 'zak'];
const SORTS = [
  [{ field: 'name', direction: 'asc' }],
  [{ field: 'city', direction: 'asc' }],
  [{ field: 'created_at', direction: 'desc' }],
];
const LIST_FIELDS = ['name', 'city', 'phone', 'email', 'status', 'next_action_date'];

interface Acknowledged {
  version: number;
  city: string;
}

async function loggedIn(url: string, login: string, password: string): Promise<BenchClient> {
  const client = new BenchClient(url, 1);
  const answer = await client.request('POST', '/api/auth/login', { login, password });
  if (answer.status !== 200) throw new Error(`login failed: ${answer.status} ${answer.body.slice(0, 200)}`);
  const cookie = String(answer.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
  client.headers = { cookie, 'x-csrf-token': (JSON.parse(answer.body) as { csrfToken: string }).csrfToken };
  return client;
}

/** The action whose share of the weights a roll in [0, total) falls into. */
function weighted(roll: number): Action {
  let left = roll;
  for (const [action, weight] of ACTIONS) {
    if (left < weight) return action;
    left -= weight;
  }
  return 'open';
}

export async function runManyUsers(options: ManyUsersOptions): Promise<ManyUsersResult> {
  const random = seededRandom(options.seed ?? 2026);
  const pick = <T>(items: readonly T[]): T => items[random(items.length)] as T;
  const admin = await loggedIn(options.url, options.login, options.password);
  const cities = [
    ...new Set(
      (
        (await admin.ok('POST', '/api/records/company/query', { fields: ['city'], limit: 200 })) as {
          items: Array<{ city: string | null }>;
        }
      ).items
        .map((item) => item.city)
        .filter((city): city is string => Boolean(city)),
    ),
  ];
  if (cities.length === 0) cities.push('Łódź');
  const shared: Array<{ id: number }> = [];
  for (let n = 0; n < (options.sharedRecords ?? 20); n++)
    shared.push(
      (await admin.ok('POST', '/api/records/company', { name: `Wspólny rekord ${n}` })) as { id: number },
    );
  // What the server acknowledged, by record: the newest version each edit was saved as.
  const acknowledged = new Map<number, Acknowledged>();
  const createdNames = new Map<number, string>();
  const latencies: Record<Action, number[]> = { list: [], open: [], search: [], edit: [], create: [] };
  const errors: string[] = [];
  let conflicts = 0;
  let edits = 0;

  const clients = await Promise.all(
    Array.from({ length: options.users }, () => loggedIn(options.url, options.login, options.password)),
  );
  const start = performance.now();
  const end = start + options.durationMs;
  const sampler = options.sample ? setInterval(options.sample, options.sampleEveryMs ?? 10_000) : undefined;

  const user = async (client: BenchClient, lane: number) => {
    const seen: number[] = [];
    const versions = new Map<number, number>();
    const timed = async (action: Action, work: () => Promise<void>) => {
      const t0 = performance.now();
      try {
        await work();
        latencies[action].push(performance.now() - t0);
      } catch (error) {
        errors.push(`${action}: ${(error as Error).message.slice(0, 200)}`);
      }
    };
    const steps: Record<Action, () => Promise<void>> = {
      list: async () => {
        const filter =
          random(2) === 0
            ? { field: 'city', op: 'eq', value: pick(cities) }
            : { field: 'name', op: 'contains', value: pick(SEARCHES) };
        const page = (await client.ok('POST', '/api/records/company/query', {
          filter,
          sort: pick(SORTS),
          fields: LIST_FIELDS,
          limit: 50,
          locale: 'pl',
        })) as { items: Array<{ id: number }> };
        for (const item of page.items.slice(0, 5)) seen.push(item.id);
        seen.splice(0, Math.max(0, seen.length - 50));
      },
      open: async () => {
        const id = seen.length > 0 ? pick(seen) : pick(shared).id;
        await client.ok('GET', `/api/records/company/${id}`);
      },
      search: async () =>
        void (await client.ok('GET', `/api/search?q=${encodeURIComponent(pick(SEARCHES))}&limit=20`)),
      edit: async () => {
        const { id } = pick(shared);
        let version = versions.get(id);
        if (version === undefined) {
          version = ((await client.ok('GET', `/api/records/company/${id}`)) as { version: number }).version;
        }
        const city = `${pick(cities)} ${lane}`;
        const answer = await client.request('PATCH', `/api/records/company/${id}`, { city, version });
        if (answer.status === 409) {
          conflicts += 1;
          // As the conflict dialog does: read the newer version, then the person decides again.
          versions.set(
            id,
            ((await client.ok('GET', `/api/records/company/${id}`)) as { version: number }).version,
          );
          return;
        }
        if (answer.status !== 200) throw new Error(`PATCH → ${answer.status}: ${answer.body.slice(0, 200)}`);
        const saved = (JSON.parse(answer.body) as { version: number }).version;
        versions.set(id, saved);
        edits += 1;
        if ((acknowledged.get(id)?.version ?? 0) < saved) acknowledged.set(id, { version: saved, city });
      },
      create: async () => {
        const name = `Nowy klient ${lane}-${createdNames.size} ${pick(cities)}`;
        const made = (await client.ok('POST', '/api/records/company', { name, city: pick(cities) })) as {
          id: number;
        };
        createdNames.set(made.id, name);
      },
    };
    const total = ACTIONS.reduce((sum, [, weight]) => sum + weight, 0);
    // People do not all click at the same instant: each starts within one pause of the others.
    await new Promise((resolve) => setTimeout(resolve, random(Math.max(1, options.thinkMs[1]))));
    while (performance.now() < end) {
      const action = weighted(random(total));
      await timed(action, steps[action]);
      const [least, most] = options.thinkMs;
      await new Promise((resolve) => setTimeout(resolve, least + random(Math.max(1, most - least))));
    }
  };
  await Promise.all(clients.map((client, lane) => user(client, lane)));
  const elapsed = performance.now() - start;
  if (sampler) clearInterval(sampler);
  for (const client of clients) client.close();

  const lost: string[] = [];
  for (const [id, name] of createdNames) {
    const answer = await admin.request('GET', `/api/records/company/${id}`);
    if (answer.status !== 200 || (JSON.parse(answer.body) as { name: string }).name !== name)
      lost.push(`created company ${id} (${answer.status})`);
  }
  for (const [id, saved] of acknowledged) {
    const record = (await admin.ok('GET', `/api/records/company/${id}`)) as { version: number; city: string };
    if (record.version !== saved.version || record.city !== saved.city)
      lost.push(
        `edit of company ${id}: v${saved.version} "${saved.city}" acknowledged, v${record.version} "${record.city}" stored`,
      );
  }
  admin.close();
  const all = Object.values(latencies).flat();
  return {
    overall: summarise(all, elapsed),
    byAction: Object.fromEntries(
      Object.entries(latencies).map(([action, values]) => [action, summarise(values, elapsed)]),
    ) as Record<Action, Measurement>,
    conflicts,
    errors,
    created: createdNames.size,
    edits,
    lost,
  };
}
