import { expect } from 'vitest';
import type { TestEnv } from './harness.ts';

/** The test environment of a `describe` block, as returned by `useTestEnv`. */
export type EnvGetter = () => TestEnv;

export interface ApiRecord {
  id: number;
  version: number;
  [key: string]: unknown;
}

export interface ListBody {
  items: ApiRecord[];
  nextCursor: string | null;
}

/** Rows in a table, read straight from the database. */
export async function count(env: EnvGetter, table: string): Promise<number> {
  const db = env().services.dialect.db;
  const row = await db.selectFrom(table).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

const CORE_TABLES = [
  'company',
  'person',
  'user_account',
  'dictionary_value',
  'company_group_member',
  'record_history',
  'outbox_event',
  'search_doc',
];

/** Row counts of the tables a write touches: a refused request must leave all of them alone. */
export async function snapshot(
  env: EnvGetter,
  tables: readonly string[] = CORE_TABLES,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = await count(env, table);
  return counts;
}

/** Runs a refused request and checks that it left every one of `tables` as it was. */
export async function expectNothingWritten(
  env: EnvGetter,
  action: () => Promise<void>,
  tables: readonly string[] = CORE_TABLES,
): Promise<void> {
  const before = await snapshot(env, tables);
  await action();
  expect(await snapshot(env, tables)).toEqual(before);
}

export async function createCompany(
  env: EnvGetter,
  values: Record<string, unknown> = {},
): Promise<ApiRecord> {
  const response = await env().api('POST', '/api/records/company', { name: 'Base Sp. z o.o.', ...values });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<ApiRecord>();
}

export async function readCompany(env: EnvGetter, id: number): Promise<ApiRecord> {
  const response = await env().api('GET', `/api/records/company/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ApiRecord>();
}

/** History rows of one record. */
export async function historyRows(env: EnvGetter, object: string, id: number): Promise<number> {
  const db = env().services.dialect.db;
  const row = await db
    .selectFrom('record_history')
    .select(db.fn.countAll().as('n'))
    .where('object', '=', object)
    .where('record_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The id of the logged-in administrator. */
export async function adminId(env: EnvGetter): Promise<number> {
  const me = await env().api('GET', '/api/auth/me');
  expect(me.statusCode).toBe(200);
  return me.json<{ user: { id: number } }>().user.id;
}

/**
 * Inserts plain company rows straight into the table, 500 per statement: thousands through
 * the API would take minutes. No history, search document or event, as for imported data.
 */
export async function insertCompanies(env: EnvGetter, companies: Array<{ name: string; city: string }>) {
  const at = new Date().toISOString();
  const rows = companies.map((company) => ({ ...company, created_at: at, updated_at: at, version: 1 }));
  for (let start = 0; start < rows.length; start += 500) {
    await env()
      .services.dialect.db.insertInto('company')
      .values(rows.slice(start, start + 500))
      .execute();
  }
}
