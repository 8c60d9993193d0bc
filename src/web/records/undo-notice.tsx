import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ApiError } from '../app/api-client.ts';
import { i18n } from '../app/i18n.ts';
import { notify } from '../ui/notify.ts';

/** How long Undo stays offered after a delete or a bulk change. */
export const UNDO_VISIBLE_MS = 10_000;

let lastNotice = 0;

/**
 * A notice saying what was done, with Undo for ten seconds (the notice pauses while pointed
 * at). `undo` does the taking back; a 409 means someone changed a record since, and the
 * notice says so instead of overwriting their edit.
 */
export function showUndoNotice(options: {
  message: string;
  undo: () => Promise<void>;
  onUndone?: () => void;
  errorMessage: (error: unknown) => string;
  /** What a refusal because something changed since says; the generic words by default. */
  conflictMessage?: string;
  /** What the undo button says, when the action has its own word for it. */
  undoLabel?: string;
  /** What is said once undone. */
  undoneMessage?: string;
}): void {
  lastNotice += 1;
  const noticeId = `undo-${lastNotice}`;
  notifications.show({
    id: noticeId,
    color: 'green',
    autoClose: UNDO_VISIBLE_MS,
    closeButtonProps: { 'aria-label': i18n.t('common:close') },
    message: (
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm">{options.message}</Text>
        <Button
          size="compact-sm"
          variant="light"
          onClick={async () => {
            notifications.hide(noticeId);
            try {
              await options.undo();
              notify(options.undoneMessage ?? i18n.t('undo:undone'));
              options.onUndone?.();
            } catch (error) {
              const changed = error instanceof ApiError && error.status === 409;
              const conflict = options.conflictMessage ?? i18n.t('undo:changedSince');
              notify(changed ? conflict : options.errorMessage(error), 'red');
            }
          }}
        >
          {options.undoLabel ?? i18n.t('undo:undo')}
        </Button>
      </Group>
    ),
  });
}
