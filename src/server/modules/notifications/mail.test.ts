import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import {
  caseRole,
  jobsNamed,
  openCase,
  post,
  settle,
  staffMember,
  storedNotifications,
} from '../../../../test/notification-fixtures.ts';
import { ConfigError, loadConfig } from '../../config.ts';
import { DIGEST_JOB, MAIL_JOB } from './kinds.ts';
import { mailDomain, publicBase } from './mail.ts';
import { sendNotificationMail } from './send.ts';

interface Delivery {
  messageId: string;
  subject: string;
  to: string;
  date: string;
  text: string;
  html: string;
  contentType: string;
  autoSubmitted: string;
}

async function parse(raw: Buffer): Promise<Delivery> {
  const mail = await simpleParser(raw);
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  return {
    messageId: mail.messageId ?? '',
    subject: mail.subject ?? '',
    to: to?.value[0]?.address ?? '',
    date: mail.date?.toISOString() ?? '',
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : '',
    contentType: String(
      mail.headers.get('content-type') ? (mail.headers.get('content-type') as { value: string }).value : '',
    ),
    autoSubmitted: String(mail.headers.get('auto-submitted') ?? ''),
  };
}

/**
 * A real SMTP server on loopback that keeps what it accepts, and refuses once, with a temporary
 * error (451) as a busy mail server does, the message `refuseOnce` picks.
 */
class TestMailServer {
  readonly raw: Buffer[] = [];
  refuseOnce: ((raw: string) => boolean) | null = null;
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, _session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        if (this.refuseOnce?.(raw.toString('utf8'))) {
          this.refuseOnce = null;
          callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
          return;
        }
        this.raw.push(raw);
        callback();
      });
    },
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  async deliveries(): Promise<Delivery[]> {
    return Promise.all(this.raw.map(parse));
  }

  /** Deliveries of one notification's mail, recognised by its Message-ID. */
  async of(notificationId: number): Promise<Delivery[]> {
    return (await this.deliveries()).filter((d) =>
      d.messageId.startsWith(`<notification.${notificationId}.`),
    );
  }
}

