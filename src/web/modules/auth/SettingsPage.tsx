import { Alert, Button, Group, Paper, PasswordInput, Select, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '../../../shared/access/passwords.ts';
import { LOCALES, type Locale } from '../../../shared/metadata/types.ts';
import { ApiError, api } from '../../app/api-client.ts';
import { LANGUAGE_NAMES, useChangeLanguage } from '../../app/language.ts';
import { isLocale } from '../../app/locale.ts';
import { ME_KEY, useCurrentUser } from '../../app/session.ts';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useLocale } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Europe/Warsaw', 'Europe/Budapest', 'Europe/London', 'UTC'];
  }
}

/** `/settings`: what every user may change for themselves. */
export function SettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('settings:title')} · ${t('common:appName')}`);
  return (
    <Stack gap="lg" maw={640}>
      <Title order={1} size="h2">
        {t('settings:title')}
      </Title>
      <PreferencesForm />
      <PasswordForm />
    </Stack>
  );
}

function PreferencesForm() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const changeLanguage = useChangeLanguage(true);
  const zones = useMemo(timeZones, []);
  const [timeZone, setTimeZone] = useState(user?.timeZone ?? 'Europe/Warsaw');
  const [saving, setSaving] = useState(false);

  async function saveTimeZone(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    try {
      await api.patch('/api/auth/me', { timeZone });
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      notify(t('settings:saved'));
    } catch (error) {
      notify(errorMessage(error), 'red');
    } finally {
      setSaving(false);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-preferences">
      <form onSubmit={(event) => void saveTimeZone(event)}>
        <Stack gap="md">
          <Title order={2} size="h4" id="settings-preferences">
            {t('settings:preferences')}
          </Title>
          <Select
            label={t('settings:language')}
            description={t('settings:languageHint')}
            data={LOCALES.map((code: Locale) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
            value={locale}
            allowDeselect={false}
            onChange={(value) => {
              if (value && isLocale(value)) void changeLanguage(value);
            }}
          />
          <Select
            label={t('settings:timeZone')}
            description={t('settings:timeZoneHint')}
            data={zones}
            value={timeZone}
            searchable
            allowDeselect={false}
            nothingFoundMessage={t('settings:noTimeZone')}
            onChange={(value) => value && setTimeZone(value)}
          />
          <Group>
            <Button type="submit" loading={saving} disabled={timeZone === user?.timeZone}>
              {t('settings:save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
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
      notify(t('settings:passwordChanged'));
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.code === 'invalid_current_password'
          ? t('settings:wrongCurrent')
          : errorMessage(failure),
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
