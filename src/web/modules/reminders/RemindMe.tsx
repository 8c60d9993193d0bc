import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { IconAlarm } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import { api } from '../../app/api-client.ts';
import type { RecordData } from '../../app/api-types.ts';
import { useCurrentUser } from '../../app/session.ts';
import type { RecordExtensionProps } from '../../records/extensions.ts';
import { FieldInput } from '../../records/FieldInput.tsx';
import { saveErrorMessages } from '../../records/validation.ts';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useLocale } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import { useObjectAbilities } from '../access/index.ts';
import { pickLabel, useObjectMeta } from '../metadata/index.ts';
import { REPEAT_CHOICES, type RepeatChoice, repeatRule } from './repeat.ts';

const REMINDER = 'reminder';

/** Tomorrow at 9:00 on the browser's clock: when most "remind me" are for. */
function tomorrowMorning(): string {
  const at = new Date();
  at.setDate(at.getDate() + 1);
  at.setHours(9, 0, 0, 0);
  return at.toISOString();
}

/**
 * "Remind me" on any record's page: a reminder about this record, for me or someone else, once
 * or repeating, in one small form (the full form is the reminder's own page).
 */
export function RemindMe({ meta, record, title }: RecordExtensionProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const can = useObjectAbilities(REMINDER);
  if (meta.key === REMINDER || !can.create) return null;
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconAlarm size={16} aria-hidden />}
        onClick={() => setOpen(true)}
      >
        {t('reminders:remindMe')}
      </Button>
      {open && <RemindDialog about={meta} record={record} title={title} onClose={() => setOpen(false)} />}
    </>
  );
}

function RemindDialog(props: { about: ObjectMeta; record: RecordData; title: string; onClose: () => void }) {
  const { meta } = useObjectMeta(REMINDER);
  if (!meta) return null;
  return <RemindForm meta={meta} {...props} />;
}

function RemindForm({
  meta,
  about,
  record,
  title,
  onClose,
}: {
  meta: ObjectMeta;
  about: ObjectMeta;
  record: RecordData;
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const employeeId = useCurrentUser()?.employeeId ?? null;
  const [values, setValues] = useState<Record<string, unknown>>({
    title,
    at: tomorrowMorning(),
    for_employee: employeeId,
    email: false,
  });
  const [repeat, setRepeat] = useState<RepeatChoice>('none');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      api.post<RecordData>(`/api/records/${REMINDER}`, {
        ...values,
        repeat: repeatRule(repeat, typeof values.at === 'string' ? new Date(values.at) : new Date()),
        record_object: about.key,
        record_id: record.id,
      }),
    onSuccess: () => {
      notify(t('reminders:set'));
      void queryClient.invalidateQueries({ queryKey: ['records', REMINDER] });
      onClose();
    },
    onError: (error) => {
      const messages = saveErrorMessages(error, meta, t, errorMessage);
      setErrors(messages.byField);
      if (messages.form) notify(messages.form, 'red');
    },
  });
  const field = (key: string) => meta.fields.find((f) => f.key === key);
  const emailField = field('email');
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('reminders:dialogTitle', { title })}
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="md">
          {['title', 'at', 'for_employee'].map((key) => {
            const f = field(key);
            return (
              f && (
                <FieldInput
                  key={key}
                  field={f}
                  label={pickLabel(f.labels, locale)}
                  value={values[key]}
                  onChange={(value) => setValues((current) => ({ ...current, [key]: value }))}
                  error={errors[key]}
                />
              )
            );
          })}
          <Select
            label={t('reminders:repeat.label')}
            data={REPEAT_CHOICES.map((choice) => ({ value: choice, label: t(`reminders:repeat.${choice}`) }))}
            value={repeat}
            onChange={(value) => setRepeat((value as RepeatChoice | null) ?? 'none')}
            allowDeselect={false}
            error={errors.repeat}
          />
          {emailField && (
            <FieldInput
              field={emailField}
              label={pickLabel(emailField.labels, locale)}
              value={values.email}
              onChange={(value) => setValues((current) => ({ ...current, email: value }))}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('reminders:cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('reminders:save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
