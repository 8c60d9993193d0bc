import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client.ts';
import type { RecordData } from '../../app/api-types.ts';
import { ConflictDialog } from '../../records/ConflictDialog.tsx';
import { conflictingRecord } from '../../records/validation.ts';
import { useErrorMessage } from '../../ui/error-message.ts';
import { notify } from '../../ui/notify.ts';
import { useObjectMeta } from '../metadata/index.ts';
import { type CalendarItem, moveBody } from './calendar-events.ts';

/** A move the server refused because someone changed the record meanwhile. */
export interface PendingMove {
  item: CalendarItem;
  /** The values the move would set (without the version). */
  mine: Record<string, unknown>;
  /** The record as the server has it now. */
  current: RecordData;
}

/**
 * Saves a dragged or resized event with the version it was shown at. Refused because someone
 * changed the record meanwhile, the event goes back and the conflict dialog opens; refused for
 * another reason, it goes back with the reason.
 */
export function useMove(refetch: () => void, onConflict: (pending: PendingMove) => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  return async (item: CalendarItem, start: Date, end: Date | null, revert: () => void) => {
    const { version, ...mine } = moveBody(item, start, end);
    try {
      await api.patch<RecordData>(`/api/records/${item.kind}/${item.recordId}`, { ...mine, version });
      notify(t('calendar:moved'));
      void queryClient.invalidateQueries({ queryKey: ['records', item.kind] });
      refetch();
    } catch (error) {
      revert();
      const current = conflictingRecord(error);
      if (current) onConflict({ item, mine, current });
      else notify(errorMessage(error), 'red');
    }
  };
}

/** The record's conflict dialog for a refused move: keep mine or theirs, field by field. */
export function MoveConflict({ pending, onDone }: { pending: PendingMove; onDone: () => void }) {
  const { meta } = useObjectMeta(pending.item.kind);
  const errorMessage = useErrorMessage();
  if (!meta) return null;
  const base = {
    ...pending.current,
    ...Object.fromEntries(Object.keys(pending.mine).map((key) => [key, null])),
  };
  return (
    <ConflictDialog
      meta={meta}
      base={base}
      mine={pending.mine}
      current={pending.current}
      onCancel={onDone}
      onResolve={(values) => {
        if (Object.keys(values).length === 0) return onDone();
        api
          .patch(`/api/records/${pending.item.kind}/${pending.item.recordId}`, {
            ...values,
            version: pending.current.version,
          })
          .catch((error: unknown) => notify(errorMessage(error), 'red'))
          .finally(onDone);
      }}
    />
  );
}
