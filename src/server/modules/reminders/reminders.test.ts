import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_PASSWORD, createRole } from '../../../../test/access-fixtures.ts';
import { read } from '../../../../test/case-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { testConfig, useTestEnv } from '../../../../test/harness.ts';
import {
  jobsNamed,
  notificationsOf,
  post,
  type StaffMember,
  settle,
  staffMember,
} from '../../../../test/notification-fixtures.ts';
import { createCompany, expectNothingWritten } from '../../../../test/record-fixtures.ts';
import { openServices } from '../../runtime.ts';
import { MAIL_JOB } from '../notifications/kinds.ts';
import { FIRE_JOB } from './schedule.ts';

describe.each(DIALECTS)('reminders (%s)', (dialect) => {
  // A clock the test moves: "downtime" is the clock jumping while no job runs.
  let clock = new Date('2026-12-01T08:00:00Z');
  const env = useTestEnv(dialect, { now: () => clock });
  let me: StaffMember;
  let colleague: StaffMember;

  beforeAll(async () => {
    await settle(env);
    const role = await createRole(env, [
      ...['read', 'create', 'update'].map((right) => ({ object: 'reminder', right, scope: 'own' as const })),
      { object: 'company', right: 'read', scope: 'all' },
      { object: 'employee', right: 'read', scope: 'all' },
    ]);
    me = await staffMember(env, role, { first: 'Maja', last: 'Mine' });
    colleague = await staffMember(env, role, { first: 'Cyryl', last: 'Colleague', locale: 'pl' });
  });

  /**
   * The clock moves by days: sessions would expire, so each step logs in again at its time
   * (and reads as these two, not as the administrator logged in at the start).
   */
  const at = async (instant: string) => {
    clock = new Date(instant);
    for (const who of [me, colleague])
      who.account.session = await env().login(who.account.login, ACCOUNT_PASSWORD);
  };
  const runJobs = async () => {
    while ((await env().services.jobs.runDue()) > 0) {
      // until the queue has nothing due
    }
    await settle(env);
  };
  const remindersOf = async (who: StaffMember) =>
    (await notificationsOf(env, who.account.session)).items.filter((item) => item.kind === 'reminder');

  it('reminds someone else once at its time, about a record, by e-mail when asked — also after downtime that spanned it', async () => {
    await at('2026-12-01T08:00:00Z');
    const company = await createCompany(env, { name: 'Przypominajka' });
    const reminder = await post(
      env,
      'reminder',
      {
        title: 'Call about the renewal',
        for_employee: colleague.employeeId,
        at: '2026-12-01T10:00:00.000Z',
        email: true,
        record_object: 'company',
        record_id: company.id,
      },
      me.account.session,
    );
    expect(reminder).toMatchObject({
      set_by: me.employeeId,
      next_at: '2026-12-01T10:00:00.000Z',
      status: 'active',
    });
    await runJobs();
    expect(await remindersOf(colleague)).toEqual([]);

    // The server is down from 9:00 to 15:00; then a new instance starts and catches up.
    clock = new Date('2026-12-01T15:00:00Z');
    const restarted = await openServices(testConfig(env().databaseConfig), { now: () => clock });
    try {
      while ((await restarted.jobs.runDue()) > 0) {
        // catch up
      }
      await restarted.records.events.kick();
    } finally {
      await restarted.dialect.close();
    }
    await runJobs();
    const told = await remindersOf(colleague);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      title: 'Przypomnienie: Call about the renewal',
      body: 'Ustawił(a): Maja Mine.',
      object: 'reminder',
      recordId: reminder.id,
    });
    // By e-mail as asked; and not again.
    const mails = await jobsNamed(env, MAIL_JOB);
    expect(mails.some((job) => String(job.payload).includes(String(told[0]?.id)))).toBe(true);
    await runJobs();
    expect(await remindersOf(colleague)).toHaveLength(1);
    expect(await read(env, 'reminder', reminder.id, me.account.session)).toMatchObject({
      fired_at: '2026-12-01T10:00:00.000Z',
      next_at: null,
    });
    // Only whom it is for snoozes it.
    expectError(
      await env().api('POST', `/api/reminders/${reminder.id}/snooze`, { minutes: 10 }, me.account.session),
      403,
      'not_yours',
      /Only whom the reminder is for/,
    );
    const snoozed = await env().api(
      'POST',
      `/api/reminders/${reminder.id}/snooze`,
      { minutes: 30 },
      colleague.account.session,
    );
    expect(snoozed.statusCode, snoozed.body).toBe(200);
    expect(snoozed.json()).toMatchObject({ next_at: '2026-12-01T15:30:00.000Z' });
    expect((await notificationsOf(env, colleague.account.session)).unreadCount).toBe(0);
    clock = new Date('2026-12-01T15:31:00Z');
    await runJobs();
    expect(await remindersOf(colleague)).toHaveLength(2);
    const dismissed = await env().api(
      'POST',
      `/api/reminders/${reminder.id}/dismiss`,
      undefined,
      colleague.account.session,
    );
    expect(dismissed.json()).toMatchObject({ status: 'dismissed', next_at: null });
  });

  it('repeats in its time zone and, after missing several times, reminds once and goes on from now', async () => {
    await at('2026-12-07T06:00:00Z');
    const weekly = await post(
      env,
      'reminder',
      {
        title: 'Weekly report',
        at: '2026-12-07T08:00:00.000Z',
        repeat: 'FREQ=DAILY',
        time_zone: 'Europe/Warsaw',
      },
      me.account.session,
    );
    expect(weekly).toMatchObject({ for_employee: me.employeeId, next_at: '2026-12-07T08:00:00.000Z' });
    // Three days without the server: 7, 8 and 9 December at 9:00 Warsaw time were missed.
    await at('2026-12-09T12:00:00Z');
    await runJobs();
    const told = (await remindersOf(me)).filter((item) => item.title === 'Reminder: Weekly report');
    expect(told).toHaveLength(1);
    expect((await read(env, 'reminder', weekly.id, me.account.session)).next_at).toBe(
      '2026-12-10T08:00:00.000Z',
    );
    // One delivery waits, for the next occurrence: the missed ones were not queued one by one.
    const waiting = (await jobsNamed(env, FIRE_JOB)).filter(
      (job) => job.status === 'queued' && JSON.parse(String(job.payload)).reminderId === weekly.id,
    );
    expect(waiting.map((job) => JSON.parse(String(job.payload)).at)).toEqual(['2026-12-10T08:00:00.000Z']);
    // Dismissing a repeating reminder leaves it going.
    const dismissed = await env().api(
      'POST',
      `/api/reminders/${weekly.id}/dismiss`,
      undefined,
      me.account.session,
    );
    expect(dismissed.json()).toMatchObject({ status: 'active', next_at: '2026-12-10T08:00:00.000Z' });
  });

  it('refuses bad rules, unknown zones, half links and links to nothing, writing nothing', async () => {
    await at('2026-12-10T08:00:00Z');
    const base = { title: 'Bad', at: '2026-12-24T09:00:00.000Z' };
    const tables = ['reminder', 'job', 'record_history', 'outbox_event'];
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ repeat: 'FREQ=MINUTELY' }, 'repeat', /at most hourly/],
      [{ repeat: 'FREQ=WEEKLY;BYDAY=XX' }, 'repeat', /not a valid RRULE/],
      [{ time_zone: 'Europe/Atlantis' }, 'time_zone', /not a time zone/],
      [{ record_object: 'company' }, 'record_id', /both the object and the record/],
      [{ record_object: 'company', record_id: 987654 }, 'record_id', /no company with id 987654/],
      [{ at: '99999-01-01T00:00:00.000Z' }, 'at', /./],
    ];
    for (const [values, field, message] of cases) {
      await expectNothingWritten(
        env,
        async () => {
          const refused = await env().api(
            'POST',
            '/api/records/reminder',
            { ...base, ...values },
            me.account.session,
          );
          expectError(refused, 400, 'validation_failed', new RegExp(`${field}: .*${message.source}`));
        },
        tables,
      );
    }
  });
});
