import type { Session } from './harness.ts';
import { dictionaryId, post } from './personal-data-fixtures.ts';
import {
  type ApiRecord,
  type EnvGetter,
  expectNothingWritten as nothingWrittenTo,
} from './record-fixtures.ts';

export { dictionaryId, post };

export async function read(
  env: EnvGetter,
  object: string,
  id: number,
  session?: Session,
): Promise<ApiRecord> {
  const response = await env().api('GET', `/api/records/${object}/${id}`, undefined, session);
  if (response.statusCode !== 200)
    throw new Error(`read ${object} ${id}: ${response.statusCode} ${response.body}`);
  return response.json<ApiRecord>();
}

/** Every table a write of the cases module can touch. */
const CASE_TABLES = [
  'client_case',
  'case_stage',
  'case_watcher',
  'activity',
  'activity_person',
  'activity_employee',
  'note',
  'record_history',
  'outbox_event',
  'search_doc',
];

/** Runs a refused request and checks that it left every table of the cases module as it was. */
export function expectNothingWritten(env: EnvGetter, action: () => Promise<void>): Promise<void> {
  return nothingWrittenTo(env, action, CASE_TABLES);
}
