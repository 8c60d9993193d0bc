import { expect } from 'vitest';
import { CONSUMER_NAME } from '../src/server/modules/notifications/consumer.ts';
import type { NotificationItem } from '../src/server/modules/notifications/store.ts';
import { createAccount, createAs, createRole, grantsOn, type TestAccount } from './access-fixtures.ts';
import type { Session } from './harness.ts';
import { dictionaryId, post } from './personal-data-fixtures.ts';
import { type ApiRecord, createCompany, type EnvGetter } from './record-fixtures.ts';

export { dictionaryId, post };

/** The objects people working on cases read and write. */
const CASE_WORK = ['company', 'person', 'employee', 'case', 'case_stage', 'activity', 'note'];

/** A role that reads and writes everything of the cases module (scope `all` or `own`). */
export function caseRole(env: EnvGetter, scope: 'all' | 'own'): Promise<number> {
  return createRole(env, grantsOn(env, scope, CASE_WORK));
}

export interface StaffMember {
  employeeId: number;
  account: TestAccount;
  email: string | null;
}

let people = 0;
/** An employee with a logged-in account holding `roleId`, in the given language. */
export async function staffMember(
  env: EnvGetter,
  roleId: number,
  options: { first?: string; last?: string; email?: string | null; locale?: 'en' | 'pl' | 'hu' } = {},
): Promise<StaffMember> {
  people += 1;
  const email = options.email === undefined ? `staff${people}@example.test` : options.email;
  const employeeId = await createAs(env, 'employee', {
    first_name: options.first ?? `Staff${people}`,
    last_name: options.last ?? 'Member',
    ...(email ? { email } : {}),
  });
  const account = await createAccount(env, [roleId], employeeId);
  if (options.locale) {
    await env()
      .services.dialect.db.updateTable('user_account')
      .set({ locale: options.locale })
      .where('id', '=', account.id)
      .execute();
  }
  return { employeeId, account, email };
}

/** A case of a new company led by `lead` and watched by `watchers` (made by the administrator). */
export async function openCase(
  env: EnvGetter,
  topic: string,
  lead: number | null,
  watchers: number[] = [],
): Promise<ApiRecord> {
  const company = await createCompany(env, { name: `${topic} Sp. z o.o.` });
  return post(env, 'case', {
    topic,
    company: company.id,
    status: await dictionaryId(env, 'case_status', 'open'),
    lead,
    watchers,
  });
}

export interface ConsumerCursor {
  last_tx_id: unknown;
  last_event_id: unknown;
}

/** Where the notifications consumer stands in the outbox. */
export function consumerCursor(env: EnvGetter): Promise<ConsumerCursor> {
  return env()
    .services.dialect.db.selectFrom('event_consumer')
    .select(['last_tx_id', 'last_event_id'])
    .where('name', '=', CONSUMER_NAME)
    .executeTakeFirstOrThrow();
}

/** Moves the consumer back to `to`, as after a crash before its commit, and lets it handle the events again. */
export async function rewindConsumer(env: EnvGetter, to: ConsumerCursor): Promise<void> {
  await env()
    .services.dialect.db.updateTable('event_consumer')
    .set({ last_tx_id: Number(to.last_tx_id), last_event_id: Number(to.last_event_id) })
    .where('name', '=', CONSUMER_NAME)
    .execute();
  await settle(env);
}

/** Lets the event dispatcher hand every committed event to the notifications consumer. */
export async function settle(env: EnvGetter): Promise<void> {
  await env().services.records.events.kick();
}

export type { NotificationItem };

export interface NotificationPage {
  items: NotificationItem[];
  unreadCount: number;
  nextCursor: string | null;
}

/** `GET /api/notifications` as the given session. */
export async function notificationsOf(
  env: EnvGetter,
  session: Session,
  query = '',
): Promise<NotificationPage> {
  const response = await env().api('GET', `/api/notifications${query}`, undefined, session);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<NotificationPage>();
}

/** The notifications rows of one kind about one record, straight from the database. */
export async function storedNotifications(env: EnvGetter, object: string, recordId: number) {
  return env()
    .services.dialect.db.selectFrom('notification')
    .selectAll()
    .where('object', '=', object)
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();
}

/** Queue jobs by name, straight from the database. */
export async function jobsNamed(env: EnvGetter, name: string) {
  return env()
    .services.dialect.db.selectFrom('job')
    .selectAll()
    .where('name', '=', name)
    .orderBy('id')
    .execute();
}
