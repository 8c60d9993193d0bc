import { expect } from 'vitest';
import type { Session } from './harness.ts';
import type { ApiRecord, EnvGetter } from './record-fixtures.ts';

/** A record made through the API (as the administrator unless a session is given). */
export async function post(
  env: EnvGetter,
  object: string,
  body: Record<string, unknown>,
  session?: Session,
): Promise<ApiRecord> {
  const response = await env().api('POST', `/api/records/${object}`, body, session);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<ApiRecord>();
}

export async function patch(env: EnvGetter, object: string, id: number, body: Record<string, unknown>) {
  const current = await env().api('GET', `/api/records/${object}/${id}`);
  const response = await env().api('PATCH', `/api/records/${object}/${id}`, {
    ...body,
    version: current.json<ApiRecord>().version,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ApiRecord>();
}

export async function dictionaryId(env: EnvGetter, dictionary: string, code: string): Promise<number> {
  const row = await env()
    .services.dialect.db.selectFrom('dictionary_value')
    .select('id')
    .where('dictionary', '=', dictionary)
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export interface PersonWorld {
  company: ApiRecord;
  person: ApiRecord;
  consent: ApiRecord;
  group: ApiRecord;
}

/**
 * A Polish representative of a Hungarian client with a consent, a group, a move to another
 * company (the job left is an employment entry), an earlier stint at the Hungarian client typed
 * in by hand (so two entries) and an e-mail changed once (so history holds an old one).
 */
export async function personWorld(env: EnvGetter, tag: string, values: Record<string, unknown> = {}) {
  const company = await post(env, 'company', {
    name: `Győri Őrség Kft. ${tag}`,
    country: 'HU',
    city: 'Győr',
    street: 'Árpád út 1',
  });
  const first = await post(env, 'company', { name: `Łódzka Spółka ${tag}`, country: 'PL', city: 'Łódź' });
  const group = await post(env, 'person_group', { name: `Życzenia świąteczne ${tag}` });
  const created = await post(env, 'person', {
    first_name: 'Łucja',
    last_name: `Źdźbło-${tag}`,
    company: first.id,
    position: 'Główna księgowa',
    email: `lucja.${tag}@example.pl`,
    phone: '+48 22 123 45 67',
    mobile: '+48 601 234 567',
    birth_date: '1985-03-14',
    notes: '<script>alert("x")</script> lubi kawę',
    groups: [group.id],
    ...values,
  });
  await patch(env, 'person', created.id, { email: `l.zdzblo.${tag}@example.pl` });
  const person = await patch(env, 'person', created.id, { company: company.id });
  await post(env, 'person_employment', {
    person: person.id,
    company: company.id,
    position: 'Księgowa',
    started_on: '2015-02-01',
    ended_on: '2018-06-30',
    note: `Praktyka Łucji ${tag}`,
  });
  const consent = await post(env, 'consent', {
    person: person.id,
    channel: await dictionaryId(env, 'consent_channel', 'email'),
    recorded_at: '2026-11-01T10:00:00Z',
    source: 'Űrlap na stronie',
    text_version: 'v3',
    note: `Zgoda podpisana przez Łucję ${tag}`,
  });
  return { company, person, consent, group } satisfies PersonWorld;
}
