import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import {
  caseRole,
  consumerCursor,
  dictionaryId,
  jobsNamed,
  notificationsOf,
  openCase,
  post,
  rewindConsumer,
  type StaffMember,
  settle,
  staffMember,
  storedNotifications,
} from '../../../../test/notification-fixtures.ts';
import { count } from '../../../../test/record-fixtures.ts';
import { DIGEST_JOB, MAIL_JOB, NOTIFICATION_KINDS } from './kinds.ts';

describe.each(DIALECTS)('notifications from case work (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  let fullRole = 0;
  let ownRole = 0;
  // The consumer starts at the newest event when it first runs: run it before anything happens.
  beforeAll(async () => {
    await settle(env);
    fullRole = await caseRole(env, 'all');
    ownRole = await caseRole(env, 'own');
  });

  const stageOn = async (caseId: number, note: string, session = env().admin) => {
    const stage = await post(
      env,
      'case_stage',
      { case: caseId, at: new Date().toISOString(), note },
      session,
    );
    await settle(env);
    return stage;
  };

  it('tells the lead and the watchers of a new stage, in their language, but never its author or anyone who may not read the case', async () => {
    const lead = await staffMember(env, fullRole, { first: 'Lena', last: 'Lead', locale: 'pl' });
    const watcher = await staffMember(env, fullRole, { first: 'Walter', last: 'Watch', locale: 'hu' });
    const author = await staffMember(env, fullRole, { first: 'Anna', last: 'Author' });
    // Reads only the cases they lead: watching one does not let them read it.
    const outsider = await staffMember(env, ownRole, { first: 'Otto', last: 'Outside' });
    const watched = await openCase(env, 'Regały', lead.employeeId, [
      watcher.employeeId,
      author.employeeId,
      outsider.employeeId,
    ]);
    const stage = await stageOn(watched.id, 'Klient prosi o ofertę', author.account.session);

    const rows = await storedNotifications(env, 'case_stage', stage.id);
    expect(rows.map((row) => Number(row.recipient_id)).sort()).toEqual(
      [lead.account.id, watcher.account.id].sort(),
    );
    const leadPage = await notificationsOf(env, lead.account.session);
    expect(leadPage.items[0]).toMatchObject({
      kind: 'case.stage',
      title: 'Nowy etap w sprawie „Regały”',
      body: 'Anna Author: Klient prosi o ofertę',
      object: 'case_stage',
      recordId: stage.id,
      actor: { id: author.account.id, name: 'Anna Author' },
      readAt: null,
    });
    const watcherPage = await notificationsOf(env, watcher.account.session);
    expect(watcherPage.items[0]?.title).toBe('Új lépés a(z) „Regały” ügyben');
    // Hungarian readers see names family name first.
    expect(watcherPage.items[0]?.actor?.name).toBe('Author Anna');
    for (const quiet of [author, outsider]) {
      expect(
        (await notificationsOf(env, quiet.account.session)).items.filter((i) => i.kind === 'case.stage'),
      ).toEqual([]);
    }
    // Each new notification got its mail job, keyed by the notification.
    const mails = await jobsNamed(env, MAIL_JOB);
    for (const row of rows) expect(mails.map((job) => job.unique_key)).toContain(`mail:${row.id}`);
  });

  it('makes nothing twice when the same events are handled again (cursor moved back)', async () => {
    const lead = await staffMember(env, fullRole);
    const watcher = await staffMember(env, fullRole);
    const watched = await openCase(env, 'Replay', lead.employeeId, [watcher.employeeId]);
    await settle(env);
    const before = await consumerCursor(env);
    const stage = await stageOn(watched.id, 'Once only');
    const made = await count(env, 'notification');
    const jobs = await count(env, 'job');
    expect(await storedNotifications(env, 'case_stage', stage.id)).toHaveLength(2);

    // As after a crash between handling and committing: the same batch again.
    await rewindConsumer(env, before);
    const after = await consumerCursor(env);
    expect(Number(after.last_event_id)).toBeGreaterThan(Number(before.last_event_id));
    expect(await count(env, 'notification')).toBe(made);
    expect(await count(env, 'job')).toBe(jobs);
  });

  it('tells a batch of many events exactly what it told them one by one, each reader only what they may read', async () => {
    // Leads case A; watches case B, which their role does not let them read.
    const limited = await staffMember(env, ownRole);
    const watcher = await staffMember(env, fullRole);
    const digested = await staffMember(env, fullRole);
    const preference = await env().api(
      'PUT',
      '/api/notifications/preferences',
      { preferences: [{ kind: 'case.stage', channel: 'digest' }] },
      digested.account.session,
    );
    expect(preference.statusCode, preference.body).toBe(200);
    const caseA = await openCase(env, 'Batch A', limited.employeeId, [
      watcher.employeeId,
      digested.employeeId,
    ]);
    const caseB = await openCase(env, 'Batch B', watcher.employeeId, [
      limited.employeeId,
      digested.employeeId,
    ]);
    await settle(env);
    const db = env().services.dialect.db;
    const before = await consumerCursor(env);
    const stages: number[] = [];
    for (let step = 0; step < 6; step++)
      stages.push((await stageOn(step % 2 === 0 ? caseA.id : caseB.id, `Step ${step}`)).id);
    const told = async () => {
      const rows = await db
        .selectFrom('notification')
        .select(['id', 'recipient_id', 'record_id', 'title', 'body', 'channel'])
        .where('object', '=', 'case_stage')
        .where('record_id', 'in', stages)
        .execute();
      const mails = (await jobsNamed(env, MAIL_JOB)).map((job) => job.unique_key);
      return {
        ids: rows.map((row) => Number(row.id)),
        mailed: rows.filter((row) => mails.includes(`mail:${row.id}`)).length,
        seen: rows
          .map((row) => `${row.recipient_id}|${row.record_id}|${row.title}|${row.body}|${row.channel}`)
          .sort(),
      };
    };
    const oneByOne = await told();
    const recordsOf = (who: StaffMember) =>
      oneByOne.seen
        .filter((line) => line.startsWith(`${who.account.id}|`))
        .map((line) => Number(line.split('|')[1]));
    const onA = stages.filter((_, step) => step % 2 === 0);
    expect(recordsOf(limited).sort()).toEqual(onA.sort());
    expect(recordsOf(watcher)).toHaveLength(6);
    expect(recordsOf(digested)).toHaveLength(6);
    expect(oneByOne.mailed).toBe(9);

    // Forget them and hand the six events to the consumer again: now in one batch.
    await db
      .deleteFrom('job')
      .where(
        'unique_key',
        'in',
        oneByOne.ids.map((id) => `mail:${id}`),
      )
      .execute();
    await db.deleteFrom('notification').where('id', 'in', oneByOne.ids).execute();
    await rewindConsumer(env, before);
    const batched = await told();
    expect(batched.seen).toEqual(oneByOne.seen);
    expect(batched.mailed).toBe(9);
    const digests = (await jobsNamed(env, DIGEST_JOB)).filter((job) =>
      String(job.unique_key).startsWith(`digest:${digested.account.id}:`),
    );
    expect(digests).toHaveLength(1);
  });

  it('follows each user’s preference: none, app, email, digest (and both by default)', async () => {
    const people = {
      none: await staffMember(env, fullRole),
      app: await staffMember(env, fullRole),
      email: await staffMember(env, fullRole),
      digest: await staffMember(env, fullRole),
      both: await staffMember(env, fullRole),
    };
    for (const channel of ['none', 'app', 'email', 'digest'] as const) {
      const response = await env().api(
        'PUT',
        '/api/notifications/preferences',
        { preferences: [{ kind: 'case.stage', channel }] },
        people[channel].account.session,
      );
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().preferences).toContainEqual({ kind: 'case.stage', channel });
      // Other kinds keep their default.
      expect(response.json().preferences).toContainEqual({ kind: 'mention', channel: 'both' });
    }
    const watched = await openCase(
      env,
      'Preferences',
      null,
      Object.values(people).map((p) => p.employeeId),
    );
    const stage = await stageOn(watched.id, 'Who hears of it?');
    const rows = await storedNotifications(env, 'case_stage', stage.id);
    const byUser = new Map(rows.map((row) => [Number(row.recipient_id), row]));
    expect(byUser.has(people.none.account.id)).toBe(false);
    expect(byUser.get(people.app.account.id)).toMatchObject({ channel: 'app', read_at: null });
    // E-mail only: kept, but never unread in the app.
    expect(byUser.get(people.email.account.id)?.read_at).not.toBeNull();
    expect((await notificationsOf(env, people.email.account.session)).unreadCount).toBe(0);
    expect(byUser.get(people.digest.account.id)).toMatchObject({ channel: 'digest', read_at: null });
    expect(byUser.get(people.both.account.id)).toMatchObject({ channel: 'both', read_at: null });

    const mailKeys = (await jobsNamed(env, MAIL_JOB)).map((job) => job.unique_key);
    const idOf = (who: keyof typeof people) => Number(byUser.get(people[who].account.id)?.id);
    expect(mailKeys).toContain(`mail:${idOf('email')}`);
    expect(mailKeys).toContain(`mail:${idOf('both')}`);
    expect(mailKeys).not.toContain(`mail:${idOf('app')}`);
    expect(mailKeys).not.toContain(`mail:${idOf('digest')}`);
    // The digest: one job for the day, due the next morning, not now.
    const digests = (await jobsNamed(env, DIGEST_JOB)).filter((job) =>
      String(job.unique_key).startsWith(`digest:${people.digest.account.id}:`),
    );
    expect(digests).toHaveLength(1);
    expect(Date.parse(String(digests[0]?.run_at))).toBeGreaterThan(Date.now());
  });

  it('refuses bad preferences with the reason, writing nothing', async () => {
    const member = await staffMember(env, fullRole);
    const put = (body: unknown) =>
      env().api('PUT', '/api/notifications/preferences', body, member.account.session);
    expect((await put({ preferences: [{ kind: 'mention', channel: 'app' }] })).statusCode).toBe(200);
    const rowsBefore = await count(env, 'notification_preference');
    const cases: Array<[unknown, RegExp]> = [
      [{ preferences: [{ kind: 'case.stage', channel: 'pigeon' }] }, /preferences\.0\.channel/],
      [{ preferences: [{ kind: 'weather', channel: 'app' }] }, /preferences\.0\.kind/],
      [
        {
          preferences: [
            { kind: 'case.stage', channel: 'none' },
            { kind: 'case.stage', channel: 'app' },
          ],
        },
        /"case\.stage" is listed twice/,
      ],
      [{ preferences: [{ kind: 'mention', channel: 'none', extra: 1 }] }, /extra|unrecognized/i],
      [{}, /preferences/],
    ];
    for (const [body, reason] of cases) {
      const response = await put(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.message).toMatch(reason);
    }
    expect(await count(env, 'notification_preference')).toBe(rowsBefore);
    const current = await env().api(
      'GET',
      '/api/notifications/preferences',
      undefined,
      member.account.session,
    );
    expect(current.json().preferences).toContainEqual({ kind: 'mention', channel: 'app' });
    expect(current.json().preferences).toHaveLength(NOTIFICATION_KINDS.length);
  });

  it('marks one or all read; another user’s notifications are neither visible nor touched', async () => {
    const lead = await staffMember(env, fullRole);
    const other = await staffMember(env, fullRole);
    const theirs = await openCase(env, 'Read me', lead.employeeId);
    const otherCase = await openCase(env, 'Not yours', other.employeeId);
    await stageOn(theirs.id, 'one');
    await stageOn(theirs.id, 'two');
    await stageOn(otherCase.id, 'elsewhere');
    const page = await notificationsOf(env, lead.account.session, '?unread=1');
    // case.assigned for opening it, and two stages.
    expect(page.items.map((i) => i.kind)).toEqual(['case.stage', 'case.stage', 'case.assigned']);
    expect(page.unreadCount).toBe(3);
    const otherPage = await notificationsOf(env, other.account.session);
    expect(otherPage.items.every((i) => !page.items.some((mine) => mine.id === i.id))).toBe(true);
    const otherId = otherPage.items[0]?.id ?? 0;

    const read = (body: unknown, session = lead.account.session) =>
      env().api('POST', '/api/notifications/read', body, session);
    const first = await read({ ids: [page.items[0]?.id, otherId] });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ unreadCount: 2 });
    // The other user's notification stays unread.
    expect((await notificationsOf(env, other.account.session)).unreadCount).toBe(otherPage.unreadCount);
    // Keyset pages: one at a time, newest first, until there are no more.
    const one = await notificationsOf(env, lead.account.session, '?limit=1');
    expect(one.items[0]?.readAt).not.toBeNull();
    const next = await notificationsOf(env, lead.account.session, `?limit=1&cursor=${one.nextCursor}`);
    expect(next.items[0]?.id).toBe(page.items[1]?.id);

    for (const bad of [{}, { ids: [1], all: true }, { ids: [] }, { all: false }, { ids: ['x'] }]) {
      const refused = await read(bad);
      expect(refused.statusCode, JSON.stringify(bad)).toBe(400);
      expect(refused.json().error.message).toMatch(/ids|all/);
    }
    expect((await notificationsOf(env, lead.account.session)).unreadCount).toBe(2);
    expect((await read({ all: true })).json()).toEqual({ unreadCount: 0 });
    expect((await notificationsOf(env, lead.account.session, '?unread=1')).items).toEqual([]);
    expect((await notificationsOf(env, other.account.session)).unreadCount).toBe(otherPage.unreadCount);
    expectError(
      await env().api('GET', '/api/notifications?cursor=abc', undefined, lead.account.session),
      400,
      'validation_failed',
    );
  });

  it('documents its routes in the OpenAPI document', async () => {
    const document = await env().api('GET', '/api/openapi.json');
    expect(document.statusCode).toBe(200);
    const paths = document.json<{ paths: Record<string, Record<string, unknown>> }>().paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/notifications',
        '/api/notifications/read',
        '/api/notifications/preferences',
        '/api/notifications/stream',
      ]),
    );
    // The allowed kinds and channels are part of the contract.
    const preferences = JSON.stringify(paths['/api/notifications/preferences']?.put);
    for (const word of ['digest', 'none', 'case.assigned', 'mention']) expect(preferences).toContain(word);
  });

  it('tells of status changes, new leads, activities of a case and mentions in notes', async () => {
    const lead = await staffMember(env, fullRole, { first: 'Łukasz', last: 'Żółw' });
    const next = await staffMember(env, fullRole);
    const author = await staffMember(env, fullRole, { first: 'Maja', last: 'Mention' });
    const watched = await openCase(env, 'Everything', lead.employeeId, [author.employeeId]);
    const patch = async (body: Record<string, unknown>) => {
      const current = await env().api('GET', `/api/records/case/${watched.id}`);
      const response = await env().api(
        'PATCH',
        `/api/records/case/${watched.id}`,
        { ...body, version: current.json().version },
        author.account.session,
      );
      expect(response.statusCode, response.body).toBe(200);
      await settle(env);
    };
    await patch({ status: await dictionaryId(env, 'case_status', 'in_progress') });
    const status = (await storedNotifications(env, 'case', watched.id)).filter(
      (r) => r.kind === 'case.status',
    );
    expect(status.map((r) => Number(r.recipient_id))).toEqual([lead.account.id]);
    expect(status[0]?.title).toMatch(/^Case “Everything” is now “.+”$/);

    await patch({ lead: next.employeeId });
    const assigned = (await storedNotifications(env, 'case', watched.id)).filter(
      (r) => r.kind === 'case.assigned',
    );
    expect(assigned.map((r) => Number(r.recipient_id)).sort()).toEqual(
      [lead.account.id, next.account.id].sort(),
    );

    const activity = await post(
      env,
      'activity',
      { title: 'Call back', starts_at: new Date().toISOString(), case: watched.id, company: watched.company },
      author.account.session,
    );
    await settle(env);
    const done = await env().api(
      'PATCH',
      `/api/records/activity/${activity.id}`,
      { status: 'done', version: activity.version },
      author.account.session,
    );
    expect(done.statusCode, done.body).toBe(200);
    await settle(env);
    const activityRows = await storedNotifications(env, 'activity', activity.id);
    // The new lead hears of both; the former lead is no longer the case's.
    expect(activityRows.map((r) => [Number(r.recipient_id), r.title])).toEqual([
      [next.account.id, 'New activity in case “Everything”: Call back'],
      [next.account.id, 'Activity “Call back” is now Done'],
    ]);

    const note = await post(
      env,
      'note',
      {
        body: `@${next.account.login}, @"lukasz zolw" and @${author.account.login} see kontakt@${next.account.login}.pl`,
        case: watched.id,
        company: watched.company,
      },
      author.account.session,
    );
    await settle(env);
    const mentions = await storedNotifications(env, 'note', note.id);
    // The author mentioning themself is not told; an e-mail address mentions nobody.
    expect(mentions.map((r) => Number(r.recipient_id)).sort()).toEqual(
      [lead.account.id, next.account.id].sort(),
    );
    expect(mentions[0]?.title).toBe('Maja Mention mentioned you in a note');
    // An edit tells only whom it adds.
    const edited = await env().api(
      'PATCH',
      `/api/records/note/${note.id}`,
      { body: `${String(note.body)} — and again @${next.account.login}`, version: note.version },
      author.account.session,
    );
    expect(edited.statusCode, edited.body).toBe(200);
    await settle(env);
    expect(await storedNotifications(env, 'note', note.id)).toHaveLength(2);
  });
});
