import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIPv6 } from 'node:net';
import path from 'node:path';
import { domainToASCII } from 'node:url';
import { Cron } from 'croner';
import { z } from 'zod';

/** Thrown when the environment holds a value the server cannot start with. */
export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const booleanFlag = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'].includes(v), {
    message: 'must be one of 1, 0, true, false, yes, no, on, off',
  })
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

/** A host name or IP literal with an optional port, as in a Host header. */
export interface HostPort {
  /** Lower case, IDN in punycode (xn--…), IPv6 in brackets, no trailing dot. */
  hostname: string;
  port: number | undefined;
}

const DNS_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Parses `host`, `host:port` or `[v6]:port`; null for anything else (a scheme, a path, a bad name). */
export function parseHostPort(value: string): HostPort | null {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!match?.[1]) return null;
  const port = match[2] === undefined ? undefined : Number(match[2]);
  if (port !== undefined && (port < 1 || port > 65535)) return null;
  if (match[1].startsWith('[')) {
    const hostname = match[1].toLowerCase();
    return isIPv6(hostname.slice(1, -1)) ? { hostname, port } : null;
  }
  // Letters of any script (an IDN), digits, dots and hyphens only: domainToASCII would quietly
  // cut `crm.example.com/path` down to the host.
  if (!/^[\p{L}\p{M}\p{N}.-]+$/u.test(match[1])) return null;
  // domainToASCII lower-cases, turns an IDN into punycode and answers '' for an invalid name.
  const hostname = domainToASCII(match[1].replace(/\.$/, ''));
  if (hostname === '' || !hostname.split('.').every((label) => DNS_LABEL.test(label))) return null;
  return { hostname, port };
}

const publicUrl = z
  .string()
  .trim()
  .transform((value, ctx) => {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    const host = url ? parseHostPort(url.host) : null;
    if (
      !url ||
      !host ||
      !['http:', 'https:'].includes(url.protocol) ||
      url.username ||
      url.password ||
      url.pathname !== '/' ||
      url.search ||
      url.hash
    ) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be the address users open, like https://crm.example.com (no path, query or login)',
      });
      return z.NEVER;
    }
    return { origin: url.origin, host };
  });

const hostList = z.string().transform((value, ctx) => {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const parsed = entries.map(parseHostPort);
  const bad = entries.filter((_entry, index) => parsed[index] === null);
  if (entries.length === 0 || bad.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `must be host or host:port names separated by commas, without a scheme or path${
        bad.length > 0 ? ` (not valid: ${bad.map((entry) => JSON.stringify(entry)).join(', ')})` : ''
      }`,
    });
    return z.NEVER;
  }
  return parsed.filter((host): host is HostPort => host !== null);
});

const filePath = z.string().trim().min(1, 'must not be empty');

/** Where notification mails go: smtp:// (STARTTLS when offered) or smtps:// (TLS from the start). */
const smtpUrl = z
  .string()
  .trim()
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return ['smtp:', 'smtps:'].includes(url.protocol) && url.hostname !== '';
      } catch {
        return false;
      }
    },
    { message: 'must be an smtp:// or smtps:// URL, like smtp://user:password@mail.example.com:587' },
  );

