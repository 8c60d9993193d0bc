import {
  Alert,
  Button,
  Code,
  Group,
  Modal,
  MultiSelect,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client.ts';
import { ReferencePicker } from '../../records/ReferencePicker.tsx';
import { CopyIconButton } from '../../ui/CopyIconButton.tsx';
import { useErrorMessage } from '../../ui/error-message.ts';
import { notify } from '../../ui/notify.ts';
import { fieldOf, useObjectMeta } from '../metadata/index.ts';
import { ACCESS_KEY, type AccountItem, accessApi, type Role } from './api.ts';

/** Every dialog here: a modal with a named close button. */
function Dialog(props: { title: string; onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={props.title}
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      {props.children}
    </Modal>
  );
}

/** Turns an access API error into the sentence to show; the last administrator gets its own. */
function useAccessError(): (error: unknown) => string {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return (error) => {
    if (error instanceof ApiError && error.code === 'last_administrator')
      return t('access:accounts.lastAdministrator');
    if (error instanceof ApiError && error.status === 409) return t('access:accounts.loginTaken');
    if (error instanceof ApiError && error.fieldIssues.length > 0)
      return error.fieldIssues.map((issue) => issue.message).join(' ');
    return errorMessage(error);
  };
}

function roleOptions(roles: Role[]) {
  return roles.map((role) => ({ value: String(role.id), label: role.name }));
}

export function CreateAccountDialog({ roles, onClose }: { roles: Role[]; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const accessError = useAccessError();
  const { meta } = useObjectMeta('user_account');
  const employeeField = meta ? fieldOf(meta, 'employee') : undefined;
  const [login, setLogin] = useState('');
  const [employee, setEmployee] = useState<number | null>(null);
  const [password, setPassword] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await accessApi.createAccount({ login: login.trim(), employee, password, roles: chosen.map(Number) });
      await queryClient.invalidateQueries({ queryKey: ACCESS_KEY });
      notify(t('access:accounts.created'));
      onClose();
    } catch (error) {
      setProblem(accessError(error));
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('access:accounts.new')} onClose={onClose}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          <TextInput
            label={t('access:accounts.login')}
            required
            maxLength={100}
            autoComplete="off"
            value={login}
            onChange={(event) => setLogin(event.currentTarget.value)}
            data-autofocus
          />
          {employeeField && (
            <ReferencePicker
              field={employeeField}
              label={t('access:accounts.employee')}
              expanded={null}
              value={employee}
              onChange={setEmployee}
            />
          )}
          <PasswordInput
            label={t('access:accounts.password')}
            description={t('access:accounts.passwordHint')}
            required
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <MultiSelect
            label={t('access:accounts.roles')}
            data={roleOptions(roles)}
            value={chosen}
            onChange={setChosen}
            searchable
          />
          <Group justify="flex-end" gap="sm" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('access:cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!login.trim() || !password}>
              {t('access:accounts.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

export function RolesDialog(props: { account: AccountItem; roles: Role[]; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const accessError = useAccessError();
  const [chosen, setChosen] = useState(props.account.roles.map(String));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function save() {
    setBusy(true);
    setProblem(null);
    try {
      await accessApi.setAccountRoles(props.account.id, chosen.map(Number));
      await queryClient.invalidateQueries({ queryKey: ACCESS_KEY });
      notify(t('access:accounts.rolesSaved'));
      props.onClose();
    } catch (error) {
      setProblem(accessError(error));
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('access:accounts.rolesOf', { login: props.account.login })} onClose={props.onClose}>
      <Stack gap="sm">
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <MultiSelect
          label={t('access:accounts.roles')}
          data={roleOptions(props.roles)}
          value={chosen}
          onChange={setChosen}
          searchable
          data-autofocus
        />
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={props.onClose}>
            {t('access:cancel')}
          </Button>
          <Button loading={busy} onClick={() => void save()}>
            {t('access:save')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

/** A new password: typed by the administrator, or generated by the server and shown once here. */
export function ResetPasswordDialog({ account, onClose }: { account: AccountItem; onClose: () => void }) {
  const { t } = useTranslation();
  const accessError = useAccessError();
  const [password, setPassword] = useState('');
  const [generated, setGenerated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const result = await accessApi.resetPassword(account.id, password || undefined);
      if (result.password) setGenerated(result.password);
      else {
        notify(t('access:accounts.passwordSet'));
        onClose();
      }
    } catch (error) {
      setProblem(accessError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('access:accounts.resetPasswordOf', { login: account.login })} onClose={onClose}>
      {generated ? (
        <Stack gap="sm">
          <Text size="sm">{t('access:accounts.generatedOnce')}</Text>
          <Group gap="xs" wrap="nowrap">
            <Code fz="md" style={{ userSelect: 'all' }} aria-label={t('access:accounts.generatedPassword')}>
              {generated}
            </Code>
            <CopyIconButton
              value={generated}
              label={t('access:accounts.copy')}
              copiedLabel={t('access:accounts.copied')}
            />
          </Group>
          <Text size="sm" c="dimmed">
            {t('access:accounts.sessionsEnded')}
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('access:done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack gap="sm">
            {problem && (
              <Alert color="red" role="alert">
                {problem}
              </Alert>
            )}
            <PasswordInput
              label={t('access:accounts.newPassword')}
              description={t('access:accounts.newPasswordHint')}
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              data-autofocus
            />
            <Text size="sm" c="dimmed">
              {t('access:accounts.sessionsEnded')}
            </Text>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('access:cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {password ? t('access:accounts.setPassword') : t('access:accounts.generatePassword')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Dialog>
  );
}

export function DeactivateDialog({ account, onClose }: { account: AccountItem; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const accessError = useAccessError();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function deactivate() {
    setBusy(true);
    setProblem(null);
    try {
      await accessApi.deactivateAccount(account.id);
      await queryClient.invalidateQueries({ queryKey: ACCESS_KEY });
      notify(t('access:accounts.deactivated'));
      onClose();
    } catch (error) {
      setProblem(accessError(error));
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('access:accounts.deactivateTitle')} onClose={onClose}>
      <Stack gap="md">
        <Text>{t('access:accounts.deactivateText', { login: account.login })}</Text>
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('access:cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void deactivate()}>
            {t('access:accounts.deactivate')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
