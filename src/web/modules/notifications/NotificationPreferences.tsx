import { Alert, Button, Group, Loader, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useErrorMessage } from '../../ui/error-message.ts';
import { notify } from '../../ui/notify.ts';
import { PREFERENCES_KEY, type Preference, savePreferences, usePreferences } from './api.ts';
import {
  CHANNEL_LABELS,
  CHANNEL_ORDER,
  type Channel,
  isChannel,
  KIND_LABELS,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from './kinds.ts';

/** The server's default for a kind without a preference. */
const DEFAULT_CHANNEL: Channel = 'both';

/**
 * The settings page's section: how each kind of notification reaches the user (in the app, by
 * e-mail, both, a daily digest, or not at all). Changes are kept until "Save", which sends only
 * the kinds changed; a failure is said in the section and the choices stay.
 */
export function NotificationPreferences() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const preferences = usePreferences();
  const [draft, setDraft] = useState<Partial<Record<NotificationKind, Channel>>>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const savedChannel = (kind: NotificationKind): Channel =>
    preferences.data?.find((preference) => preference.kind === kind)?.channel ?? DEFAULT_CHANNEL;
  const channelOf = (kind: NotificationKind): Channel => draft[kind] ?? savedChannel(kind);
  const changed: Preference[] = NOTIFICATION_KINDS.filter(
    (kind) => draft[kind] !== undefined && draft[kind] !== savedChannel(kind),
  ).map((kind) => ({ kind, channel: channelOf(kind) }));
  const options = CHANNEL_ORDER.map((channel) => ({ value: channel, label: t(CHANNEL_LABELS[channel]) }));

  async function save(event: FormEvent) {
    event.preventDefault();
    if (changed.length === 0) return;
    setSaving(true);
    setFailure(null);
    try {
      queryClient.setQueryData(PREFERENCES_KEY, await savePreferences(changed));
      setDraft({});
      notify(t('settings:saved'));
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-notifications">
      <form onSubmit={(event) => void save(event)}>
        <Stack gap="md">
          <Title order={2} size="h4" id="settings-notifications">
            {t('notifications:preferences.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('notifications:preferences.hint')}
          </Text>
          {preferences.isPending && <Loader size="sm" role="status" aria-label={t('common:loading')} />}
          {preferences.isError && (
            <ErrorState error={preferences.error} onRetry={() => void preferences.refetch()} />
          )}
          {preferences.isSuccess && (
            <>
              {NOTIFICATION_KINDS.map((kind) => (
                <Select
                  key={kind}
                  label={t(KIND_LABELS[kind])}
                  data={options}
                  value={channelOf(kind)}
                  allowDeselect={false}
                  onChange={(value) => {
                    if (isChannel(value)) setDraft((was) => ({ ...was, [kind]: value }));
                  }}
                />
              ))}
              {failure && (
                <Alert color="red" role="alert">
                  {t('notifications:preferences.notSaved', { reason: failure })}
                </Alert>
              )}
              <Group>
                <Button type="submit" loading={saving} disabled={changed.length === 0}>
                  {t('settings:save')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
