import { ActionIcon, Anchor, Box, Button, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import {
  IconArrowMoveRight,
  IconDots,
  IconGripVertical,
  IconPencil,
  IconPlus,
  IconSubtask,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type DragEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api } from '../../app/api-client.ts';
import type { RecordData } from '../../app/api-types.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useLocale } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { expandedTitle } from '../metadata/index.ts';
import { DepartmentDialog, type DepartmentDialogProps } from './DepartmentDialogs.tsx';
import { buildDepartmentTree, type DepartmentNode, subtreeIds } from './department-tree.ts';
import { useDepartments } from './organisation.ts';

const DRAG_TYPE = 'application/x-kartoteka-department';
type Dialog = Pick<DepartmentDialogProps, 'mode' | 'department' | 'parent'> | null;

/**
 * `/admin/departments`: the department tree. Drag a department onto another to put it below
 * it, or onto "top level"; the "Move to…" item does the same from the keyboard.
 */
export function DepartmentsPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('access:departments.title')} · ${t('common:appName')}`);
  const locale = useLocale();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const departments = useDepartments(locale);
  const rows = departments.data ?? [];
  const tree = useMemo(() => buildDepartmentTree(departments.data ?? []), [departments.data]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [dragged, setDragged] = useState<number | null>(null);
  const [over, setOver] = useState<number | 'top' | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['records', 'department'] });

  /** Saves a change; answers the message to show, or null when it worked. */
  async function write(request: () => Promise<unknown>): Promise<string | null> {
    try {
      await request();
      await refresh();
      notify(t('access:departments.saved'));
      return null;
    } catch (error) {
      if (error instanceof ApiError && error.fieldIssues.some((issue) => issue.code === 'cycle'))
        return t('access:departments.cycle');
      if (error instanceof ApiError && error.status === 409) {
        void refresh();
        return t('access:departments.stale');
      }
      return errorMessage(error);
    }
  }

  const patch = (department: RecordData, values: Record<string, unknown>) =>
    write(() =>
      api.patch(`/api/records/department/${department.id}`, { ...values, version: department.version }),
    );

  async function move(id: number, parent: number | null) {
    const department = rows.find((row) => row.id === id);
    if (!department || id === parent || (department.parent ?? null) === parent) return;
    const problem = await patch(department, { parent });
    if (problem) notify(problem, 'red');
  }

  function dropProps(target: number | 'top') {
    return {
      onDragOver: (event: DragEvent) => {
        if (dragged === null || dragged === target) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setOver(target);
      },
      onDragLeave: () => setOver((current) => (current === target ? null : current)),
      onDrop: (event: DragEvent) => {
        event.preventDefault();
        const id = Number(event.dataTransfer.getData(DRAG_TYPE) || dragged);
        setOver(null);
        setDragged(null);
        if (id) void move(id, target === 'top' ? null : target);
      },
    };
  }

  function renderNode(node: DepartmentNode) {
    const { record } = node;
    const name = String(record.name ?? `#${record.id}`);
    const head = expandedTitle(record, 'head');
    return (
      <li key={record.id}>
        <Paper
          withBorder
          px="xs"
          py={4}
          my={4}
          draggable
          onDragStart={(event: DragEvent) => {
            event.dataTransfer.setData(DRAG_TYPE, String(record.id));
            event.dataTransfer.effectAllowed = 'move';
            setDragged(record.id);
          }}
          onDragEnd={() => {
            setDragged(null);
            setOver(null);
          }}
          bg={over === record.id ? 'var(--mantine-primary-color-light)' : undefined}
          style={{ cursor: 'grab', opacity: dragged === record.id ? 0.5 : 1 }}
          data-department={name}
          {...dropProps(record.id)}
        >
          <Group gap="xs" wrap="nowrap" justify="space-between">
            <Group gap="xs" wrap="nowrap">
              <IconGripVertical size={16} aria-hidden color="var(--mantine-color-dimmed)" />
              <Anchor component={Link} to={`/records/department/${record.id}`} fw={500}>
                {name}
              </Anchor>
              {head && (
                <Text size="sm" c="dimmed">
                  {t('access:departments.head', { name: head })}
                </Text>
              )}
            </Group>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('access:departments.actionsFor', { name })}
                >
                  <IconDots size={16} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item
                  leftSection={<IconPencil size={14} aria-hidden />}
                  onClick={() => setDialog({ mode: 'rename', department: record, parent: null })}
                >
                  {t('access:departments.rename')}
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconArrowMoveRight size={14} aria-hidden />}
                  onClick={() => setDialog({ mode: 'move', department: record, parent: null })}
                >
                  {t('access:departments.move')}
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconSubtask size={14} aria-hidden />}
                  onClick={() => setDialog({ mode: 'create', department: null, parent: record.id })}
                >
                  {t('access:departments.addBelow')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Paper>
        {node.children.length > 0 && (
          <Box component="ul" pl="lg" m={0} style={{ listStyle: 'none' }}>
            {node.children.map(renderNode)}
          </Box>
        )}
      </li>
    );
  }

  if (departments.isPending) return <PageLoader />;
  if (departments.isError)
    return <ErrorState error={departments.error} onRetry={() => void departments.refetch()} />;

  return (
    <Stack gap="md" maw={800}>
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('access:departments.title')}
        </Title>
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setDialog({ mode: 'create', department: null, parent: null })}
        >
          {t('access:departments.new')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('access:departments.hint')}
      </Text>
      {rows.length === 0 ? (
        <Text c="dimmed" role="status">
          {t('access:departments.empty')}
        </Text>
      ) : (
        <>
          <Box
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('access:departments.title')}
          >
            {tree.map(renderNode)}
          </Box>
          {/* Below the tree: appearing above it would shift every department under the pointer. */}
          {dragged !== null && (
            <Paper
              withBorder
              p="xs"
              ta="center"
              style={{ borderStyle: 'dashed' }}
              bg={over === 'top' ? 'var(--mantine-primary-color-light)' : undefined}
              {...dropProps('top')}
            >
              <Text size="sm">{t('access:departments.dropTop')}</Text>
            </Paper>
          )}
        </>
      )}
      {dialog && (
        <DepartmentDialog
          {...dialog}
          departments={rows}
          excluded={dialog.department ? subtreeIds(rows, dialog.department.id) : new Set()}
          onClose={() => setDialog(null)}
          onSubmit={({ name, parent }) => {
            if (dialog.mode === 'create')
              return write(() => api.post('/api/records/department', { name, parent }));
            if (!dialog.department) return Promise.resolve(null);
            return patch(dialog.department, dialog.mode === 'rename' ? { name } : { parent });
          }}
        />
      )}
    </Stack>
  );
}
