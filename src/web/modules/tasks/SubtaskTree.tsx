import { ActionIcon, Anchor, Box, Button, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import type { RecordData } from '../../app/api-types.ts';
import { listProjection } from '../../records/columns.ts';
import type { RecordExtensionProps } from '../../records/extensions.ts';
import { FieldValue } from '../../records/FieldValue.tsx';
import { useRecordPages } from '../../records/queries.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useLocale } from '../../ui/format.ts';
import { useObjectAbilities } from '../access/index.ts';
import { recordTitle } from '../metadata/index.ts';
import classes from './SubtaskTree.module.css';

/** What a subtask's line shows after its title. */
const FACTS = ['status', 'assignee', 'due_at'];
/** More than anyone breaks one task into; the rest is in the list behind "open the list". */
const LEVEL_LIMIT = 100;

/** The relation the tree shows, so the record page does not list it a second time. */
export const SUBTASK_RELATION = 'task.parent';

/**
 * A task's subtasks as a tree: each level read when opened (a tree of any depth costs one
 * query per level looked at), each line with its status, assignee and due time (red when
 * overdue) and, for a subtask with subtasks of its own, its progress.
 */
export function SubtaskTree({ meta, record }: RecordExtensionProps) {
  if (meta.key !== 'task') return null;
  return <Subtasks meta={meta} task={record} />;
}

function Subtasks({ meta, task }: { meta: ObjectMeta; task: RecordData }) {
  const { t } = useTranslation();
  const canCreate = useObjectAbilities('task').create;
  const progress = typeof task.progress === 'number' ? task.progress : null;
  const register = typeof task.register === 'number' ? `&register=${task.register}` : '';
  return (
    <section aria-labelledby="subtasks-heading">
      <Group justify="space-between" align="center" mb="xs" gap="xs">
        <Title order={2} size="h4" id="subtasks-heading">
          {t('tasks:tree.title')}
        </Title>
        {canCreate && (
          <Button
            component={Link}
            to={`/records/task/new?parent=${task.id}${register}`}
            variant="light"
            size="compact-sm"
            leftSection={<IconPlus size={14} aria-hidden />}
          >
            {t('tasks:tree.add')}
          </Button>
        )}
      </Group>
      {progress !== null && (
        <Stack gap={4} mb="sm">
          <Progress value={progress} aria-label={t('tasks:tree.progress', { progress })} />
          <Text size="xs" c="dimmed" aria-hidden>
            {t('tasks:tree.progress', { progress })}
          </Text>
        </Stack>
      )}
      <SubtaskLevel meta={meta} parentId={task.id} />
    </section>
  );
}

function SubtaskLevel({ meta, parentId }: { meta: ObjectMeta; parentId: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const columns = meta.fields.filter((field) => [...FACTS, 'progress'].includes(field.key));
  const pages = useRecordPages({
    object: meta.key,
    filter: { field: 'parent', op: 'eq', value: parentId },
    sort: [{ field: 'due_at', direction: 'asc' }],
    locale,
    limit: LEVEL_LIMIT,
    ...listProjection(meta, columns),
  });
  if (pages.isError) return <ErrorState error={pages.error} />;
  if (pages.isPending) return <Text c="dimmed">{t('common:loading')}</Text>;
  const rows = pages.data.pages[0]?.items ?? [];
  if (rows.length === 0) return <Text c="dimmed">{t('tasks:tree.none')}</Text>;
  return (
    <ul className={classes.level}>
      {rows.map((row) => (
        <SubtaskItem key={row.id} meta={meta} row={row} />
      ))}
    </ul>
  );
}

function SubtaskItem({ meta, row }: { meta: ObjectMeta; row: RecordData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const title = recordTitle(meta, row, locale) || `#${row.id}`;
  // Only a task with subtasks has a progress: that is what makes it open further.
  const progress = typeof row.progress === 'number' ? row.progress : null;
  const facts = meta.fields.filter((field) => FACTS.includes(field.key));
  return (
    <li className={classes.item}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        {progress !== null ? (
          <ActionIcon
            variant="subtle"
            size="sm"
            aria-expanded={open}
            aria-label={t(open ? 'tasks:tree.collapse' : 'tasks:tree.expand', { title })}
            onClick={() => setOpen((value) => !value)}
          >
            <IconChevronRight size={16} aria-hidden className={open ? classes.open : undefined} />
          </ActionIcon>
        ) : (
          <Box w={22} />
        )}
        <Box miw={0}>
          <Anchor component={Link} to={`/records/task/${row.id}`} size="sm" fw={500}>
            {title}
          </Anchor>
          <Text size="xs" c="dimmed" component="div" className={classes.facts}>
            {facts.map((field) => (
              <span key={field.key}>
                <FieldValue field={field} record={row} />
              </span>
            ))}
            {progress !== null && <span>{t('tasks:tree.progress', { progress })}</span>}
          </Text>
        </Box>
      </Group>
      {open && (
        <Box pl={28}>
          <SubtaskLevel meta={meta} parentId={row.id} />
        </Box>
      )}
    </li>
  );
}
