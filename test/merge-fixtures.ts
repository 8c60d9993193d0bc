import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Session } from './harness.ts';
import { type ApiRecord, count, type EnvGetter } from './record-fixtures.ts';

export interface HistoryItem {
  action: string;
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
  changedBy: number | null;
}

export async function record(env: EnvGetter, object: string, id: number): Promise<ApiRecord> {
  const response = await env().api('GET', `/api/records/${object}/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ApiRecord>();
}

export async function history(env: EnvGetter, object: string, id: number): Promise<HistoryItem[]> {
  const response = await env().api('GET', `/api/records/${object}/${id}/history`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: HistoryItem[] }>().items;
}

export function merge(
  env: EnvGetter,
  object: string,
  body: Record<string, unknown>,
  session?: Session,
): Promise<LightMyRequestResponse> {
  return env().api('POST', `/api/records/${object}/merge`, { values: {}, ...body }, session);
}

/** Merges and asserts it worked; returns the merge's id. */
export async function merged(
  env: EnvGetter,
  object: string,
  body: Record<string, unknown>,
  session?: Session,
): Promise<{ record: ApiRecord; mergeId: number }> {
  const response = await merge(env, object, body, session);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ record: ApiRecord; mergeId: number }>();
}

export function undo(env: EnvGetter, mergeId: number, session?: Session): Promise<LightMyRequestResponse> {
  return env().api('POST', `/api/merges/${mergeId}/undo`, undefined, session);
}

/** Row counts a refused merge or undo must leave alone, the merge log included. */
export async function mergeSnapshot(env: EnvGetter): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [
    'company',
    'person',
    'company_group_member',
    'person_group_member',
    'record_history',
    'outbox_event',
    'record_merge',
  ]) {
    counts[table] = await count(env, table);
  }
  const db = env().services.dialect.db;
  const versions = await db
    .selectFrom('company')
    .select(['id', 'version', 'deleted_at'])
    .orderBy('id')
    .execute();
  const people = await db
    .selectFrom('person')
    .select(['id', 'version', 'company_id'])
    .orderBy('id')
    .execute();
  counts.versions = versions.reduce((sum, row) => sum + Number(row.version) * Number(row.id), 0);
  counts.trashed = versions.filter((row) => row.deleted_at !== null).length;
  counts.people = people.reduce((sum, row) => sum + Number(row.version) * Number(row.company_id ?? 0), 0);
  return counts;
}

export async function expectNothingChanged(env: EnvGetter, action: () => Promise<void>): Promise<void> {
  const before = await mergeSnapshot(env);
  await action();
  expect(await mergeSnapshot(env)).toEqual(before);
}
