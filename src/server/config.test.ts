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
    // The minimum length is the password policy's business; the point here is the hidden value.
    expect(problems).toMatch(/KARTOTEKA_ADMIN_PASSWORD=\(hidden\): must be at least \d+ characters/);
    expect(problems).not.toContain('short');
    expect(problems).toContain('KARTOTEKA_DEMO="maybe"');
  });

  it('does not print the password inside a bad database URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://crm:s3cret@db/crm' })).toThrow(
      /mysql:\/\/crm:\*\*\*@db/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'mysql://crm:s3cret@db/crm' })).not.toThrow(/s3cret/);
  });

  it('schedules the daily backup at 02:00 in the company time zone into the data folder, keeping 14', () => {
    expect(loadConfig({ KARTOTEKA_DATA: '/srv/crm' })).toMatchObject({
      timeZone: 'Europe/Warsaw',
      backup: { cron: '0 2 * * *', dir: path.resolve('/srv/crm/backups'), keep: 14 },
      metricsToken: undefined,
    });
    const custom = loadConfig({
      KARTOTEKA_TIME_ZONE: 'Europe/Budapest',
      KARTOTEKA_BACKUP_CRON: 'off',
      KARTOTEKA_BACKUP_DIR: '/mnt/backups',
      KARTOTEKA_BACKUP_KEEP: '30',
    });
    expect(custom.timeZone).toBe('Europe/Budapest');
    expect(custom.backup).toEqual({ cron: null, dir: '/mnt/backups', keep: 30 });
  });

  it('refuses a time zone, schedule, rotation or metrics token that cannot work, the token hidden', () => {
    let problems = '';
    try {
      loadConfig({
        KARTOTEKA_TIME_ZONE: 'Europe/Atlantis',
        KARTOTEKA_BACKUP_CRON: 'every night',
        KARTOTEKA_BACKUP_KEEP: '0',
        KARTOTEKA_METRICS_TOKEN: 'tiny-secret',
      });
    } catch (error) {
      problems = (error as ConfigError).problems.join('\n');
    }
    expect(problems).toContain('KARTOTEKA_TIME_ZONE="Europe/Atlantis": must be an IANA time zone');
    expect(problems).toContain('KARTOTEKA_BACKUP_CRON="every night": must be a cron expression');
    expect(problems).toContain('KARTOTEKA_BACKUP_KEEP="0": must be at least 1');
    expect(problems).toContain('KARTOTEKA_METRICS_TOKEN=(hidden): must be at least 16 characters');
    expect(problems).not.toContain('tiny-secret');
  });

  it('refuses a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT="70000": must be between 0 and 65535/);
  });
});

describe('public address and allowed hosts', () => {
  it('has none by default, so the host check follows the listening address', () => {
    expect(loadConfig({})).toMatchObject({ publicUrl: undefined, allowedHosts: [], tls: undefined });
  });

  it('takes the host of KARTOTEKA_PUBLIC_URL and every KARTOTEKA_ALLOWED_HOSTS entry, normalised', () => {
    const config = loadConfig({
      KARTOTEKA_PUBLIC_URL: 'https://CRM.Example.com/',
      KARTOTEKA_ALLOWED_HOSTS: ' 10.0.0.5:3000 , bücher.example,, [::1]:8443,crm.internal.',
    });
    expect(config.publicUrl).toBe('https://crm.example.com');
    expect(config.allowedHosts).toEqual([
      { hostname: 'crm.example.com', port: undefined },
      { hostname: '10.0.0.5', port: 3000 },
      { hostname: 'xn--bcher-kva.example', port: undefined },
      { hostname: '[::1]', port: 8443 },
      { hostname: 'crm.internal', port: undefined },
    ]);
    // A default port is no port: the browser leaves it out of the Host header.
    expect(loadConfig({ KARTOTEKA_PUBLIC_URL: 'https://crm.example.com:443' }).allowedHosts).toEqual([
      { hostname: 'crm.example.com', port: undefined },
    ]);
    expect(loadConfig({ KARTOTEKA_PUBLIC_URL: 'http://crm.example.com:8080' }).allowedHosts).toEqual([
      { hostname: 'crm.example.com', port: 8080 },
    ]);
  });

  it.each([
    ['crm.example.com', 'no scheme'],
    ['ftp://crm.example.com', 'not http(s)'],
    ['https://crm.example.com/kartoteka', 'a path'],
    ['https://crm.example.com/?x=1', 'a query'],
    ['https://admin:secret@crm.example.com', 'a login'],
  ])('refuses KARTOTEKA_PUBLIC_URL=%s (%s)', (value) => {
    expect(() => loadConfig({ KARTOTEKA_PUBLIC_URL: value })).toThrow(
      /KARTOTEKA_PUBLIC_URL=".*": must be the address users open/,
    );
  });

  it.each([
    ['https://crm.example.com'],
    ['crm.example.com/path'],
    ['crm.example.com:0'],
    ['crm.example.com:70000'],
    ['crm_example.com'],
    ['[not-ipv6]:80'],
    [' , '],
  ])('refuses KARTOTEKA_ALLOWED_HOSTS=%j, naming the variable', (value) => {
    expect(() => loadConfig({ KARTOTEKA_ALLOWED_HOSTS: value })).toThrow(
      /KARTOTEKA_ALLOWED_HOSTS=".*": must be host or host:port names separated by commas/,
    );
  });

  it('names the bad entries among good ones', () => {
    expect(() => loadConfig({ KARTOTEKA_ALLOWED_HOSTS: 'crm.example.com,http://x,ok.example' })).toThrow(
      /not valid: "http:\/\/x"/,
    );
  });
});
