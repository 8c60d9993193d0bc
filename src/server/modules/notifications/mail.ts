import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Locale } from '../../../shared/metadata/types.ts';
import type { AppConfig } from '../../config.ts';
import { escapeHtml, texts } from './messages.ts';

/** One mail, ready to send: both parts already in the recipient's language. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Derived from what the mail is about, so a resend is recognisably the same message. */
  messageId: string;
  /** When what it tells happened: a resend carries the same date. */
  date: Date;
  /** The file name under `<data dir>/mail/` when no SMTP server is configured. */
  fileName: string;
}

/**
 * Timeouts well under the job queue's five-minute lease: a hung server fails the attempt (and
 * the queue retries it) before another worker could take the job over and send it twice.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/**
 * Sends a mail through KARTOTEKA_SMTP_URL, or, without one, writes it as an .eml file under
 * `<data dir>/mail/` (a fresh installation works and an administrator can read what would have
 * gone out). The file is named after the notification and written whole or not at all
 * (temporary file, then rename), so a resend replaces it rather than adding a second one.
 */
export async function sendMail(config: AppConfig, mail: OutgoingMail): Promise<void> {
  const message = {
    from: config.mailFrom,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    date: mail.date,
    // RFC 3834: an automatic message; out-of-office replies are not sent back to it.
    headers: { 'Auto-Submitted': 'auto-generated' },
  };
  if (config.smtpUrl) {
    // Not pooled: a mail job is rare enough, and nothing stays open between jobs or after tests.
    const transport = nodemailer.createTransport({ url: config.smtpUrl, ...SMTP_TIMEOUTS });
    try {
      await transport.sendMail(message);
    } finally {
      transport.close();
    }
    return;
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = await transport.sendMail(message);
  if (!Buffer.isBuffer(info.message)) throw new Error('the mail was not composed into a buffer');
  const directory = path.join(config.dataDir, 'mail');
  await mkdir(directory, { recursive: true });
  const file = path.join(directory, mail.fileName);
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, info.message);
  await rename(partial, file);
}

/** The domain part of the sender's address: what Message-IDs of this installation end with. */
export function mailDomain(config: Pick<AppConfig, 'mailFrom'>): string {
  const address = /<([^<>]+)>\s*$/.exec(config.mailFrom)?.[1] ?? config.mailFrom;
  return address.split('@')[1]?.trim().toLowerCase() || 'localhost';
}

/** Where links in mails point: KARTOTEKA_PUBLIC_URL, else this server on localhost. */
export function publicBase(config: Pick<AppConfig, 'publicUrl' | 'port' | 'tls'>): string {
  return config.publicUrl ?? `${config.tls ? 'https' : 'http'}://localhost:${config.port}`;
}

export function recordLink(config: AppConfig, object: string, recordId: number): string {
  return `${publicBase(config)}/records/${encodeURIComponent(object)}/${recordId}`;
}

export interface MailEntry {
  title: string;
  body: string;
  link: string;
}

/**
 * Text and HTML of a mail holding one or more entries. Every value a user wrote is escaped
 * for the HTML part: a note's `<script>` arrives as text, never as markup.
 */
export function composeBody(
  locale: Locale,
  intro: string | null,
  entries: MailEntry[],
): { text: string; html: string } {
  const t = texts(locale);
  const textParts = entries.map((entry) =>
    [entry.title, entry.body, `${t.open}: ${entry.link}`].filter((line) => line !== '').join('\n'),
  );
  const text = [...(intro ? [intro] : []), ...textParts, `-- \n${t.footer}`].join('\n\n');
  const htmlEntries = entries
    .map(
      (entry) =>
        `<h2 style="font-size:16px;margin:16px 0 4px">${escapeHtml(entry.title)}</h2>` +
        (entry.body ? `<p style="margin:0 0 4px;white-space:pre-line">${escapeHtml(entry.body)}</p>` : '') +
        `<p style="margin:0"><a href="${escapeHtml(entry.link)}">${escapeHtml(t.open)}</a></p>`,
    )
    .join('\n');
  const html = [
    '<!doctype html>',
    `<html lang="${locale}"><head><meta charset="utf-8"></head>`,
    '<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1b1e">',
    ...(intro ? [`<p>${escapeHtml(intro)}</p>`] : []),
    htmlEntries,
    `<hr style="border:none;border-top:1px solid #ddd;margin-top:24px"><p style="font-size:12px;color:#666">${escapeHtml(t.footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { text, html };
}
