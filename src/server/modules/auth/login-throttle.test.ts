import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createUser, freshAddress, login, securityEvents } from '../../../../test/auth-fixtures.ts';
import { createTestDatabase, DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { ADMIN_PASSWORD, useTestEnv } from '../../../../test/harness.ts';
import { SESSION_COOKIE } from '../../access/sessions.ts';
import { lockedFor, recordFailure, THROTTLE, throttleKeys } from '../../access/throttle.ts';
import { migrateToLatest, openDatabase } from '../../db/database.ts';
import { unlockCommand } from './unlock-command.ts';

const CLI = path.resolve(import.meta.dirname, '../../cli.ts');

async function failTimes(
  env: Parameters<typeof login>[0],
  name: string,
  remoteAddress: string,
  times: number,
) {
  for (let attempt = 0; attempt < times; attempt++) {
    expectError(await login(env, name, 'wrong-password', { remoteAddress }), 401, 'invalid_credentials');
  }
}

describe.each(DIALECTS)('login throttle (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('locks a login at the address that failed 5 times, not at another address', async () => {
    const password = 'a-good-long-password';
    const user = await createUser(env, password);
    const attacker = freshAddress();
    const owner = freshAddress();
    await failTimes(env, user.login, attacker, THROTTLE.maxFailuresPerLogin);
    // At the attacker's address even the right password is refused, with Retry-After.
    const locked = await login(env, user.login, password, { remoteAddress: attacker });
    expectError(locked, 429, 'too_many_requests', /try again in \d+ min/);
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(THROTTLE.lockMs / 1000);
    expect(locked.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    // Case and surrounding spaces do not make another login.
    expectError(
      await login(env, ` ${user.login.toUpperCase()} `, password, { remoteAddress: attacker }),
      429,
      'too_many_requests',
    );
    // The owner, from their own address, still logs in.
    const fromOwner = await login(env, user.login, password, { remoteAddress: owner });
    expect(fromOwner.statusCode, fromOwner.body).toBe(200);

    const events = await securityEvents(env, user.login);
    expect(events.filter((e) => e.kind === 'login_failed')).toHaveLength(THROTTLE.maxFailuresPerLogin);
    expect(events.filter((e) => e.kind === 'login_failed').every((e) => e.ip === attacker)).toBe(true);
    expect(events.filter((e) => e.kind === 'lockout')).toEqual([
      { kind: 'lockout', accountId: user.id, ip: attacker, details: { scope: 'login' } },
    ]);
    expect(events.at(-1)).toMatchObject({ kind: 'login', accountId: user.id, ip: owner });
  });

  it('keeps `admin` reachable however often others fail at it', async () => {
    for (let address = 0; address < 3; address++) {
      await failTimes(env, 'admin', freshAddress(), THROTTLE.maxFailuresPerLogin);
    }
    const response = await login(env, 'admin', ADMIN_PASSWORD, { remoteAddress: freshAddress() });
    expect(response.statusCode, response.body).toBe(200);
  });

  it('locks an address that fails at many logins, for every login', async () => {
    const password = 'address-limit-password';
    const user = await createUser(env, password);
    const remoteAddress = freshAddress();
    for (let attempt = 0; attempt < THROTTLE.maxFailuresPerAddress; attempt++) {
      // A different made-up login each time: no login+address key reaches its own limit.
      await login(env, `nobody-${attempt}-${Date.now().toString(36)}`, 'wrong-password', { remoteAddress });
    }
    expectError(await login(env, user.login, password, { remoteAddress }), 429, 'too_many_requests');
    expect((await login(env, user.login, password, { remoteAddress: freshAddress() })).statusCode).toBe(200);
  });

  it('locks an unknown login the same way, with the same answer', async () => {
    const password = 'another-good-password';
    const user = await createUser(env, password);
    const ghost = `ghost-${dialect}-${Date.now().toString(36)}`;
    const remoteAddress = freshAddress();
    for (let attempt = 0; attempt < THROTTLE.maxFailuresPerLogin; attempt++) {
      expectError(
        await login(env, user.login, 'wrong-password', { remoteAddress }),
        401,
        'invalid_credentials',
      );
      expectError(await login(env, ghost, 'wrong-password', { remoteAddress }), 401, 'invalid_credentials');
    }
    const known = await login(env, user.login, password, { remoteAddress });
    const unknown = await login(env, ghost, password, { remoteAddress });
    const knownError = expectError(known, 429, 'too_many_requests');
    const unknownError = expectError(unknown, 429, 'too_many_requests');
    expect({ code: unknownError.code, message: unknownError.message }).toEqual({
      code: knownError.code,
      message: knownError.message,
    });
    expect(unknown.headers['retry-after']).toBeDefined();
    expect(
      Math.abs(Number(unknown.headers['retry-after']) - Number(known.headers['retry-after'])),
    ).toBeLessThanOrEqual(2);
  });

  // Failures that arrive together must all count, and a later one must not lift a lock
  // that an earlier one set: otherwise parallel guessing gets around the lockout.
  it('counts failed logins that arrive at the same time', async () => {
    const password = 'parallel-good-password';
    const user = await createUser(env, password);
    const remoteAddress = freshAddress();
    const attempts = await Promise.all(
      Array.from({ length: THROTTLE.maxFailuresPerLogin * 2 }, () =>
        login(env, user.login, 'wrong-password', { remoteAddress }),
      ),
    );
    for (const attempt of attempts) expectError(attempt, 401, 'invalid_credentials');
    expectError(await login(env, user.login, password, { remoteAddress }), 429, 'too_many_requests');
  });

  it('does not lock other logins', async () => {
    const password = 'third-good-password';
    const locked = await createUser(env, password);
    const other = await createUser(env, password);
    const remoteAddress = freshAddress();
    await failTimes(env, locked.login, remoteAddress, THROTTLE.maxFailuresPerLogin);
    expect((await login(env, locked.login, password, { remoteAddress })).statusCode).toBe(429);
    expect((await login(env, other.login, password, { remoteAddress })).statusCode).toBe(200);
  });

  it('`user unlock` clears the login’s locks at every address, and only that login’s', async () => {
    const password = 'unlock-me-password';
    const user = await createUser(env, password);
    // A login that starts with the same letters keeps its lock.
    const neighbour = `${user.login}x`;
    const [first, second] = [freshAddress(), freshAddress()];
    await failTimes(env, user.login, first, THROTTLE.maxFailuresPerLogin);
    await failTimes(env, user.login, second, THROTTLE.maxFailuresPerLogin);
    await failTimes(env, neighbour, first, THROTTLE.maxFailuresPerLogin);
    for (const address of [first, second]) {
      expect((await login(env, user.login, password, { remoteAddress: address })).statusCode).toBe(429);
    }
    const printed: string[] = [];
    const code = await unlockCommand(env().databaseConfig, user.login.toUpperCase(), {
      out: (text) => printed.push(text),
      err: (text) => printed.push(text),
    });
    expect(code).toBe(0);
    expect(printed.join('')).toMatch(/^Unlocked ".+" at 2 addresses\.$/m);
    for (const address of [first, second]) {
      expect((await login(env, user.login, password, { remoteAddress: address })).statusCode).toBe(200);
    }
    expect((await login(env, neighbour, password, { remoteAddress: first })).statusCode).toBe(429);
    expect((await securityEvents(env, user.login)).filter((e) => e.kind === 'unlock')).toEqual([
      { kind: 'unlock', accountId: user.id, ip: null, details: { cleared: 2, by: 'command line' } },
    ]);
  });

  it('runs `kartoteka user unlock <login>` from the command line', async () => {
    const database = await createTestDatabase(dialect);
    try {
      const dialectUnderTest = openDatabase(
        database.config.kind === 'sqlite'
          ? { kind: 'sqlite', file: path.join(path.dirname(database.config.file), 'kartoteka.db') }
          : database.config,
      );
      try {
        await migrateToLatest(dialectUnderTest);
        const keys = throttleKeys('locked-out', '10.0.0.1');
        const now = new Date();
        for (let i = 0; i < THROTTLE.maxFailuresPerLogin; i++) {
          await recordFailure(dialectUnderTest.db, keys.login, THROTTLE.maxFailuresPerLogin, now);
        }
        expect(await lockedFor(dialectUnderTest.db, [keys.login], now)).toBeGreaterThan(0);
        const env: Record<string, string> =
          database.config.kind === 'sqlite'
            ? { KARTOTEKA_DATA: path.dirname(database.config.file) }
            : { DATABASE_URL: database.config.url };
        const result = await run(['user', 'unlock', 'Locked-Out'], env);
        expect(result, result.output).toMatchObject({ code: 0 });
        expect(result.output).toMatch(/Unlocked "locked-out"/);
        expect(await lockedFor(dialectUnderTest.db, [keys.login], new Date())).toBe(0);
      } finally {
        await dialectUnderTest.close();
      }
    } finally {
      await database.drop();
    }
  }, 60_000);
});

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      env: { ...process.env, KARTOTEKA_LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}
