import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  Stack,
  Switch,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import { ApiError } from '../../app/api-client.ts';
import { NotFound } from '../../app/NotFound.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useLocale } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { pickLabel, useObjects } from '../metadata/index.ts';
import { ACCESS_KEY, accessApi, ROLES_KEY, type Role, useRole } from './api.ts';
import { FieldRulesPanel } from './FieldRulesPanel.tsx';
import { RightsGrid } from './RightsGrid.tsx';
import { bodyOf, draftOf, type RoleDraft, withFieldRule, withGrant } from './role-form.ts';

/** `/admin/roles/:id` (or `/admin/roles/new`): a role's name, rights grid and field rules. */
export function RoleEditorPage() {
  const { id = '' } = useParams();
  const roleId = id === 'new' ? null : /^\d+$/.test(id) ? Number(id) : Number.NaN;
  const role = useRole(Number.isNaN(roleId) ? null : roleId);
  const objects = useObjects();
  const locale = useLocale();
  const sorted = useMemo(
    () =>
      [...(objects.data ?? [])].sort((a, b) =>
        pickLabel(a.labels.many, locale).localeCompare(pickLabel(b.labels.many, locale), locale),
      ),
    [objects.data, locale],
  );
  if (Number.isNaN(roleId)) return <NotFound />;
  if (objects.isPending || (roleId !== null && role.isPending)) return <PageLoader />;
  if (objects.isError) return <ErrorState error={objects.error} onRetry={() => void objects.refetch()} />;
  if (role.isError) return <ErrorState error={role.error} onRetry={() => void role.refetch()} />;
  const loaded = roleId === null ? null : (role.data ?? null);
  // A new version from the server (saved, or someone else's) starts the form afresh.
  return <RoleForm key={loaded ? `${loaded.id}:${loaded.version}` : 'new'} role={loaded} objects={sorted} />;
}

function RoleForm({ role, objects }: { role: Role | null; objects: ObjectMeta[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<RoleDraft>(() => draftOf(role));
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const builtin = role?.builtin !== null && role?.builtin !== undefined;
  const title = role ? role.name : t('access:roles.new');
  useDocumentTitle(`${title} · ${t('access:roles.title')} · ${t('common:appName')}`);

  const edit = (next: RoleDraft) => {
    setDraft(next);
    setDirty(true);
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    if (builtin || saving) return;
    setSaving(true);
    setProblem(null);
    try {
      const body = bodyOf(draft, objects);
      const saved = role
        ? await accessApi.replaceRole(role.id, { ...body, version: role.version })
        : await accessApi.createRole(body);
      await queryClient.invalidateQueries({ queryKey: ACCESS_KEY });
      notify(t('access:roles.saved'));
      setDirty(false);
      if (!role) await navigate(`/admin/roles/${saved.id}`, { replace: true });
      else queryClient.setQueryData([...ROLES_KEY, role.id], saved);
    } catch (error) {
      const current = (error as ApiError).details as { current?: Role } | undefined;
      if (error instanceof ApiError && error.status === 409 && role && current?.current) {
        // Someone saved meanwhile: their version replaces the form, and the user is told so.
        notify(t('access:roles.stale'), 'yellow');
        queryClient.setQueryData([...ROLES_KEY, role.id], current.current);
        void queryClient.invalidateQueries({ queryKey: ROLES_KEY });
      } else setProblem(errorMessageOf(error));
    } finally {
      setSaving(false);
    }
  }

  // A 400 names what is wrong (in English); a name clash is a 409 of its own.
  function errorMessageOf(error: unknown): string {
    if (error instanceof ApiError && error.status === 409) return t('access:roles.nameTaken');
    return errorMessage(error);
  }

  return (
    <form onSubmit={(event) => void save(event)} noValidate aria-label={title}>
      <Stack gap="md">
        <Anchor component={Link} to="/admin/roles" size="sm">
          {t('access:roles.back')}
        </Anchor>
        <Group justify="space-between" align="flex-end">
          <Title order={1} size="h2">
            {title}
          </Title>
          {role && !builtin && (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => setDeleting(true)}
            >
              {t('access:roles.delete')}
            </Button>
          )}
        </Group>
        {builtin && (
          <Alert color="blue" role="status">
            {t('access:roles.builtinReadOnly')}
          </Alert>
        )}
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Group align="flex-start" gap="md" wrap="wrap">
          <TextInput
            label={t('access:roles.name')}
            required
            maxLength={100}
            value={draft.name}
            disabled={builtin}
            onChange={(event) => edit({ ...draft, name: event.currentTarget.value })}
            w={320}
          />
          <Textarea
            label={t('access:roles.description')}
            maxLength={2000}
            autosize
            minRows={1}
            value={draft.description}
            disabled={builtin}
            onChange={(event) => edit({ ...draft, description: event.currentTarget.value })}
            style={{ flex: 1, minWidth: 260 }}
          />
        </Group>
        <Switch
          label={t('access:roles.requireTotp')}
          description={t('access:roles.requireTotpHint')}
          checked={draft.requireTotp}
          disabled={builtin}
          onChange={(event) => edit({ ...draft, requireTotp: event.currentTarget.checked })}
        />
        <Tabs defaultValue="rights" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="rights">{t('access:roles.rightsTab')}</Tabs.Tab>
            <Tabs.Tab value="fields">{t('access:roles.fieldsTab')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="rights" pt="md">
            <RightsGrid
              objects={objects}
              draft={draft}
              builtin={builtin}
              onChange={(object, right, scope) => edit(withGrant(draft, object, right, scope))}
            />
          </Tabs.Panel>
          <Tabs.Panel value="fields" pt="md">
            <FieldRulesPanel
              objects={objects}
              draft={draft}
              builtin={builtin}
              onChange={(object, field, access) => edit(withFieldRule(draft, object, field, access))}
            />
          </Tabs.Panel>
        </Tabs>
        {!builtin && (
          <Group gap="sm">
            <Button
              type="submit"
              leftSection={<IconDeviceFloppy size={16} aria-hidden />}
              loading={saving}
              disabled={!dirty || draft.name.trim() === ''}
            >
              {t('access:roles.save')}
            </Button>
            {dirty && (
              <Text size="sm" c="dimmed" role="status">
                {t('access:roles.unsaved')}
              </Text>
            )}
          </Group>
        )}
      </Stack>
      {role && deleting && <DeleteRoleDialog role={role} onClose={() => setDeleting(false)} />}
    </form>
  );
}

function DeleteRoleDialog({ role, onClose }: { role: Role; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function remove() {
    setBusy(true);
    try {
      await accessApi.deleteRole(role.id);
      queryClient.removeQueries({ queryKey: [...ROLES_KEY, role.id] });
      await queryClient.invalidateQueries({ queryKey: ACCESS_KEY });
      notify(t('access:roles.deleted'));
      await navigate('/admin/roles', { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'role_in_use') {
        const details = error.details as { accounts?: unknown[]; workGroups?: unknown[] } | undefined;
        setProblem(
          t('access:roles.inUse', {
            accounts: details?.accounts?.length ?? 0,
            workGroups: details?.workGroups?.length ?? 0,
          }),
        );
      } else setProblem(errorMessage(error));
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('access:roles.deleteTitle')}
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <Stack gap="md">
        <Text>{t('access:roles.deleteText', { name: role.name })}</Text>
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('access:cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void remove()}>
            {t('access:roles.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