describe.each(DIALECTS)('notification mail (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  const smtp = new TestMailServer();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kartoteka-mail-'));
  let smtpUrl = '';
  let role = 0;
  beforeAll(async () => {
    await settle(env);
    role = await caseRole(env, 'all');
    smtpUrl = await smtp.start();
    Object.assign(env().services.config, { smtpUrl, dataDir, publicUrl: 'https://crm.example.test' });
  });
  afterAll(async () => {
    await smtp.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const runJobs = async () => {
    while ((await env().services.jobs.runDue()) > 0) {
      // until nothing is due
    }
  };
  /** A stage on a new case led by `lead`; returns the lead's notification of it. */
  const notifiedStage = async (
    leadEmployee: number,
    leadAccount: number,
    note: string,
    topic = 'Mail case',
  ) => {
    const watched = await openCase(env, topic, leadEmployee);
    const stage = await post(env, 'case_stage', { case: watched.id, at: new Date().toISOString(), note });
    await settle(env);
    const row = (await storedNotifications(env, 'case_stage', stage.id)).find(
      (r) => Number(r.recipient_id) === leadAccount,
    );
    if (!row) throw new Error('no notification');
    return { id: Number(row.id), stageId: stage.id };
  };
  const makeDue = (name: string) =>
    env()
      .services.dialect.db.updateTable('job')
      .set({ run_at: new Date(Date.now() - 1000).toISOString() })
      .where('name', '=', name)
      .where('status', '=', 'queued')
      .execute();
  /** As if the worker that claimed the job died: its lease is over, another worker takes it. */
  const workerDied = (notificationId: number) =>
    env()
      .services.dialect.db.updateTable('job')
      .set({
        status: 'running',
        locked_by: 'dead-worker',
        locked_until: new Date(Date.now() - 1000).toISOString(),
        finished_at: null,
      })
      .where('unique_key', '=', `mail:${notificationId}`)
      .execute();

  it('sends a multipart mail in the recipient’s language, with every user value escaped and a link back', async () => {
    const lead = await staffMember(env, role, { locale: 'pl', email: 'lena@example.test' });
    const { id, stageId } = await notifiedStage(
      lead.employeeId,
      lead.account.id,
      'Cena <b>1000 zł</b> & <script>alert(1)</script>',
      'Regały & <Co>',
    );
    await runJobs();
    const [mail, ...more] = await smtp.of(id);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({
      to: 'lena@example.test',
      subject: 'Nowy etap w sprawie „Regały & <Co>”',
      contentType: 'multipart/alternative',
      autoSubmitted: 'auto-generated',
    });
    const link = `https://crm.example.test/records/case_stage/${stageId}`;
    expect(mail?.text).toContain('Cena <b>1000 zł</b> & <script>alert(1)</script>');
    expect(mail?.text).toContain(`Otwórz w Kartotece: ${link}`);
    expect(mail?.html).toContain(
      'Cena &lt;b&gt;1000 zł&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;',
    );
    expect(mail?.html).not.toMatch(/<script|<b>/);
    expect(mail?.html).toContain(`<a href="${link}">Otwórz w Kartotece</a>`);
    expect(mail?.html).toContain('<html lang="pl">');
    const [stored] = await env()
      .services.dialect.db.selectFrom('notification')
      .select('mailed_at')
      .where('id', '=', id)
      .execute();
    expect(stored?.mailed_at).not.toBeNull();
  });

  it('retries a mail the server refused, with the queue’s backoff', async () => {
    const lead = await staffMember(env, role);
    const { id } = await notifiedStage(lead.employeeId, lead.account.id, 'Refused once');
    smtp.refuseOnce = (raw) => raw.includes(`Message-ID: <notification.${id}.`);
    await runJobs();
    expect(smtp.refuseOnce).toBeNull();
    expect(await smtp.of(id)).toEqual([]);
    const [job] = (await jobsNamed(env, MAIL_JOB)).filter((j) => j.unique_key === `mail:${id}`);
    expect(job).toMatchObject({ status: 'queued', attempts: 1 });
    expect(String(job?.last_error)).toMatch(/451|try again/i);
    expect(Date.parse(String(job?.run_at))).toBeGreaterThan(Date.now());
    // Its retry time has come (set rather than waited for).
    await makeDue(MAIL_JOB);
    await runJobs();
    expect(await smtp.of(id)).toHaveLength(1);
    const [done] = (await jobsNamed(env, MAIL_JOB)).filter((j) => j.unique_key === `mail:${id}`);
    expect(done?.status).toBe('done');
  });

  it('sends nothing twice after a restart in the middle of sending, and a resend is the same message', async () => {
    const lead = await staffMember(env, role);
    // Died after the mail went and was marked sent, before the job was marked done.
    const first = await notifiedStage(lead.employeeId, lead.account.id, 'Crash after marking');
    await sendNotificationMail(env().services, first.id);
    await workerDied(first.id);
    await runJobs();
    expect(await smtp.of(first.id)).toHaveLength(1);
    expect((await jobsNamed(env, MAIL_JOB)).find((j) => j.unique_key === `mail:${first.id}`)?.status).toBe(
      'done',
    );

    // Died between the server's "accepted" and marking it sent: nobody can know it went, so it
    // goes again — as the same message (Message-ID and date), which mail systems recognise.
    const second = await notifiedStage(lead.employeeId, lead.account.id, 'Crash before marking');
    await runJobs();
    await env()
      .services.dialect.db.updateTable('notification')
      .set({ mailed_at: null })
      .where('id', '=', second.id)
      .execute();
    await workerDied(second.id);
    await runJobs();
    const resent = await smtp.of(second.id);
    expect(resent).toHaveLength(2);
    expect(new Set(resent.map((d) => d.messageId)).size).toBe(1);
    expect(new Set(resent.map((d) => d.date)).size).toBe(1);
    expect(resent[0]?.messageId).toMatch(new RegExp(`^<notification\\.${second.id}\\.[0-9a-z]+@localhost>$`));
  });

  it('writes an .eml file under the data directory when no SMTP server is configured', async () => {
    const config = env().services.config;
    config.smtpUrl = undefined;
    try {
      const lead = await staffMember(env, role, { locale: 'hu', email: 'hanna@example.test' });
      const { id, stageId } = await notifiedStage(lead.employeeId, lead.account.id, 'Fájlba');
      await runJobs();
      const file = path.join(dataDir, 'mail', `notification-${id}.eml`);
      expect(existsSync(file)).toBe(true);
      const mail = await parse(readFileSync(file));
      expect(mail).toMatchObject({ to: 'hanna@example.test', subject: 'Új lépés a(z) „Mail case” ügyben' });
      expect(mail.text).toContain(
        `Megnyitás a Kartotekában: https://crm.example.test/records/case_stage/${stageId}`,
      );
      // Sent again: the same file, replaced, not a second one.
      await env()
        .services.dialect.db.updateTable('notification')
        .set({ mailed_at: null })
        .where('id', '=', id)
        .execute();
      await sendNotificationMail(env().services, id);
      expect(readdirSync(path.join(dataDir, 'mail')).filter((name) => name.includes(`-${id}.`))).toEqual([
        `notification-${id}.eml`,
      ]);
      expect(await smtp.of(id)).toEqual([]);
    } finally {
      config.smtpUrl = smtpUrl;
    }
  });

  it('gathers digest notifications into one mail the next morning', async () => {
    const lead = await staffMember(env, role, { email: 'dora@example.test' });
    const put = await env().api(
      'PUT',
      '/api/notifications/preferences',
      { preferences: [{ kind: 'case.stage', channel: 'digest' }] },
      lead.account.session,
    );
    expect(put.statusCode, put.body).toBe(200);
    const watched = await openCase(env, 'Digest case', lead.employeeId);
    for (const note of ['First of the day', 'Second of the day']) {
      await post(env, 'case_stage', { case: watched.id, at: new Date().toISOString(), note });
      await settle(env);
    }
    await runJobs();
    const digestsOf = async () =>
      (await smtp.deliveries()).filter((d) => d.messageId.startsWith(`<digest.${lead.account.id}.`));
    // Not before its time.
    expect(await digestsOf()).toEqual([]);
    expect((await jobsNamed(env, DIGEST_JOB)).filter((j) => j.status === 'queued')).toHaveLength(1);
    await makeDue(DIGEST_JOB);
    await runJobs();
    const [digest, ...more] = await digestsOf();
    expect(more).toEqual([]);
    expect(digest?.subject).toMatch(/^Kartoteka: 2 notifications of /);
    expect(digest?.text).toContain('First of the day');
    expect(digest?.text).toContain('Second of the day');
    expect(digest?.html.match(/<h2 /g)).toHaveLength(2);
  });
});