/** `Name <address>` or a bare address: the sender of notification mails. */
const mailFrom = z
  .string()
  .trim()
  .refine((value) => /^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(value), {
    message: 'must be an e-mail address, optionally with a name: Kartoteka <crm@example.com>',
  });

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isCronExpression(expression: string): boolean {
  if (expression === 'off') return true;
  try {
    new Cron(expression, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

const envSchema = z.object({
  PORT: z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  HOST: z.string().trim().min(1, 'must not be empty').default('127.0.0.1'),
  KARTOTEKA_DATA: z.string().trim().min(1, 'must not be empty').default('./data'),
  DATABASE_URL: z
    .string()
    .trim()
    .refine((v) => v === '' || /^postgres(ql)?:\/\/.+/.test(v), {
      message: 'must be a postgres:// or postgresql:// URL (leave it unset for the embedded SQLite database)',
    })
    .optional(),
  KARTOTEKA_ADMIN_PASSWORD: z
    .string()
    .min(12, 'must be at least 12 characters long')
    .max(200, 'must be at most 200 characters long')
    .optional(),
  KARTOTEKA_DEMO: booleanFlag.optional(),
  KARTOTEKA_COUNTRY: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code (ISO 3166-1), like PL or HU')
    .transform((code) => code.toUpperCase())
    .default('PL'),
  KARTOTEKA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KARTOTEKA_SESSION_HOURS: z.coerce
    .number({ message: 'must be a number of hours' })
    .positive('must be a positive number of hours')
    .max(24 * 90, 'must be at most 2160 hours (90 days)')
    .default(12),
  KARTOTEKA_TRUST_PROXY: booleanFlag.optional(),
  KARTOTEKA_PUBLIC_URL: publicUrl.optional(),
  KARTOTEKA_ALLOWED_HOSTS: hostList.optional(),
  KARTOTEKA_TLS_CERT: filePath.optional(),
  KARTOTEKA_TLS_KEY: filePath.optional(),
  KARTOTEKA_TLS_CLIENT_CA: filePath.optional(),
  KARTOTEKA_SMTP_URL: smtpUrl.optional(),
  KARTOTEKA_MAIL_FROM: mailFrom.default('Kartoteka <kartoteka@localhost>'),
  KARTOTEKA_TIME_ZONE: z
    .string()
    .trim()
    .refine(isTimeZone, { message: 'must be an IANA time zone, like Europe/Warsaw or Europe/Budapest' })
    .default('Europe/Warsaw'),
  KARTOTEKA_BACKUP_CRON: z
    .string()
    .trim()
    .refine(isCronExpression, {
      message: 'must be a cron expression, like "0 2 * * *" (02:00 every day), or "off"',
    })
    .default('0 2 * * *'),
  KARTOTEKA_BACKUP_DIR: z.string().trim().min(1, 'must not be empty').optional(),
  KARTOTEKA_BACKUP_KEEP: z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(10_000, 'must be at most 10000')
    .default(14),
  KARTOTEKA_METRICS_TOKEN: z
    .string()
    .trim()
    .min(16, 'must be at least 16 characters long (it guards /metrics)')
    .optional(),
});

/** PEM contents for serving HTTPS directly, read and checked at start. */
export interface TlsConfig {
  cert: Buffer;
  key: Buffer;
  /** Set: every client must present a certificate signed by this CA (mutual TLS). */
  clientCa: Buffer | undefined;
}

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  adminPassword: string | undefined;
  demo: boolean;
  logLevel: z.infer<typeof envSchema>['KARTOTEKA_LOG_LEVEL'];
  sessionTtlMs: number;
  trustProxy: boolean;
  /** KARTOTEKA_PUBLIC_URL as an origin (https://crm.example.com), when set. */
  publicUrl: string | undefined;
  /**
   * Host names requests may be addressed to (DNS rebinding defence): the public URL's host and
   * KARTOTEKA_ALLOWED_HOSTS. Empty when neither is set; see http/allowed-hosts.ts for what then.
   */
  allowedHosts: HostPort[];
  /** Set: the server speaks HTTPS itself (KARTOTEKA_TLS_CERT + KARTOTEKA_TLS_KEY). */
  tls: TlsConfig | undefined;
  /**
   * KARTOTEKA_COUNTRY (default PL): where most clients are; a phone number typed without its
   * country code on a record that names no country is read as this country's.
   */
  country: string;
  /**
   * KARTOTEKA_SMTP_URL: the mail server notification mails go through. Unset, they are
   * written as .eml files under `<dataDir>/mail/`, so a fresh installation works without one.
   */
  smtpUrl: string | undefined;
  /** KARTOTEKA_MAIL_FROM: the sender of notification mails (default `Kartoteka <kartoteka@localhost>`). */
  mailFrom: string;
  /**
   * KARTOTEKA_METRICS_TOKEN: a Prometheus server elsewhere scrapes `/metrics` with it as a
   * bearer token; unset, only a scraper on this machine (loopback, not through a proxy) may.
   */
  metricsToken: string | undefined;
  /** KARTOTEKA_TIME_ZONE: where the company works; schedules (the daily backup) follow its clock. */
  timeZone: string;
  backup: {
    /** When the automatic backup runs (cron, in `timeZone`); null: never (`off`). */
    cron: string | null;
    dir: string;
    /** How many of the newest backup files stay; older ones are deleted after each backup. */
    keep: number;
  };
}

export interface ConfigDefaults {
  /** `npm start` turns the demo data on unless KARTOTEKA_DEMO says otherwise. */
  demo?: boolean;
}

/** Quotes a bad value for the error message without printing secrets. */
function shown(name: string, value: string): string {
  if (name === 'KARTOTEKA_ADMIN_PASSWORD' || name === 'KARTOTEKA_METRICS_TOKEN') return '(hidden)';
  return JSON.stringify(value.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@'));
}

/** Reads and validates the configuration; every bad value is reported at once, by variable name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, defaults: ConfigDefaults = {}): AppConfig {
  const present = Object.fromEntries(
    Object.keys(envSchema.shape)
      .filter((key) => env[key] !== undefined && (env[key] !== '' || key === 'DATABASE_URL'))
      .map((key) => [key, env[key]]),
  );
  const parsed = envSchema.safeParse(present);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        return `${name}=${shown(name, String(present[name] ?? ''))}: ${issue.message}`;
      });
  const tls = readTls(present, problems);
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const values = parsed.data;
  const dataDir = path.resolve(values.KARTOTEKA_DATA);
  const database: DatabaseConfig = values.DATABASE_URL
    ? { kind: 'postgres', url: values.DATABASE_URL }
    : { kind: 'sqlite', file: path.join(dataDir, 'kartoteka.db') };
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir,
    database,
    adminPassword: values.KARTOTEKA_ADMIN_PASSWORD,
    demo: values.KARTOTEKA_DEMO ?? defaults.demo ?? false,
    country: values.KARTOTEKA_COUNTRY,
    logLevel: values.KARTOTEKA_LOG_LEVEL,
    sessionTtlMs: values.KARTOTEKA_SESSION_HOURS * 3600_000,
    trustProxy: values.KARTOTEKA_TRUST_PROXY ?? false,
    publicUrl: values.KARTOTEKA_PUBLIC_URL?.origin,
    allowedHosts: [
      ...(values.KARTOTEKA_PUBLIC_URL ? [values.KARTOTEKA_PUBLIC_URL.host] : []),
      ...(values.KARTOTEKA_ALLOWED_HOSTS ?? []),
    ],
    tls,
    smtpUrl: values.KARTOTEKA_SMTP_URL,
    mailFrom: values.KARTOTEKA_MAIL_FROM,
    metricsToken: values.KARTOTEKA_METRICS_TOKEN,
    timeZone: values.KARTOTEKA_TIME_ZONE,
    backup: {
      cron: values.KARTOTEKA_BACKUP_CRON === 'off' ? null : values.KARTOTEKA_BACKUP_CRON,
      dir: path.resolve(dataDir, values.KARTOTEKA_BACKUP_DIR ?? 'backups'),
      keep: values.KARTOTEKA_BACKUP_KEEP,
    },
  };
}

type TlsVariable = 'KARTOTEKA_TLS_CERT' | 'KARTOTEKA_TLS_KEY' | 'KARTOTEKA_TLS_CLIENT_CA';

/**
 * Reads the TLS files and checks that they are what they claim to be, so that a wrong path,
 * a swapped key or a mismatched pair stops the start with the variable's name rather than
 * failing at the first connection.
 */
function readTls(present: Record<string, unknown>, problems: string[]): TlsConfig | undefined {
  const fileOf = (name: TlsVariable) => {
    const value = present[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const certFile = fileOf('KARTOTEKA_TLS_CERT');
  const keyFile = fileOf('KARTOTEKA_TLS_KEY');
  const caFile = fileOf('KARTOTEKA_TLS_CLIENT_CA');
  if (!certFile && !keyFile && !caFile) return undefined;
  const before = problems.length;
  if (certFile && !keyFile)
    problems.push(
      'KARTOTEKA_TLS_KEY: must be set when KARTOTEKA_TLS_CERT is (the private key of that certificate)',
    );
  if (keyFile && !certFile)
    problems.push('KARTOTEKA_TLS_CERT: must be set when KARTOTEKA_TLS_KEY is (the certificate of that key)');
  if (caFile && !certFile)
    problems.push(
      'KARTOTEKA_TLS_CLIENT_CA: needs KARTOTEKA_TLS_CERT and KARTOTEKA_TLS_KEY; client certificates are checked only when the server speaks HTTPS itself',
    );
  const read = <T>(name: TlsVariable, file: string | undefined, parse: (pem: Buffer) => T, what: string) => {
    if (!file) return undefined;
    let pem: Buffer;
    try {
      pem = readFileSync(path.resolve(file));
    } catch (error) {
      problems.push(`${name}=${shown(name, file)}: cannot be read (${(error as Error).message})`);
      return undefined;
    }
    try {
      return { pem, parsed: parse(pem) };
    } catch (error) {
      problems.push(`${name}=${shown(name, file)}: is not ${what} (${(error as Error).message})`);
      return undefined;
    }
  };
  const cert = read('KARTOTEKA_TLS_CERT', certFile, (pem) => new X509Certificate(pem), 'a PEM certificate');
  const key = read(
    'KARTOTEKA_TLS_KEY',
    keyFile,
    (pem): KeyObject => createPrivateKey(pem),
    'an unencrypted PEM private key',
  );
  const ca = read(
    'KARTOTEKA_TLS_CLIENT_CA',
    caFile,
    (pem) => new X509Certificate(pem),
    'a PEM CA certificate',
  );
  if (cert && key && !cert.parsed.checkPrivateKey(key.parsed)) {
    problems.push(
      `KARTOTEKA_TLS_KEY=${shown('KARTOTEKA_TLS_KEY', keyFile ?? '')}: is not the private key of the certificate in KARTOTEKA_TLS_CERT`,
    );
  }
  if (problems.length > before || !cert || !key) return undefined;
  return { cert: cert.pem, key: key.pem, clientCa: ca?.pem };
}
