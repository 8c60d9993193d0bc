import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('has working defaults: SQLite in ./data on port 3000, demo off unless the caller turns it on', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', demo: false, adminPassword: undefined });
    expect(config.database).toEqual({ kind: 'sqlite', file: path.resolve('data', 'kartoteka.db') });
    expect(loadConfig({}, { demo: true }).demo).toBe(true);
    expect(loadConfig({ KARTOTEKA_DEMO: '0' }, { demo: true }).demo).toBe(false);
  });

  it('switches to PostgreSQL with DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/crm' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@db:5432/crm',
    });
  });

  it('reports every bad value at once, by name', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        KARTOTEKA_ADMIN_PASSWORD: 'short',
        KARTOTEKA_DEMO: 'maybe',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('PORT="eighty": must be a whole number');
    expect(problems).toContain('DATABASE_URL="mysql://x": must be a postgres://');
    expect(problems).toContain('KARTOTEKA_ADMIN_PASSWORD=(hidden): must be at least 10 characters');
    expect(problems).not.toContain('short');
    expect(problems).toContain('KARTOTEKA_DEMO="maybe"');
  });

  it('does not print the password inside a bad database URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://crm:s3cret@db/crm' })).toThrow(
      /mysql:\/\/crm:\*\*\*@db/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'mysql://crm:s3cret@db/crm' })).not.toThrow(/s3cret/);
  });

  it('refuses a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT="70000": must be between 0 and 65535/);
  });
});
