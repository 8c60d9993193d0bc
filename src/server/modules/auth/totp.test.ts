import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import {
  createToken,
  createUser,
  freshAddress,
  login,
  securityEvents,
  sessionOf,
} from '../../../../test/auth-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { type Session, useTestEnv } from '../../../../test/harness.ts';
import { SESSION_COOKIE } from '../../access/sessions.ts';
import { THROTTLE, throttleKeys } from '../../access/throttle.ts';

const STEP_MS = 30_000;

describe.each(DIALECTS)('two-factor login with TOTP (%s)', (dialect) => {
  // The server's clock is ours: codes are made for exactly the time step the server is in.
  let clock = Math.floor(Date.now() / STEP_MS) * STEP_MS + 5_000;
  const env = useTestEnv(dialect, { now: () => new Date(clock) });
  const codeAt = (secret: string, offsetSteps = 0) =>
    generate({ secret, epoch: Math.floor(clock / 1000) + offsetSteps * 30 });

  interface Enrolled {
    login: string;
    id: number;
    password: string;
    secret: string;
    recoveryCodes: string[];
    session: Session;
  }

  /** A new user with two-factor login on, through the routes a browser uses. */
  async function enrolled(password = 'two-factor-password'): Promise<Enrolled> {
    const user = await createUser(env, password);
    const session = sessionOf(await login(env, user.login, password, { remoteAddress: freshAddress() }));
    const setup = await env().api('POST', '/api/auth/totp/setup', undefined, session);
    expect(setup.statusCode, setup.body).toBe(200);
    const { secret } = setup.json<{ secret: string }>();
    const enable = await env().api('POST', '/api/auth/totp/enable', { code: await codeAt(secret) }, session);
    expect(enable.statusCode, enable.body).toBe(200);
    clock += STEP_MS; // the enabling code is spent; the next login needs the next one
    return {
      ...user,
      password,
      secret,
      recoveryCodes: enable.json<{ recoveryCodes: string[] }>().recoveryCodes,
      session,
    };
  }

  it('sets up a pending secret with an otpauth URL and a QR code, active only after a right code', async () => {
    const password = 'pending-secret-password';
    const user = await createUser(env, password);
    const session = sessionOf(await login(env, user.login, password, { remoteAddress: freshAddress() }));
    const setup = await env().api('POST', '/api/auth/totp/setup', undefined, session);
    expect(setup.statusCode, setup.body).toBe(200);
    const body = setup.json<{ secret: string; otpauthUrl: string; qrCode: string }>();
    expect(body.secret).toMatch(/^[A-Z2-7]{32}$/);
    const url = new URL(body.otpauthUrl);
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname)).toBe(`/Kartoteka:${user.login}`);
    expect(url.searchParams.get('secret')).toBe(body.secret);
    expect(url.searchParams.get('issuer')).toBe('Kartoteka');
    expect(body.qrCode).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    expect(
      Buffer.from(body.qrCode.split(',')[1] ?? '', 'base64')
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');

    // Pending is not on: the password alone still logs in.
    expect((await env().api('GET', '/api/auth/totp', undefined, session)).json()).toEqual({
      enabled: false,
      enabledAt: null,
      pending: true,
      recoveryCodesLeft: 0,
    });
    expect((await login(env, user.login, password, { remoteAddress: freshAddress() })).statusCode).toBe(200);

    expectError(
      await env().api('POST', '/api/auth/totp/enable', { code: await codeAt(body.secret, 5) }, session),
      400,
      'invalid_totp',
    );
    expectError(
      await env().api('POST', '/api/auth/totp/enable', { code: 'abcdef' }, session),
      400,
      'invalid_totp',
    );
    expect((await env().api('GET', '/api/auth/totp', undefined, session)).json()).toMatchObject({
      enabled: false,
    });
    const enabled = await env().api(
      'POST',
      '/api/auth/totp/enable',
      { code: await codeAt(body.secret) },
      session,
    );
    expect(enabled.statusCode, enabled.body).toBe(200);
    const codes = enabled.json<{ recoveryCodes: string[] }>().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    // Stored hashed only.
    const stored = await env()
      .services.dialect.db.selectFrom('totp_recovery_code')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    expect(stored).toHaveLength(10);
    const storedText = JSON.stringify(stored);
    for (const code of codes) {
      expect(storedText).not.toContain(code);
      expect(storedText).not.toContain(code.replace('-', ''));
    }
    expect((await env().api('GET', '/api/auth/totp', undefined, session)).json()).toMatchObject({
      enabled: true,
      pending: false,
      recoveryCodesLeft: 10,
    });
    // On is on: a second setup is refused until it is turned off.
    expectError(
      await env().api('POST', '/api/auth/totp/setup', undefined, session),
      409,
      'totp_already_enabled',
    );
    expect((await securityEvents(env, user.login)).map((e) => e.kind)).toContain('totp_enabled');
  });

  it('is changed only from a logged-in session, not with an API token', async () => {
    const token = await createToken(env, 'no-2fa-changes');
    for (const url of ['/api/auth/totp/setup', '/api/auth/totp/enable', '/api/auth/totp/disable']) {
      const response = await env().app.inject({
        method: 'POST',
        url,
        headers: { authorization: `Bearer ${token.token}` },
        payload: { code: '123456' },
      });
      expectError(response, 403, 'forbidden', /session/);
    }
  });

  it('asks for the code after a right password, creates no session until then, and takes each code once', async () => {
    const user = await enrolled();
    const remoteAddress = freshAddress();
    const db = env().services.dialect.db;
    const sessionsBefore = await db
      .selectFrom('session')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();

    const asked = await login(env, user.login, user.password, { remoteAddress });
    const error = expectError(asked, 401, 'totp_required', /code/);
    expect(error.details).toEqual({ methods: ['totp', 'recovery_code'] });
    expect(asked.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    // A wrong password still says only that.
    expectError(
      await login(env, user.login, 'not-the-password', { remoteAddress, totp: await codeAt(user.secret) }),
      401,
      'invalid_credentials',
    );
    expect(await db.selectFrom('session').select('id').where('user_id', '=', user.id).execute()).toEqual(
      sessionsBefore,
    );

    const code = await codeAt(user.secret);
    const loggedIn = await login(env, user.login, user.password, { remoteAddress, totp: code });
    expect(loggedIn.statusCode, loggedIn.body).toBe(200);
    expect((await env().api('GET', '/api/auth/me', undefined, sessionOf(loggedIn))).statusCode).toBe(200);
    // The same code again, still inside its window: refused.
    expectError(
      await login(env, user.login, user.password, { remoteAddress: freshAddress(), totp: code }),
      401,
      'invalid_totp',
    );
    // An older code (the one before, still within the tolerance) is refused after a newer one was used.
    expectError(
      await login(env, user.login, user.password, {
        remoteAddress: freshAddress(),
        totp: await codeAt(user.secret, -1),
      }),
      401,
      'invalid_totp',
    );
    clock += STEP_MS;
    const next = await login(env, user.login, user.password, {
      remoteAddress,
      totp: await codeAt(user.secret),
    });
    expect(next.statusCode, next.body).toBe(200);
    const kinds = (await securityEvents(env, user.login)).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'login')).toHaveLength(3); // the enrolling login and these two
  });

  it('counts a wrong code as a failed login and locks after five', async () => {
    const user = await enrolled();
    const remoteAddress = freshAddress();
    const wrong = String((Number(await codeAt(user.secret)) + 1) % 1_000_000).padStart(6, '0');
    for (let attempt = 0; attempt < THROTTLE.maxFailuresPerLogin; attempt++) {
      expectError(
        await login(env, user.login, user.password, {
          remoteAddress,
          totp: attempt % 2 ? wrong : 'zzzzz-zzzzz',
        }),
        401,
        'invalid_totp',
      );
    }
    const key = throttleKeys(user.login, remoteAddress).login;
    const row = await env()
      .services.dialect.db.selectFrom('login_throttle')
      .select('failures')
      .where('login_key', '=', key)
      .executeTakeFirst();
    expect(Number(row?.failures)).toBe(THROTTLE.maxFailuresPerLogin);
    expectError(
      await login(env, user.login, user.password, { remoteAddress, totp: await codeAt(user.secret) }),
      429,
      'too_many_requests',
    );
    const failed = (await securityEvents(env, user.login)).filter((e) => e.kind === 'login_failed');
    expect(failed).toHaveLength(THROTTLE.maxFailuresPerLogin);
    expect(failed[0]).toMatchObject({ accountId: user.id, ip: remoteAddress, details: { reason: 'totp' } });
  });

  it('logs in with a recovery code exactly once, however it is typed', async () => {
    const user = await enrolled();
    const [first, second] = user.recoveryCodes as [string, string];
    const typed = ` ${first.toUpperCase().replace('-', ' ')} `;
    const once = await login(env, user.login, user.password, { remoteAddress: freshAddress(), totp: typed });
    expect(once.statusCode, once.body).toBe(200);
    expectError(
      await login(env, user.login, user.password, { remoteAddress: freshAddress(), totp: first }),
      401,
      'invalid_totp',
    );
    expect(
      (await login(env, user.login, user.password, { remoteAddress: freshAddress(), totp: second }))
        .statusCode,
    ).toBe(200);
    expect((await env().api('GET', '/api/auth/totp', undefined, user.session)).json()).toMatchObject({
      recoveryCodesLeft: 8,
    });
    const used = (await securityEvents(env, user.login)).filter((e) => e.kind === 'recovery_code_used');
    expect(used.map((e) => e.details)).toEqual([{ left: 9 }, { left: 8 }]);
  });

  it('turns off only with a current code or a recovery code', async () => {
    const user = await enrolled();
    expectError(
      await env().api('POST', '/api/auth/totp/disable', { code: user.password }, user.session),
      400,
      'invalid_totp',
    );
    expectError(
      await env().api('POST', '/api/auth/totp/disable', { code: 'aaaaa-bbbbb' }, user.session),
      400,
      'invalid_totp',
    );
    expect((await env().api('GET', '/api/auth/totp', undefined, user.session)).json()).toMatchObject({
      enabled: true,
    });
    const off = await env().api(
      'POST',
      '/api/auth/totp/disable',
      { code: await codeAt(user.secret) },
      user.session,
    );
    expect(off.statusCode, off.body).toBe(204);
    expect((await env().api('GET', '/api/auth/totp', undefined, user.session)).json()).toEqual({
      enabled: false,
      enabledAt: null,
      pending: false,
      recoveryCodesLeft: 0,
    });
    expectError(
      await env().api('POST', '/api/auth/totp/disable', { code: '123456' }, user.session),
      409,
      'totp_not_enabled',
    );
    // The password alone logs in again, and the old recovery codes are gone.
    expect((await login(env, user.login, user.password, { remoteAddress: freshAddress() })).statusCode).toBe(
      200,
    );
    const left = await env()
      .services.dialect.db.selectFrom('totp_recovery_code')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    expect(left).toEqual([]);

    const again = await enrolled();
    const withRecovery = await env().api(
      'POST',
      '/api/auth/totp/disable',
      { code: again.recoveryCodes[3] },
      again.session,
    );
    expect(withRecovery.statusCode, withRecovery.body).toBe(204);
    const events = await securityEvents(env, again.login);
    expect(events.find((e) => e.kind === 'totp_disabled')).toMatchObject({
      details: { with: 'recovery_code' },
    });
  });
});
