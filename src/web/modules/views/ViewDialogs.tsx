import { Alert, Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VIEW_LIMITS } from '../../../shared/views/types.ts';
import { ApiError } from '../../app/api-client.ts';
import { useErrorMessage } from '../../ui/error-message.ts';

export interface ViewFormValues {
  name: string;
  shared: boolean;
  isDefault: boolean;
}

export interface SaveViewModalProps {
  /** `create`: "Save as new" (asks for the default too); `edit`: rename and share an own view. */
  mode: 'create' | 'edit';
  initial: ViewFormValues;
  onClose: () => void;
  /** Saves; a rejected promise keeps the dialog open with the problem shown. */
  onSubmit: (values: ViewFormValues) => Promise<void>;
}

/** The name is the one thing that can clash (one name per owner and list): shown at its field. */
function isNameTaken(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.status !== 409) return false;
  return error.fieldIssues.some((issue) => issue.field === 'name');
}

export function SaveViewModal({ mode, initial, onClose, onSubmit }: SaveViewModalProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [values, setValues] = useState(initial);
  const [nameError, setNameError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const name = values.name.trim();
    if (!name) return setNameError(t('views:save.nameRequired'));
    setSaving(true);
    setFormError(null);
    try {
      await onSubmit({ ...values, name });
    } catch (error) {
      if (isNameTaken(error)) setNameError(t('views:save.nameTaken'));
      else if (error instanceof ApiError && error.status === 409) setFormError(t('views:notify.conflict'));
      else setFormError(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={mode === 'create' ? t('views:save.titleCreate') : t('views:save.titleEdit')}
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label={t('views:save.name')}
            value={values.name}
            onChange={(event) => {
              const name = event.currentTarget.value;
              setValues((v) => ({ ...v, name }));
              setNameError(null);
            }}
            error={nameError}
            maxLength={VIEW_LIMITS.nameLength}
            required
            data-autofocus
          />
          <Checkbox
            label={t('views:save.shared')}
            description={t('views:save.sharedHint')}
            checked={values.shared}
            onChange={(event) => {
              const shared = event.currentTarget.checked;
              setValues((v) => ({ ...v, shared }));
            }}
          />
          {mode === 'create' && (
            <Checkbox
              label={t('views:save.default')}
              checked={values.isDefault}
              onChange={(event) => {
                const isDefault = event.currentTarget.checked;
                setValues((v) => ({ ...v, isDefault }));
              }}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('views:cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('views:save.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export interface DeleteViewModalProps {
  name: string;
  onClose: () => void;
  onConfirm: () => Promise<void>;
}

export function DeleteViewModal({ name, onClose, onConfirm }: DeleteViewModalProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);

  async function confirm() {
    setDeleting(true);
    try {
      await onConfirm();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setDeleting(false);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('views:delete.title')}
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <Stack gap="md">
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Text>{t('views:delete.confirm', { name })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('views:cancel')}
          </Button>
          <Button color="red" onClick={() => void confirm()} loading={deleting}>
            {t('views:delete.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
