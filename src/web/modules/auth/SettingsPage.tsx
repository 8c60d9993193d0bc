import { Alert, Button, Group, Paper, Select, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconShieldLock } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { timeZoneNames } from '../../../shared/field-types/time-zone.ts';
import { LOCALES, type Locale } from '../../../shared/metadata/types.ts';
import { api } from '../../app/api-client.ts';
import { LANGUAGE_NAMES, useChangeLanguage } from '../../app/language.ts';
import { isLocale } from '../../app/locale.ts';
import { ME_KEY, secondFactorSetupRequired, useCurrentUser, useMe } from '../../app/session.ts';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useLocale } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import { NotificationPreferences } from '../notifications/NotificationPreferences.tsx';
import { fetchTotp, TOTP_KEY } from './access-api.ts';
import { PasswordForm } from './PasswordForm.tsx';
import { SessionsSection } from './SessionsSection.tsx';
import { TokensSection } from './TokensSection.tsx';
import { TwoFactorSection } from './TwoFactorSection.tsx';

/** `/settings`: what every user may change for themselves. */
export function SettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('settings:title')} · ${t('common:appName')}`);
  const setupRequired = secondFactorSetupRequired(useMe().data);
  // Keyed, so that turning two-factor login on (which ends "required") moves its section
  // instead of mounting a new one: the recovery codes it shows once must stay on screen.
  const twoFactor = <TwoFactorSection key="two-factor" />;
  const preferences = <PreferencesForm key="preferences" />;
  const password = <PasswordForm key="password" />;
  return (
    <Stack gap="lg" maw={640}>
      <Title order={1} size="h2">
        {t('settings:title')}
      </Title>
      {setupRequired
        ? // First things first. Sessions and tokens are left out: the server refuses them until then.
          [<SecondFactorRequiredNotice key="required" />, twoFactor, preferences, password]
        : [
            preferences,
            <NotificationPreferences key="notifications" />,
            password,
            twoFactor,
            <SessionsSection key="sessions" />,
            <TokensSection key="tokens" />,
          ]}
    </Stack>
  );
}

/**
 * Why the user was brought here. Once the two-factor section has turned it on, every answer the
 * server refused meanwhile (rights, metadata, lists) is asked again, and the session with it,
 * which lifts the guard that keeps the user on this page.
 */
function SecondFactorRequiredNotice() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: TOTP_KEY, queryFn: fetchTotp });
  const enabled = status.data?.enabled === true;
  useEffect(() => {
    if (enabled) void queryClient.invalidateQueries();
  }, [enabled, queryClient]);
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconShieldLock aria-hidden />}
      title={t('access:totpRequired.title')}
      // Orange on pale orange is below the 4.5:1 contrast text needs: the title keeps the text colour.
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
      role="status"
    >
      {t('access:totpRequired.text')}
    </Alert>
  );
}

function PreferencesForm() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const changeLanguage = useChangeLanguage(true);
  const zones = useMemo(timeZoneNames, []);
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
