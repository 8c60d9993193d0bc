import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { setPassword } from '../../access/users.ts';

describe.each(DIALECTS)('personal settings (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('lets a user change their own language and time zone, and refuses bad values', async () => {
    const { api } = env();
    // Never chosen: the API says so, so the browser's own language can apply.
    expect((await api('GET', '/api/auth/me')).json().user).toMatchObject({
      locale: 'en',
      preferredLocale: null,
    });
    expect(
      (await api('PATCH', '/api/auth/me', { locale: 'hu', timeZone: 'Europe/Budapest' })).statusCode,
    ).toBe(204);
    expect((await api('GET', '/api/auth/me')).json().user).toMatchObject({
      locale: 'hu',
      preferredLocale: 'hu',
      timeZone: 'Europe/Budapest',
    });
    expectError(await api('PATCH', '/api/auth/me', { locale: 'de' }), 400, 'validation_failed');
    expectError(
      await api('PATCH', '/api/auth/me', { timeZone: 'Mars/Olympus' }),
      400,
      'validation_failed',
      /time zone/,
    );
    expectError(await api('PATCH', '/api/auth/me', { role: 'admin' }), 400, 'validation_failed');
    expect((await api('GET', '/api/auth/me')).json().user).toMatchObject({
      locale: 'hu',
      timeZone: 'Europe/Budapest',
    });
  });

  it('changes the password only with the current one, and ends the other sessions', async () => {
    const { api, login, services } = env();
    const user = (await api('POST', '/api/records/user_account', { login: 'ewa' })).json();
    await setPassword(services.dialect.db, user.id, 'first-password-1');
    const phone = await login('ewa', 'first-password-1');
    const laptop = await login('ewa', 'first-password-1');
    expectError(
      await api(
        'POST',
        '/api/auth/password',
        { currentPassword: 'wrong-one-123', newPassword: 'second-password-2' },
        laptop,
      ),
      400,
      'invalid_current_password',
    );
    expectError(
      await api(
        'POST',
        '/api/auth/password',
        { currentPassword: 'first-password-1', newPassword: 'short' },
        laptop,
      ),
      400,
      'validation_failed',
    );
    // The policy beyond length: not a common password, not the login, not guessable.
    for (const [newPassword, code] of [
      ['qwertyuiop12', 'password_common'],
      ['aaaaaaaaaaaa', 'password_too_weak'],
    ] as const) {
      const refused = expectError(
        await api('POST', '/api/auth/password', { currentPassword: 'first-password-1', newPassword }, laptop),
        400,
        'validation_failed',
      );
      expect(refused.details).toMatchObject({ fields: [{ field: 'body.newPassword', code }] });
    }
    expect((await api('GET', '/api/auth/me', undefined, phone)).statusCode).toBe(200);
    const changed = await api(
      'POST',
      '/api/auth/password',
      { currentPassword: 'first-password-1', newPassword: 'second-password-2' },
      laptop,
    );
    expect(changed.statusCode).toBe(204);
    expect((await api('GET', '/api/auth/me', undefined, laptop)).statusCode).toBe(200);
    expect((await api('GET', '/api/auth/me', undefined, phone)).statusCode).toBe(401);
    await expect(login('ewa', 'first-password-1')).rejects.toThrow(/401/);
    expect((await login('ewa', 'second-password-2')).csrfToken).toBeTruthy();
  });
});
