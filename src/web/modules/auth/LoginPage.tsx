import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, api, setCsrfToken } from '../../app/api-client.ts';
import type { LoginResponse } from '../../app/api-types.ts';
import { ME_KEY, safeNext } from '../../app/session.ts';
import { useErrorMessage } from '../../ui/error-message.ts';
import { LanguagePicker } from './LanguagePicker.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  // Set once the server says the account has two-factor login on: the form then asks for the code
  // and sends login, password and code together.
  const [askCode, setAskCode] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const expired = params.get('expired') === '1';

  function describe(failure: unknown): string {
    if (failure instanceof ApiError && failure.code === 'invalid_totp') return t('auth:login.wrongCode');
    // One message for a wrong login and a wrong password: the page never tells who has an account.
    if (failure instanceof ApiError && failure.status === 401) return t('auth:login.invalid');
    if (failure instanceof ApiError && failure.status === 429) {
      const seconds = (failure.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      return t('auth:login.locked', { minutes: Math.max(1, Math.ceil((seconds ?? 60) / 60)) });
    }
    return errorMessage(failure);
  }

  function startOver() {
    setAskCode(false);
    setCode('');
    setPassword('');
    setError(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await api.post<LoginResponse>(
        '/api/auth/login',
        { login: login.trim(), password, ...(askCode ? { totp: code.trim() } : {}) },
        { expectUnauthorized: true },
      );
      setCsrfToken(session.csrfToken);
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, { user: session.user, csrfToken: session.csrfToken });
      await navigate(safeNext(params.get('next')), { replace: true });
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'totp_required') {
        setAskCode(true);
        setCode('');
        return;
      }
      setError(describe(failure));
      setCode('');
      // A wrong code keeps the (right) password; anything else starts over.
      if (!(failure instanceof ApiError && failure.code === 'invalid_totp')) {
        setPassword('');
        setAskCode(false);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center mih="100dvh" p="md">
      <Paper component="main" withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Group justify="space-between" align="center">
              <Title order={1} size="h2">
                {t('common:appName')}
              </Title>
              <LanguagePicker />
            </Group>
            {expired && !error && (
              <Alert color="yellow" role="status">
                {t('auth:login.expired')}
              </Alert>
            )}
            {error && (
              <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
                {error}
              </Alert>
            )}
            {askCode && !error && (
              <Alert color="blue" role="status">
                {t('auth:login.codeNeeded')}
              </Alert>
            )}
            <TextInput
              label={t('auth:login.login')}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={login}
              onChange={(event) => setLogin(event.currentTarget.value)}
              readOnly={askCode}
              data-autofocus={askCode ? undefined : true}
              autoFocus={!askCode}
            />
            <PasswordInput
              label={t('auth:login.password')}
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              readOnly={askCode}
              visibilityToggleButtonProps={{
                'aria-label': t('auth:login.showPassword'),
              }}
            />
            {askCode && (
              <TextInput
                label={t('auth:login.code')}
                description={t('auth:login.codeHint')}
                name="totp"
                autoComplete="one-time-code"
                autoCapitalize="none"
                spellCheck={false}
                required
                value={code}
                onChange={(event) => setCode(event.currentTarget.value)}
                data-autofocus
                autoFocus
              />
            )}
            <Button
              type="submit"
              loading={busy}
              disabled={!login.trim() || !password || (askCode && !code.trim())}
            >
              {t('auth:login.submit')}
            </Button>
            {askCode && (
              <Button variant="subtle" onClick={startOver} disabled={busy}>
                {t('auth:login.startOver')}
              </Button>
            )}
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
