import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../app/session.ts';
import type { RecordExtensionProps } from '../../records/extensions.ts';
import { useLocale } from '../../ui/format.ts';
import { pickLabel } from '../metadata/index.ts';
import { ReminderActions } from './ReminderActions.tsx';

/** On a reminder's page: what it is about (a link), and Snooze / Dismiss for whom it is for. */
export function ReminderPanel({ meta, record, objects }: RecordExtensionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const employeeId = useCurrentUser()?.employeeId ?? null;
  if (meta.key !== 'reminder') return null;
  const about = objects.find((object) => object.key === record.record_object);
  const mine = employeeId !== null && record.for_employee === employeeId;
  return (
    <Stack gap="sm" component="section" aria-labelledby="reminder-panel">
      <Title order={2} size="h4" id="reminder-panel">
        {t('reminders:panel.title')}
      </Title>
      {about && typeof record.record_id === 'number' ? (
        <Anchor component={Link} to={`/records/${about.key}/${record.record_id}`}>
          {t('reminders:panel.open', { object: pickLabel(about.labels.one, locale), id: record.record_id })}
        </Anchor>
      ) : (
        <Text c="dimmed">{t('reminders:panel.nothing')}</Text>
      )}
      {mine && record.status === 'active' && <ReminderActions reminderId={record.id} size="compact-sm" />}
    </Stack>
  );
}
