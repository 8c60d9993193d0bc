import { performance } from 'node:perf_hooks';
import { ensureAdmin } from '../src/server/access/users.ts';
import { buildApp } from '../src/server/app.ts';
import { openServices } from '../src/server/runtime.ts';
import { createTestDatabase, type DialectUnderTest } from '../test/databases.ts';
import { ADMIN_PASSWORD, testConfig } from '../test/harness.ts';
import { multipartBody } from '../test/import-fixtures.ts';

/**
 * Import throughput: N people (with e-mail, phone, position and a company among N/20, found or
 * created by name and city) from a semicolon CSV, through the HTTP upload and the import job,
 * on a fresh database of each dialect. Duplicate check, history, search index and events
 * included. Part of `npm run bench` (100,000 rows); alone: `node --import tsx bench/import.ts`
 * (KARTOTEKA_BENCH_IMPORT_ROWS, default 100000; KARTOTEKA_BENCH_DIALECTS=sqlite,postgres).
 */
export const IMPORT_ROWS = Number(process.env.KARTOTEKA_BENCH_IMPORT_ROWS ?? 100_000);
/** `0`: people without a company (what the engine and the importer cost without the employment effect). */
const WITH_COMPANY = process.env.KARTOTEKA_BENCH_IMPORT_COMPANY !== '0';
const DIALECTS = (process.env.KARTOTEKA_BENCH_DIALECTS ?? 'sqlite,postgres').split(',') as DialectUnderTest[];
const FIRST = ['Anna', 'Jan', 'Katalin', 'Zoltán', 'Małgorzata', 'Łukasz', 'Erzsébet', 'Ödön'];
const LAST = ['Nowak', 'Kowalski', 'Kovács', 'Szabó', 'Wiśniewska', 'Żółkiewski', 'Tóth', 'Nagy'];
const CITIES = ['Łódź', 'Kraków', 'Győr', 'Pécs', 'Gdańsk', 'Szeged'];

function csv(rows: number): string {
  const lines = ['Imię;Nazwisko;E-mail;Telefon;Stanowisko;Firma;Miejscowość'];
  for (let i = 0; i < rows; i++) {
    const company = i % Math.max(1, Math.floor(rows / 20));
    lines.push(
      [
        FIRST[i % FIRST.length],
        `${LAST[(i >> 3) % LAST.length]}${i}`,
        `person${i}@example${company}.pl`,
        `+48 5${String(10_000_000 + i).slice(-8)}`,
        'Handlowiec',
        `Firma ${company} Sp. z o.o.`,
        CITIES[company % CITIES.length],
      ].join(';'),
    );
  }
  const kept = WITH_COMPANY ? lines : lines.map((line) => line.split(';').slice(0, 5).join(';'));
  return `${kept.join('\r\n')}\r\n`;
}

export interface ImportMeasurement {
  rows: number;
  uploadMs: number;
  runMs: number;
  rowsPerSecond: number;
}

export async function measureImport(
  dialect: DialectUnderTest,
  rows = IMPORT_ROWS,
): Promise<ImportMeasurement> {
  const text = csv(rows);
  const database = await createTestDatabase(dialect);
  const services = await openServices(testConfig(database.config));
  await ensureAdmin(services.dialect, ADMIN_PASSWORD, new Date());
  const app = await buildApp(services, { logger: false });
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'admin', password: ADMIN_PASSWORD },
    });
    const cookie = `kt_session=${login.cookies.find((c) => c.name === 'kt_session')?.value}`;
    const headers = { cookie, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
    const started = performance.now();
    const { payload, headers: multipart } = multipartBody('people.csv', text);
    const uploaded = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...headers, ...multipart },
      payload,
    });
    const upload = uploaded.json<{
      id: number;
      guesses: { mappings: Record<string, Record<string, string | null>> };
    }>();
    const uploadMs = performance.now() - started;
    const run = await app.inject({
      method: 'POST',
      url: `/api/imports/${upload.id}/run`,
      headers,
      payload: {
        object: 'person',
        mapping: upload.guesses.mappings.person,
        duplicates: 'update',
        dryRun: false,
      },
    });
    if (run.statusCode !== 202) throw new Error(run.body);
    const runStarted = performance.now();
    while ((await services.jobs.runDue()) > 0) {
      // the import job runs to its end inside runDue
    }
    const runMs = performance.now() - runStarted;
    const status = (await app.inject({ method: 'GET', url: `/api/imports/${upload.id}`, headers })).json<
      Record<string, unknown>
    >();
    if (status.created !== rows || status.failed !== 0)
      throw new Error(`the import did not create every row: ${JSON.stringify(status)}`);
    return { rows, uploadMs, runMs, rowsPerSecond: Math.round((rows / runMs) * 1000) };
  } finally {
    await app.close();
    await services.dialect.close();
    await database.drop();
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  for (const dialect of DIALECTS) {
    const m = await measureImport(dialect);
    process.stdout.write(
      `${dialect.padEnd(9)} ${m.rows} people: upload ${m.uploadMs.toFixed(0)} ms, run ${m.runMs.toFixed(0)} ms = ${m.rowsPerSecond} rows/s\n`,
    );
  }
}
