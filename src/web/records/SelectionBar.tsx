import { Button, Group, Menu, Paper, Text } from '@mantine/core';
import {
  IconChevronDown,
  IconEdit,
  IconRestore,
  IconTrash,
  IconUsersMinus,
  IconUsersPlus,
  IconX,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ObjectMeta } from '../../shared/metadata/types.ts';
import { useObjectAbilities } from '../modules/access/index.ts';
import { useFormatters } from '../ui/format.ts';
import { type BulkKind, membershipFields } from './BulkActionDialog.tsx';
import { type Selection, selectedCount } from './selection.ts';

export interface SelectionBarProps {
  meta: ObjectMeta;
  selection: Selection;
  /** The list's total when known (exact), for "all matching" counts and the offer to extend. */
  total: number | null;
  loaded: number;
  allLoadedMarked: boolean;
  hasMore: boolean;
  trash: boolean;
  onSelectAllMatching: () => void;
  onClear: () => void;
  onAction: (kind: BulkKind) => void;
}

/** Shown while rows are marked: how many, the offer to mark every matching row, and the bulk actions. */
export function SelectionBar(props: SelectionBarProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { selection, total } = props;
  const count = selectedCount(selection, total);
  const groups = membershipFields(props.meta).length > 0;
  // Bulk actions (restoring from the trash is one too) need the bulk right; marking rows for an
  // export does not.
  const bulk = useObjectAbilities(props.meta.key).bulk;
  const label =
    count === null
      ? t('records:selection.allMatching')
      : t('records:selection.marked', { count, formatted: format.number(count) });

  return (
    <Paper
      withBorder
      px="sm"
      py={6}
      bg="var(--mantine-primary-color-light)"
      role="region"
      aria-label={t('records:selection.bar')}
    >
      <Group gap="sm" justify="space-between" wrap="wrap">
        <Group gap="sm" wrap="wrap">
          <Text size="sm" fw={500} role="status" aria-live="polite">
            {label}
          </Text>
          {selection.kind === 'ids' && props.allLoadedMarked && props.hasMore && (
            <Button size="compact-sm" variant="subtle" onClick={props.onSelectAllMatching}>
              {total === null
                ? t('records:selection.selectAllMatching')
                : t('records:selection.selectAllCount', { count: total, formatted: format.number(total) })}
            </Button>
          )}
          <Button
            size="compact-sm"
            variant="subtle"
            color="gray"
            leftSection={<IconX size={14} aria-hidden />}
            onClick={props.onClear}
          >
            {t('records:selection.clear')}
          </Button>
        </Group>
        {!bulk ? null : props.trash ? (
          <Button
            size="compact-sm"
            leftSection={<IconRestore size={14} aria-hidden />}
            onClick={() => props.onAction('restore')}
          >
            {t('records:actions.restore')}
          </Button>
        ) : (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button size="compact-sm" rightSection={<IconChevronDown size={14} aria-hidden />}>
                {t('records:selection.actions')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item
                leftSection={<IconEdit size={14} aria-hidden />}
                onClick={() => props.onAction('update')}
              >
                {t('records:selection.edit')}
              </Menu.Item>
              {groups && (
                <>
                  <Menu.Item
                    leftSection={<IconUsersPlus size={14} aria-hidden />}
                    onClick={() => props.onAction('addToGroup')}
                  >
                    {t('records:selection.addToGroup')}
                  </Menu.Item>
                  <Menu.Item
                    leftSection={<IconUsersMinus size={14} aria-hidden />}
                    onClick={() => props.onAction('removeFromGroup')}
                  >
                    {t('records:selection.removeFromGroup')}
                  </Menu.Item>
                </>
              )}
              <Menu.Divider />
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={14} aria-hidden />}
                onClick={() => props.onAction('delete')}
              >
                {t('records:selection.delete')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
    </Paper>
  );
}
