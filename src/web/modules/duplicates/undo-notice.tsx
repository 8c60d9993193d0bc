import { ApiError } from '../../app/api-client.ts';
import { i18n } from '../../app/i18n.ts';
import { showUndoNotice } from '../../records/undo-notice.tsx';
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
  showUndoNotice({
    message: i18n.t('duplicates:merge.done', { title: options.keptTitle }),
    undo: async () => {
      await undoMerge(options.mergeId);
    },
    onUndone: options.onUndone,
    errorMessage: options.errorMessage,
    conflictMessage: i18n.t('duplicates:merge.undoConflict'),
    undoLabel: i18n.t('duplicates:merge.undo'),
    undoneMessage: i18n.t('duplicates:merge.undone'),
  });
}

/** A refused undo says why in words the user can act on: something changed since the merge. */
export function undoErrorMessage(error: unknown, fallback: (error: unknown) => string): string {
  if (error instanceof ApiError && error.status === 409) return i18n.t('duplicates:merge.undoConflict');
  return fallback(error);
}
