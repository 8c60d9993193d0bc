import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { loadConfig } from '../src/server/config.ts';
import { openServices } from '../src/server/runtime.ts';
import { DETAILED_COMPANIES } from '../src/server/seed/client-details.ts';
import { killHard, spawnServer } from '../test/server-process.ts';
import { scopedClients } from './access.ts';
import { measureBookingConflicts } from './booking-conflicts.ts';
import { measureBulkUpdate } from './bulk.ts';
import { busyClientId } from './busy-client.ts';
import { calendarDepartment, measureCalendarRange } from './calendar.ts';
import { measureClientCard } from './card.ts';
import { busiestLead, measureFanout, measureNextActions, measureTimeline, salespersonOf } from './cases.ts';
import { type BenchDialect, benchDatabase, ensureDataset } from './dataset.ts';
import { measureDuplicateCheck } from './duplicates.ts';
import { BenchClient } from './http-client.ts';
import { measureImport } from './import.ts';
import { type ListShapeValues, listShapeValues, measureListShapes } from './list-shapes.ts';
import { type Measurement, measure, summarise } from './load.ts';
import { measureManyUsers } from './many-users-phase.ts';
import { seededRandom } from './random.ts';
import { measureListPage, measureSearch } from './scenarios.ts';
import { measureUpdates } from './updates.ts';
import { firstScreenSize, listFirstRowsMs } from './web.ts';

/**
 * `npm run bench`: builds (or reuses) the large data set on each dialect, starts the real
 * server as its own process and measures it over HTTP. Prints a table and writes
 * bench/results.json. Sizes and dialects can be narrowed for a quick look:
 * KARTOTEKA_BENCH_COMPANIES=100000 KARTOTEKA_BENCH_DIALECTS=sqlite npm run bench
 */
interface ResultRow {
  name: string;
  /** `none`: a figure of the web build, not of a database. */
  dialect: BenchDialect | 'none';
  rows: number;
  p50_ms: number | null;
  p95_ms: number | null;
  ops_per_s: number | null;
  rss_mb?: number;
  size_kb?: number;
}

const PASSWORD = 'bench-password-123';
const COMPANIES = Number(process.env.KARTOTEKA_BENCH_COMPANIES ?? 1_000_000);
const DIALECTS = (process.env.KARTOTEKA_BENCH_DIALECTS ?? 'sqlite,postgres').split(',') as BenchDialect[];
const DURATION_MS = Number(process.env.KARTOTEKA_BENCH_SECONDS ?? 5) * 1000;
const log = (line: string) => process.stdout.write(`${line}\n`);

function rssOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function benchDialect(dialect: BenchDialect): Promise<ResultRow[]> {
  await ensureDataset(dialect, COMPANIES, log);
  const database = benchDatabase(dialect, COMPANIES);
  const server = await spawnServer({
    ...database.env,
    KARTOTEKA_ADMIN_PASSWORD: PASSWORD,
    KARTOTEKA_DEMO: '0',
    KARTOTEKA_LOG_LEVEL: 'error',
  });
  const client = new BenchClient(server.url, 32);
  const rows: ResultRow[] = [];
  const row = (name: string, m: Measurement) => {
    rows.push({ name, dialect, rows: COMPANIES, p50_ms: m.p50_ms, p95_ms: m.p95_ms, ops_per_s: m.ops_per_s });
    log(
      `  ${name.padEnd(26)} p50 ${m.p50_ms.toFixed(2).padStart(7)} ms  p95 ${m.p95_ms.toFixed(2).padStart(7)} ms  ${String(m.ops_per_s).padStart(6)} ops/s  (${m.count} requests)`,
    );
  };
  try {
    const login = await client.request('POST', '/api/auth/login', { login: 'admin', password: PASSWORD });
    if (login.status !== 200) throw new Error(`login failed: ${login.body}`);
    const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    client.headers = { cookie, 'x-csrf-token': (JSON.parse(login.body) as { csrfToken: string }).csrfToken };

    const industries = (
      (await client.ok('POST', '/api/records/dictionary_value/query', {
        filter: { field: 'dictionary', op: 'eq', value: 'industry' },
        fields: ['id'],
        limit: 100,
      })) as { items: Array<{ id: number }> }
    ).items.map((i) => i.id);
    row('list_page', await measureListPage(client, industries, DURATION_MS));

    const services = await openServices({ ...loadConfig({}), database, logLevel: 'silent' });
    let busyClient = 0;
    let shapeValues: ListShapeValues;
    try {
      busyClient = await busyClientId(services.dialect);
      shapeValues = await listShapeValues(services.dialect);
      // The statement the engine sends for list_page (same FROM with its planner hint), straight to the driver.
      const source = await services.dialect.listSource('company', 't0', {
        sortIndex: 'company_sort_pl',
        equalities: [{ column: 'industry_id', values: 1 }],
      });
      const raw = async (i: number) => {
        const industry = industries[i % industries.length];
        await sql`SELECT t0.id, t0.version, t0.name, t0.tax_id, t0.city, t0.phone, t0.email, t0.industry_id,
            t0.status_id, t0.next_action_date
          FROM ${source.from} WHERE t0.deleted_at IS NULL AND t0.industry_id = ${industry}
          ORDER BY ${services.dialect.collated(sql.ref('t0.name'), 'pl')}, t0.id LIMIT 51`.execute(
          services.dialect.db,
        );
      };
      row('list_page_raw_sql', await measure(raw, { concurrency: 1, durationMs: DURATION_MS }));
    } finally {
      await services.dialect.close();
    }
    await measureListShapes(client, shapeValues, DURATION_MS, row);

    const maxId = COMPANIES;
    const random = seededRandom(12345);
    const randomId = () => 1 + random(maxId);
    row(
      'record_by_id',
      await measure(async () => void (await client.ok('GET', `/api/records/company/${randomId()}`)), {
        concurrency: 16,
        durationMs: DURATION_MS,
      }),
    );

    row('search', await measureSearch(client, DURATION_MS));
    row('duplicate_check', await measureDuplicateCheck(client, COMPANIES, DURATION_MS));
    // Cards of companies with children (the first DETAILED_COMPANIES have addresses, years…).
    const detailed = Math.min(COMPANIES, DETAILED_COMPANIES);
    const cardIds = Array.from({ length: 200 }, (_, i) => 1 + ((i * 7919) % detailed));
    row('client_card', await measureClientCard(client, cardIds, DURATION_MS));

    // Issue 9: the busy client's file, and one salesperson's next actions as Today lists them.
    const timeline = await measureTimeline(client, busyClient, DURATION_MS);
    row('timeline_first_page', timeline.first);
    row('timeline_next_page', timeline.next);
    const lead = await busiestLead(client);
    row('next_actions', await measureNextActions(client, lead, DURATION_MS));
    const salesperson = await salespersonOf(client, server.url, lead);
    try {
      row('next_actions_salesperson', await measureNextActions(salesperson, lead, DURATION_MS));
    } finally {
      salesperson.close();
    }

    // Issue 10: a department's month in the calendar (its staff built once, then reused).
    const calendar = await measureCalendarRange(client, await calendarDepartment(client, log), DURATION_MS);
    row('calendar_range', calendar);
    log(`    ${calendar.events.toLocaleString('en')} events in this month's calendar of the department`);

    // The same list and search as readers whose rights narrow the rows (issue: access control).
    const scoped = await scopedClients(client, server.url);
    try {
      for (const [label, reader] of Object.entries(scoped)) {
        row(`list_page_${label}`, await measureListPage(reader, industries, DURATION_MS));
        row(`search_${label}`, await measureSearch(reader, DURATION_MS));
      }
    } finally {
      for (const reader of Object.values(scoped)) reader.close();
    }

    row(
      'create',
      await measure(
        async (i) =>
          void (await client.ok('POST', '/api/records/company', { name: `Bench Łódź ${i}`, city: 'Łódź' })),
        { concurrency: 8, durationMs: DURATION_MS },
      ),
    );

    row('update', await measureUpdates(client, 1, DURATION_MS));
    row('update_8_writers', await measureUpdates(client, 8, DURATION_MS));
    const bookings = await measureBookingConflicts(client, DURATION_MS);
    row('booking_conflicts', bookings.measurement);
    log(
      `    ${bookings.accepted.toLocaleString('en')} booked, ${bookings.refused.toLocaleString('en')} refused as clashes; outcomes checked`,
    );
    // Last of the writes: its 1,000 stages and 50 users stay in the reused data set, on a
    // generated client (not the busy one, whose timeline must stay as built).
    const fanout = await measureFanout(client, server.url, 1);
    row('notification_fanout', fanout.measurement);
    log(
      `    ${fanout.delivered} of ${fanout.expected} notifications delivered; the stages were written in ${fanout.writeMs.toFixed(0)} ms`,
    );
    // A bulk action's hundred thousand events are delivered after it: last of the server's work.
    const bulk = await measureBulkUpdate(client, COMPANIES);
    row('bulk_update', bulk);
    log(`    ${bulk.records.toLocaleString('en')} companies changed in the background`);
    const firstRows = await listFirstRowsMs(server.url, 'admin', PASSWORD);
    row(
      'web_list_first_rows',
      summarise(
        firstRows,
        firstRows.reduce((a, b) => a + b, 0),
      ),
    );

    const memory = rssOf(server.child.pid ?? 0);
    rows.push({
      name: 'server_memory',
      dialect,
      rows: COMPANIES,
      p50_ms: null,
      p95_ms: null,
      ops_per_s: null,
      rss_mb: Math.round(memory.peak),
    });
    log(`  server RSS ${memory.rss.toFixed(0)} MB now, ${memory.peak.toFixed(0)} MB at peak`);
  } finally {
    client.close();
    await killHard(server);
  }
  return rows;
}

