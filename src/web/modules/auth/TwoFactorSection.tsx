import { Alert, Button, Code, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api-client.ts';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useFormatters } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import { fetchTotp, TOTP_KEY, type TotpSetup } from './access-api.ts';

/** Groups of four, as authenticator apps show a secret to type by hand. */
function spaced(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Two-factor login: set up (QR code and secret, then a code from the app), the ten recovery
 * codes shown once after turning it on, and turning it off with a code.
 */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const format = useFormatters();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: TOTP_KEY, queryFn: fetchTotp });
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function describe(failure: unknown): string {
    if (failure instanceof ApiError && failure.code === 'invalid_totp')
      return t('settings:twoFactor.wrongCode');
    return errorMessage(failure);
  }

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(describe(failure));
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey: TOTP_KEY });
    }
  }

  const start = () =>
    run(async () => {
      setSetup(await api.post<TotpSetup>('/api/auth/totp/setup'));
      setCode('');
    });

  const enable = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const result = await api.post<{ recoveryCodes: string[] }>('/api/auth/totp/enable', {
        code: code.trim(),
      });
      setSetup(null);
      setCode('');
      setRecoveryCodes(result.recoveryCodes);
      notify(t('settings:twoFactor.enabled'));
    });
  };

  const disable = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await api.post('/api/auth/totp/disable', { code: code.trim() });
      setCode('');
      notify(t('settings:twoFactor.disabled'));
    });
  };

  const cancel = () => {
    setSetup(null);
    setCode('');
    setError(null);
  };

  const codeInput = (label: string, description: string) => (
    <TextInput
      label={label}
      description={description}
      value={code}
      onChange={(event) => setCode(event.currentTarget.value)}
      autoComplete="one-time-code"
      autoCapitalize="none"
      spellCheck={false}
      maw={360}
      required
    />
  );

  let body: ReactNode;
  if (status.isPending) body = <Loader size="sm" role="status" aria-label={t('common:loading')} />;
  else if (status.isError) body = null;
  else if (recoveryCodes) {
    body = (
      <Stack gap="sm">
        <Alert color="yellow" role="status" title={t('settings:twoFactor.recoveryTitle')}>
          {t('settings:twoFactor.recoveryHint')}
        </Alert>
        <Code block>{recoveryCodes.join('\n')}</Code>
        <Group>
          <Button variant="light" onClick={() => setRecoveryCodes(null)}>
            {t('settings:twoFactor.savedCodes')}
          </Button>
        </Group>
      </Stack>
    );
  } else if (setup) {
    body = (
      <form onSubmit={enable} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('settings:twoFactor.scan')}</Text>
          <img src={setup.qrCode} alt={t('settings:twoFactor.qrAlt')} width={200} height={200} />
          <Text size="sm">{t('settings:twoFactor.typeSecret')}</Text>
          <Code>{spaced(setup.secret)}</Code>
          {codeInput(t('settings:twoFactor.code'), t('settings:twoFactor.codeHint'))}
          <Group>
            <Button type="submit" loading={busy} disabled={!/^\d{6}$/.test(code.trim())}>
              {t('settings:twoFactor.turnOn')}
            </Button>
            <Button variant="default" onClick={cancel} disabled={busy}>
              {t('settings:twoFactor.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    );
  } else if (status.data.enabled) {
    body = (
      <form onSubmit={disable} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {t('settings:twoFactor.on', { date: format.dateTime(status.data.enabledAt ?? '') })}{' '}
            {t('settings:twoFactor.recoveryLeft', { count: status.data.recoveryCodesLeft })}
          </Text>
          {codeInput(t('settings:twoFactor.disableCode'), t('settings:twoFactor.disableHint'))}
          <Group>
            <Button type="submit" color="red" variant="light" loading={busy} disabled={!code.trim()}>
              {t('settings:twoFactor.turnOff')}
            </Button>
          </Group>
        </Stack>
      </form>
    );
  } else {
    body = (
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('settings:twoFactor.off')}</Text>
        <Button onClick={() => void start()} loading={busy}>
          {t('settings:twoFactor.setUp')}
        </Button>
      </Stack>
    );
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-two-factor">
      <Stack gap="md">
        <Title order={2} size="h4" id="settings-two-factor">
          {t('settings:twoFactor.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('settings:twoFactor.hint')}
        </Text>
        {(error || status.isError) && (
          <Alert color="red" role="alert">
            {error ?? errorMessage(status.error)}
          </Alert>
        )}
        {body}
      </Stack>
    </Paper>
  );
}
