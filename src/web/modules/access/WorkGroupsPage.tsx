import {
  Alert,
  Anchor,
  Button,
  Grid,
  Group,
  Modal,
  MultiSelect,
  NavLink,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../app/api-client.ts';
import type { RecordData } from '../../app/api-types.ts';
import { MultiReferencePicker } from '../../records/ReferencePicker.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useLocale } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { fieldOf, useObjectMeta } from '../metadata/index.ts';
import { ACCESS_KEY, accessApi, type Role, useRoles } from './api.ts';
import { useWorkGroups } from './organisation.ts';

/** `/admin/work-groups?group=3`: the groups, and for the chosen one its members and roles. */
export function WorkGroupsPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('access:workGroups.title')} · ${t('common:appName')}`);
  const locale = useLocale();
  const groups = useWorkGroups(locale);
  const roles = useRoles();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const select = (id: number) => setParams({ group: String(id) }, { replace: true });

  if (groups.isPending || roles.isPending) return <PageLoader />;
  if (groups.isError) return <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />;
  if (roles.isError) return <ErrorState error={roles.error} onRetry={() => void roles.refetch()} />;
  const chosen = groups.data.find((group) => String(group.id) === params.get('group')) ?? groups.data[0];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('access:workGroups.title')}
        </Title>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          {t('access:workGroups.new')}
        </Button>
      </Group>
      {groups.data.length === 0 ? (
        <Text c="dimmed" role="status">
          {t('access:workGroups.empty')}
        </Text>
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <nav aria-label={t('access:workGroups.title')}>
              {groups.data.map((group) => (
                <NavLink
                  key={group.id}
                  component="button"
                  type="button"
                  label={String(group.name ?? `#${group.id}`)}
                  active={group.id === chosen?.id}
                  aria-current={group.id === chosen?.id ? 'true' : undefined}
                  onClick={() => select(group.id)}
                />
              ))}
            </nav>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            {chosen && (
              <GroupEditor key={`${chosen.id}:${chosen.version}`} group={chosen} roles={roles.data} />
            )}
          </Grid.Col>
        </Grid>
      )}
      {creating && <CreateGroupDialog onClose={() => setCreating(false)} onCreated={select} />}
    </Stack>
  );
}

function GroupEditor({ group, roles }: { group: RecordData; roles: Role[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const { meta } = useObjectMeta('work_group');
  const membersField = meta ? fieldOf(meta, 'members') : undefined;
  const [members, setMembers] = useState<number[]>(
    Array.isArray(group.members) ? (group.members as number[]) : [],
  );
  const current = roles.filter((role) => role.workGroups.includes(group.id)).map((role) => String(role.id));
  const [chosenRoles, setChosenRoles] = useState(current);
  const [busy, setBusy] = useState<'members' | 'roles' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const name = String(group.name ?? `#${group.id}`);

  async function run(
    what: 'members' | 'roles',
    request: () => Promise<unknown>,
    invalidate: readonly unknown[],
  ) {
    setBusy(what);
    setProblem(null);
    try {
      await request();
      notify(t('access:workGroups.saved'));
      await queryClient.invalidateQueries({ queryKey: invalidate });
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="work-group-title">
      <Stack gap="md">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h3" id="work-group-title">
            {name}
          </Title>
          <Anchor component={Link} to={`/records/work_group/${group.id}`} size="sm">
            {t('access:workGroups.openRecord')}
          </Anchor>
        </Group>
        {typeof group.description === 'string' && group.description && (
          <Text size="sm">{group.description}</Text>
        )}
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        {membersField && (
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <div style={{ flex: 1 }}>
              <MultiReferencePicker
                field={membersField}
                label={t('access:workGroups.members')}
                expanded={group._expanded?.members}
                value={members}
                onChange={setMembers}
              />
            </div>
            <Button
              variant="light"
              loading={busy === 'members'}
              onClick={() =>
                void run(
                  'members',
                  () => api.patch(`/api/records/work_group/${group.id}`, { members, version: group.version }),
                  ['records', 'work_group'],
                )
              }
            >
              {t('access:workGroups.saveMembers')}
            </Button>
          </Group>
        )}
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <MultiSelect
            label={t('access:workGroups.roles')}
            description={t('access:workGroups.rolesHint')}
            data={roles.map((role) => ({ value: String(role.id), label: role.name }))}
            value={chosenRoles}
            onChange={setChosenRoles}
            searchable
            style={{ flex: 1 }}
          />
          <Button
            variant="light"
            loading={busy === 'roles'}
            onClick={() =>
              void run(
                'roles',
                () => accessApi.setWorkGroupRoles(group.id, chosenRoles.map(Number)),
                ACCESS_KEY,
              )
            }
          >
            {t('access:workGroups.saveRoles')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function CreateGroupDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const created = await api.post<RecordData>('/api/records/work_group', {
        name: name.trim(),
        description: description.trim() || null,
      });
      await queryClient.invalidateQueries({ queryKey: ['records', 'work_group'] });
      notify(t('access:workGroups.saved'));
      onCreated(created.id);
      onClose();
    } catch (error) {
      setProblem(errorMessage(error));
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('access:workGroups.new')}
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          <TextInput
            label={t('access:workGroups.name')}
            required
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            data-autofocus
          />
          <Textarea
            label={t('access:workGroups.description')}
            maxLength={2000}
            autosize
            minRows={2}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
          />
          <Group justify="flex-end" gap="sm" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('access:cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!name.trim()}>
              {t('access:workGroups.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
