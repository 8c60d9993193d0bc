import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ApiError } from '../../app/api-client.ts';
import { i18n } from '../../app/i18n.ts';
import { notify } from '../../ui/notify.ts';
import { undoMerge } from './api.ts';

/**
 * The notice after a merge, with Undo: the merge log keeps what undo needs, so the notice
 * going away loses nothing (the duplicates page lists recent merges with Undo as well).
 */
export function showMergeNotice(options: {
  mergeId: number;
  keptTitle: string;
  onUndone: () => void;
  errorMessage: (error: unknown) => string;
}): void {
  const noticeId = `merged-${options.mergeId}`;
  notifications.show({
    id: noticeId,
    color: 'green',
    autoClose: 10_000,
    closeButtonProps: { 'aria-label': i18n.t('common:close') },
    message: (
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm">{i18n.t('duplicates:merge.done', { title: options.keptTitle })}</Text>
        <Button
          size="compact-sm"
          variant="light"
          onClick={async () => {
            notifications.hide(noticeId);
            try {
              await undoMerge(options.mergeId);
              notify(i18n.t('duplicates:merge.undone'));
              options.onUndone();
            } catch (error) {
              notify(undoErrorMessage(error, options.errorMessage), 'red');
            }
          }}
        >
          {i18n.t('duplicates:merge.undo')}
        </Button>
      </Group>
    ),
  });
}

/** A refused undo says why in words the user can act on: something changed since the merge. */
export function undoErrorMessage(error: unknown, fallback: (error: unknown) => string): string {
  if (error instanceof ApiError && error.status === 409) return i18n.t('duplicates:merge.undoConflict');
  return fallback(error);
}
