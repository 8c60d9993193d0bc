import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '../../../shared/access/passwords.ts';
import { ApiError, api } from '../../app/api-client.ts';
import { useErrorMessage } from '../../ui/error-message.ts';
import { notify } from '../../ui/notify.ts';
import { ACCESS_KEY } from './access-api.ts';

/** Why the server refused a new password, in the reader's language (the server's codes). */
function usePolicyMessage(): (failure: unknown) => string | null {
  const { t } = useTranslation();
  return (failure) => {
    if (!(failure instanceof ApiError)) return null;
    const code = failure.fieldIssues.find((issue) => issue.field === 'body.newPassword')?.code;
    switch (code) {
      case 'password_too_short':
        return t('settings:tooShort', { min: MIN_PASSWORD_LENGTH });
      case 'password_common':
        return t('settings:policy.common');
      case 'password_contains_login':
        return t('settings:policy.containsLogin');
      case 'password_too_weak':
        return t('settings:policy.tooWeak');
      default:
        return null;
    }
  };
}

export function PasswordForm() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const policyMessage = usePolicyMessage();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const tooShort = next.length > 0 && next.length < MIN_PASSWORD_LENGTH;
  const mismatch = repeat.length > 0 && repeat !== next;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (tooShort || mismatch || !current || !next) return;
    setSaving(true);
    setError(null);
    try {
      await api.post('/api/auth/password', { currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setRepeat('');
      // The other sessions ended and the tokens were revoked: the lists below changed.
      await queryClient.invalidateQueries({ queryKey: ACCESS_KEY });
      notify(t('settings:passwordChanged'));
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.code === 'invalid_current_password'
          ? t('settings:wrongCurrent')
          : (policyMessage(failure) ?? errorMessage(failure)),
      );
    } finally {
      setSaving(false);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-password">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Title order={2} size="h4" id="settings-password">
            {t('settings:password')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('settings:passwordHint', { min: MIN_PASSWORD_LENGTH })}
          </Text>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <PasswordInput
            label={t('settings:currentPassword')}
            autoComplete="current-password"
            value={current}
            onChange={(event) => setCurrent(event.currentTarget.value)}
            required
          />
          <PasswordInput
            label={t('settings:newPassword')}
            autoComplete="new-password"
            value={next}
            onChange={(event) => setNext(event.currentTarget.value)}
            error={tooShort ? t('settings:tooShort', { min: MIN_PASSWORD_LENGTH }) : undefined}
            required
          />
          <PasswordInput
            label={t('settings:repeatPassword')}
            autoComplete="new-password"
            value={repeat}
            onChange={(event) => setRepeat(event.currentTarget.value)}
            error={mismatch ? t('settings:mismatch') : undefined}
            required
          />
          <Group>
            <Button
              type="submit"
              loading={saving}
              disabled={!current || !next || tooShort || repeat !== next}
            >
              {t('settings:changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
