import { type RawBuilder, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.ts';
import { useTestEnv } from '../../../test/harness.ts';
import { fireReminder } from '../modules/reminders/schedule.ts';
import { bookings, resources } from './generator/bookings.ts';
import { context, type DatasetSize } from './generator/context.ts';
import { reminderSchedule, reminders } from './generator/reminders.ts';
import { taskChains } from './generator/task-chains.ts';
import { loadDataset } from './load.ts';
import { bookableActivities } from './load-planning.ts';

const SEED = 17;
const SIZE: DatasetSize = {
  companies: 120,
  people: 300,
  employees: 15,
  companyGroups: 0,
  personGroups: 0,
  caseClients: 120,
  activityClients: 120,
  noteClients: 0,
  tasks: 100,
  taskChains: 2,
  reminders: 40,
  bookings: 90,
};

const iso = (value: unknown) => new Date(String(value)).toISOString();

describe.each(DIALECTS)('demo chains, reminders and bookings (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  const rows = async <T>(query: RawBuilder<T>): Promise<T[]> =>
    (await query.execute(env().services.dialect.db)).rows;
  const messages: string[] = [];
  let today = '';
  beforeAll(async () => {
    const { services } = env();
    today = services.now().toISOString().slice(0, 10);
    await loadDataset(services.dialect, services.registry, {
      seed: SEED,
      size: SIZE,
      referenceDate: today,
      onProgress: (message) => messages.push(message),
    });
  }, 60_000);

  it('loads the generator’s chain templates with their steps in order', async () => {
    const steps = await rows(sql<{ chain: string; position: number; title: string; keeper: number | null }>`
      SELECT c.name AS chain, s.position, s.title, r.keeper_id AS keeper
      FROM task_chain_step s JOIN task_chain c ON c.id = s.chain_id JOIN task_register r ON r.id = s.register_id
      ORDER BY c.id, s.position`);
    const chains = taskChains(SEED, SIZE, { referenceDate: today });
    expect(steps.map((s) => `${s.chain}|${Number(s.position)}|${s.title}`)).toEqual(
      chains.flatMap((c) => c.steps.map((s) => `${c.name}|${s.position}|${s.title}`)),
    );
    expect(messages.find((m) => m.startsWith('planning:'))).toMatch(
      /^planning: 2 task chains \(9 steps\), 40 reminders \(\d+ repeating, \d+ queued\), 5 resources, 90 bookings \(\d+ for activities\)$/,
    );
  });

  it('queues exactly one delivery of each active reminder, at its next time', async () => {
    const loaded = await rows(
      sql<{
        id: number;
        title: string;
        at: string;
        repeat: string | null;
        next_at: string | null;
        fired_at: string | null;
        status: string;
      }>`SELECT id, title, at, repeat, next_at, fired_at, status FROM reminder ORDER BY id`,
    );
    const jobs = await rows(sql<{
      payload: string;
      status: string;
      run_at: string;
      unique_key: string;
      attempts: number;
      max_attempts: number;
      created_at: string;
    }>`SELECT payload, status, run_at, unique_key, attempts, max_attempts, created_at FROM job
       WHERE name = 'reminders.fire'`);
    expect(loaded).toHaveLength(40);
    const coming = loaded.filter((r) => r.status === 'active' && r.next_at !== null);
    expect(coming.length).toBeGreaterThan(20);
    expect(jobs).toHaveLength(coming.length);
    for (const reminder of coming) {
      const next = iso(reminder.next_at);
      const mine = jobs.filter((j) => JSON.parse(j.payload).reminderId === Number(reminder.id));
      expect(mine, reminder.title).toHaveLength(1);
      expect(JSON.parse(mine[0]?.payload ?? '{}')).toEqual({ reminderId: Number(reminder.id), at: next });
      expect(mine[0]).toMatchObject({ status: 'queued', unique_key: `reminder:${reminder.id}:${next}` });
      expect(iso(mine[0]?.run_at)).toBe(next);
      expect(Number(mine[0]?.attempts)).toBe(0);
      expect(Number(mine[0]?.max_attempts)).toBe(5);
    }

    // The generator's reminders, scheduled from the moment of the load (when the jobs were queued).
    const loadedAt = new Date(iso(jobs[0]?.created_at));
    const generated = reminders(SEED, SIZE, { referenceDate: today });
    expect(
      loaded.map((r) => [
        r.title,
        iso(r.at),
        r.repeat,
        r.next_at && iso(r.next_at),
        r.fired_at && iso(r.fired_at),
      ]),
    ).toEqual(
      generated.map((g) => {
        const schedule = reminderSchedule(g, loadedAt);
        return [g.title, g.at, g.repeat, schedule.next_at, schedule.fired_at];
      }),
    );
    expect(loaded.filter((r) => r.fired_at !== null).length).toBeGreaterThan(3);

    // The engine takes them as its own: an edit passes its checks, a delivery moves on.
    const repeating = loaded.find((r) => r.repeat !== null && r.next_at !== null);
    const [{ version } = { version: 0 }] = await rows(
      sql<{ version: number }>`SELECT version FROM reminder WHERE id = ${repeating?.id}`,
    );
    const edited = await env().api('PATCH', `/api/records/reminder/${repeating?.id}`, {
      note: 'Checked',
      version: Number(version),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    await fireReminder(env().services, Number(repeating?.id), iso(repeating?.next_at));
    const [after] = await rows(
      sql<{
        next_at: string;
        fired_at: string;
      }>`SELECT next_at, fired_at FROM reminder WHERE id = ${repeating?.id}`,
    );
    expect(iso(after?.fired_at)).toBe(iso(repeating?.next_at));
    expect(iso(after?.next_at) > iso(repeating?.next_at)).toBe(true);
    const queued = await rows(sql<{ n: number }>`
      SELECT count(*) AS n FROM job WHERE unique_key = ${`reminder:${repeating?.id}:${iso(after?.next_at)}`}`);
    expect(Number(queued[0]?.n)).toBe(1);
  });

  it('books the resources without overlaps, some for the client activities of the time', async () => {
    const overlapping = await rows(sql<{ id: number }>`
      SELECT a.id FROM booking a JOIN booking b
        ON a.resource_id = b.resource_id AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at`);
    expect(overlapping).toEqual([]);
    const loaded = await rows(sql<{
      resource: string;
      title: string;
      starts_at: string;
      ends_at: string;
      activity_id: number | null;
      booked_by_id: number | null;
      organiser_id: number | null;
    }>`
      SELECT r.name AS resource, b.title, b.starts_at, b.ends_at, b.activity_id, b.booked_by_id, a.organiser_id
      FROM booking b JOIN resource r ON r.id = b.resource_id LEFT JOIN activity a ON a.id = b.activity_id
      ORDER BY r.id, b.starts_at`);
    expect(loaded).toHaveLength(90);
    const forActivities = loaded.filter((b) => b.activity_id !== null);
    expect(forActivities.length).toBeGreaterThan(0);
    expect(forActivities.every((b) => b.booked_by_id === b.organiser_id)).toBe(true);
    expect(loaded.every((b) => b.booked_by_id !== null || b.activity_id !== null)).toBe(true);

    // The generator's bookings for the activities it was offered: the same for this seed.
    const { services } = env();
    const referenceDay = context(SEED, SIZE, { referenceDate: today }).referenceDay;
    const offered = await services.dialect.db
      .transaction()
      .execute(async (trx) => (await bookableActivities(trx, services.dialect, referenceDay)).offered);
    const names = resources(SEED, SIZE, { referenceDate: today }).map((r) => r.name);
    expect(loaded.map((b) => [b.resource, b.title, iso(b.starts_at), iso(b.ends_at)])).toEqual(
      bookings(SEED, SIZE, { referenceDate: today }, offered).map((b) => [
        names[b.resource_number],
        b.title,
        b.starts_at,
        b.ends_at,
      ]),
    );

    // The engine agrees: an edit passes its overlap check; a clash with a loaded booking does not.
    const [first] = await rows(sql<{
      id: number;
      version: number;
      resource_id: number;
      starts_at: string;
      ends_at: string;
    }>`
      SELECT id, version, resource_id, starts_at, ends_at FROM booking ORDER BY id LIMIT 1`);
    const edited = await env().api('PATCH', `/api/records/booking/${first?.id}`, {
      note: 'Checked',
      version: Number(first?.version),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const clash = await env().api('POST', '/api/records/booking', {
      resource: Number(first?.resource_id),
      title: 'Clash',
      starts_at: iso(first?.starts_at),
      ends_at: iso(first?.ends_at),
    });
    expect(clash.statusCode).toBeGreaterThanOrEqual(400);

    const hits = (
      await env().api('GET', `/api/search?q=${encodeURIComponent(names[0] ?? '')}&limit=20`)
    ).json().items as Array<{ object: string }>;
    expect(hits.map((h) => h.object)).toContain('resource');
  });
});
