import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createAs, createRole } from '../../../../test/access-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import type { Session } from '../../../../test/harness.ts';
import { useTestEnv } from '../../../../test/harness.ts';

describe.each(DIALECTS)('private calendar feeds (%s)', (dialect) => {
  // The feed covers the last month and the coming year from "now".
  const env = useTestEnv(dialect, { now: () => new Date('2026-03-20T12:00:00Z') });
  let employee = 0;
  let session: Session;

  beforeAll(async () => {
    employee = await createAs(env, 'employee', { first_name: 'Fea', last_name: 'Feed' });
    const role = await createRole(env, [
      ...['activity', 'task', 'reminder'].map((object) => ({ object, right: 'read', scope: 'own' as const })),
      { object: 'dictionary_value', right: 'read', scope: 'all' },
    ]);
    session = (await createAccount(env, [role], employee)).session;
    await createAs(env, 'activity', {
      title: 'Visit in Kraków',
      starts_at: '2026-03-30T07:30:00.000Z',
      ends_at: '2026-03-30T09:00:00.000Z',
      organiser: employee,
    });
    // Every Monday at 8:00 Budapest time: 07:00 UTC before the clocks change, 06:00 after.
    await createAs(env, 'reminder', {
      title: 'Plan the week',
      for_employee: employee,
      at: '2026-03-23T07:00:00.000Z',
      repeat: 'FREQ=WEEKLY;BYDAY=MO;COUNT=3',
      time_zone: 'Europe/Budapest',
    });
  });

  const fetchFeed = (url: string) => env().api('GET', new URL(url).pathname);

  it('publishes my calendar as iCalendar that a third-party parser reads with the right times, until revoked', async () => {
    const created = await env().api('POST', '/api/calendar/feeds', undefined, session);
    expect(created.statusCode, created.body).toBe(201);
    const { token, url } = created.json<{ token: string; url: string }>();
    expect(url).toMatch(new RegExp(`/api/calendar/feed/${token}\\.ics$`));

    // No session: the link is the key.
    const feed = await env().app.inject({ method: 'GET', url: new URL(url).pathname });
    expect(feed.statusCode, feed.body).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(feed.body));
    const events = calendar
      .getAllSubcomponents('vevent')
      .map((component) => new ICAL.Event(component))
      .map((event) => [
        event.summary,
        event.startDate.toJSDate().toISOString(),
        event.endDate.toJSDate().toISOString(),
      ]);
    expect(events).toEqual(
      expect.arrayContaining([
        ['Plan the week', '2026-03-23T07:00:00.000Z', '2026-03-23T07:30:00.000Z'],
        ['Visit in Kraków', '2026-03-30T07:30:00.000Z', '2026-03-30T09:00:00.000Z'],
        ['Plan the week', '2026-03-30T06:00:00.000Z', '2026-03-30T06:30:00.000Z'],
        ['Plan the week', '2026-04-06T06:00:00.000Z', '2026-04-06T06:30:00.000Z'],
      ]),
    );
    expect(events).toHaveLength(4);

    const revoked = await env().api('DELETE', `/api/calendar/feeds/${token}`, undefined, session);
    expect(revoked.statusCode).toBe(204);
    const gone = await fetchFeed(url);
    expect(gone.statusCode).toBe(404);
    // Revoked and never-made look the same.
    const unknown = await fetchFeed(url.replace(token, 'kcal_nothing_here'));
    expect(unknown.statusCode).toBe(404);
    // Apart from the id naming each request.
    const { requestId: _unknown, ...unknownError } = unknown.json<{ error: Record<string, unknown> }>().error;
    const { requestId: _gone, ...goneError } = gone.json<{ error: Record<string, unknown> }>().error;
    expect(unknownError).toEqual(goneError);
  });

  it('refuses feeds for accounts without an employee and revoking another’s feed', async () => {
    expectError(await env().api('POST', '/api/calendar/feeds'), 400, 'no_employee', /no calendar/);
    const created = await env().api('POST', '/api/calendar/feeds', undefined, session);
    const { token } = created.json<{ token: string }>();
    expect((await env().api('DELETE', `/api/calendar/feeds/${token}`)).statusCode).toBe(404);
  });

  it('lists my live feeds and revokes one by its id, as the feed list offers it', async () => {
    const made = (await env().api('POST', '/api/calendar/feeds', undefined, session)).json<{ url: string }>();
    const listed = await env().api('GET', '/api/calendar/feeds', undefined, session);
    expect(listed.statusCode).toBe(200);
    const feeds = listed.json<Array<{ id: number; createdAt: string }>>();
    expect(feeds.length).toBeGreaterThan(0);
    const newest = feeds[0];
    expect(newest?.createdAt).toBe('2026-03-20T12:00:00.000Z');
    // Someone else's list is their own: the administrator has none of these.
    expect((await env().api('GET', '/api/calendar/feeds')).json()).toEqual([]);
    expect((await env().api('DELETE', `/api/calendar/feeds/${newest?.id}`)).statusCode).toBe(404);

    const revoked = await env().api('DELETE', `/api/calendar/feeds/${newest?.id}`, undefined, session);
    expect(revoked.statusCode).toBe(204);
    expect((await fetchFeed(made.url)).statusCode).toBe(404);
    const after = (await env().api('GET', '/api/calendar/feeds', undefined, session)).json<
      Array<{ id: number }>
    >();
    expect(after.map((feed) => feed.id)).not.toContain(newest?.id);
  });

  it('exports the chosen range as an .ics download with the same events as the calendar', async () => {
    const range = 'from=2026-03-23T00:00:00Z&to=2026-04-01T00:00:00Z';
    const listed = (await env().api('GET', `/api/calendar?${range}`, undefined, session)).json<
      Array<{ id: string; title: string; start: string }>
    >();
    const exported = await env().api('GET', `/api/calendar/export.ics?${range}`, undefined, session);
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^text\/calendar/);
    expect(exported.headers['content-disposition']).toBe(
      'attachment; filename="kartoteka-2026-03-23-2026-04-01.ics"',
    );
    const events = new ICAL.Component(ICAL.parse(exported.body))
      .getAllSubcomponents('vevent')
      .map((component) => new ICAL.Event(component))
      .map((event) => [event.uid, event.summary, event.startDate.toJSDate().toISOString()]);
    expect(events).toEqual(listed.map((event) => [`${event.id}@kartoteka`, event.title, event.start]));
    expect(events.map(([, title]) => title)).toEqual(['Plan the week', 'Plan the week', 'Visit in Kraków']);
    // The calendar's own rules: a backwards range is refused, and nobody's calendar without a session.
    expectError(
      await env().api(
        'GET',
        '/api/calendar/export.ics?from=2026-04-01T00:00:00Z&to=2026-03-23T00:00:00Z',
        undefined,
        session,
      ),
      400,
      'bad_request',
      /after/,
    );
    const anonymous = await env().app.inject({ method: 'GET', url: `/api/calendar/export.ics?${range}` });
    expect(anonymous.statusCode).toBe(401);
  });
});