async function main(): Promise<void> {
  const started = performance.now();
  const results: ResultRow[] = [];
  const bundle = firstScreenSize();
  log(`web first screen: ${bundle.jsKb} KB of JS and ${bundle.cssKb} KB of CSS, gzipped`);
  for (const [name, size] of [
    ['web_first_screen_js_gzip', bundle.jsKb],
    ['web_first_screen_css_gzip', bundle.cssKb],
  ] as const) {
    results.push({
      name,
      dialect: 'none',
      rows: 0,
      p50_ms: null,
      p95_ms: null,
      ops_per_s: null,
      size_kb: size,
    });
  }
  for (const dialect of DIALECTS) {
    log(`\n== ${dialect}`);
    results.push(...(await benchDialect(dialect)));
    if (process.env.KARTOTEKA_BENCH_USERS_SECONDS !== '0')
      for (const row of await measureManyUsers(dialect, benchDatabase(dialect, COMPANIES).env, PASSWORD, log))
        results.push({ ...row, dialect, rows: COMPANIES });
    const imported = await measureImport(dialect);
    log(
      `  import_people          ${imported.rows.toLocaleString('en')} rows: upload ${imported.uploadMs.toFixed(0)} ms, run ${imported.runMs.toFixed(0)} ms = ${imported.rowsPerSecond} rows/s`,
    );
    results.push({
      name: 'import_people',
      dialect,
      rows: imported.rows,
      p50_ms: null,
      p95_ms: null,
      ops_per_s: imported.rowsPerSecond,
    });
  }
  const file = path.resolve(import.meta.dirname, 'results.json');
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  log(
    '\n| name | dialect | rows | p50 ms | p95 ms | ops/s | RSS MB | size KB |\n| --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const r of results) {
    log(
      `| ${r.name} | ${r.dialect} | ${r.rows} | ${r.p50_ms ?? ''} | ${r.p95_ms ?? ''} | ${r.ops_per_s ?? ''} | ${r.rss_mb ?? ''} | ${r.size_kb ?? ''} |`,
    );
  }
  log(`\nWrote ${file} in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