describe('mail settings', () => {
  it('default to .eml files from kartoteka@localhost, with links to this server', () => {
    const config = loadConfig({ PORT: '8080' });
    expect(config).toMatchObject({ smtpUrl: undefined, mailFrom: 'Kartoteka <kartoteka@localhost>' });
    expect(publicBase(config)).toBe('http://localhost:8080');
    expect(mailDomain(config)).toBe('localhost');
    const set = loadConfig({
      KARTOTEKA_SMTP_URL: 'smtps://crm:s3cret@mail.example.com:465',
      KARTOTEKA_MAIL_FROM: 'CRM <crm@Example.com>',
      KARTOTEKA_PUBLIC_URL: 'https://crm.example.com',
    });
    expect(set.smtpUrl).toBe('smtps://crm:s3cret@mail.example.com:465');
    expect(mailDomain(set)).toBe('example.com');
    expect(publicBase(set)).toBe('https://crm.example.com');
  });

  it('refuses a bad server URL or sender by name, without printing the password', () => {
    let error: unknown;
    try {
      loadConfig({ KARTOTEKA_SMTP_URL: 'http://crm:s3cret@mail.example.com', KARTOTEKA_MAIL_FROM: 'nobody' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain(
      'KARTOTEKA_SMTP_URL="http://crm:***@mail.example.com": must be an smtp:// or smtps:// URL',
    );
    expect(problems).toContain('KARTOTEKA_MAIL_FROM="nobody": must be an e-mail address');
    expect(problems).not.toContain('s3cret');
  });
});
