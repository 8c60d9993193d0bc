import path from 'node:path';
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
    .min(10, 'must be at least 10 characters long')
    .max(200, 'must be at most 200 characters long')
    .optional(),
  KARTOTEKA_DEMO: booleanFlag.optional(),
  KARTOTEKA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KARTOTEKA_SESSION_HOURS: z.coerce
    .number({ message: 'must be a number of hours' })
    .positive('must be a positive number of hours')
    .max(24 * 90, 'must be at most 2160 hours (90 days)')
    .default(12),
  KARTOTEKA_TRUST_PROXY: booleanFlag.optional(),
});

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
}

export interface ConfigDefaults {
  /** `npm start` turns the demo data on unless KARTOTEKA_DEMO says otherwise. */
  demo?: boolean;
}

/** Quotes a bad value for the error message without printing secrets. */
function shown(name: string, value: string): string {
  if (name === 'KARTOTEKA_ADMIN_PASSWORD') return '(hidden)';
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
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        return `${name}=${shown(name, String(present[name] ?? ''))}: ${issue.message}`;
      }),
    );
  }
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
    logLevel: values.KARTOTEKA_LOG_LEVEL,
    sessionTtlMs: values.KARTOTEKA_SESSION_HOURS * 3600_000,
    trustProxy: values.KARTOTEKA_TRUST_PROXY ?? false,
  };
}
