import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kindOf } from '../../shared/field-types/index.ts';
import type { FieldMeta, ObjectMeta } from '../../shared/metadata/types.ts';
import type { BulkRun } from '../../shared/records/bulk-runs.ts';
import { useGroupCreation } from '../modules/groups/index.ts';
import { pickLabel } from '../modules/metadata/index.ts';
import { useErrorMessage } from '../ui/error-message.ts';
import { useFormatters, useLocale } from '../ui/format.ts';
import { notify } from '../ui/notify.ts';
import { BulkRunProgress } from './BulkRunProgress.tsx';
import { FieldInput } from './FieldInput.tsx';
import { editableFields } from './form-values.ts';
import { type BulkAction, runBulk, type SelectionPayload, undoBulk } from './list-actions.ts';
import { ReferencePicker } from './ReferencePicker.tsx';
import { showUndoNotice } from './undo-notice.tsx';
import { saveErrorMessages } from './validation.ts';

export type BulkKind = 'update' | 'addToGroup' | 'removeFromGroup' | 'delete' | 'restore';

/** Fields a bulk edit may set: one value for many records makes no sense for a title or a membership. */
function bulkEditableFields(meta: ObjectMeta): FieldMeta[] {
  return editableFields(meta).filter(
    (field) => kindOf(field) !== 'membership' && !meta.titleFields.includes(field.key),
  );
}

export function membershipFields(meta: ObjectMeta): FieldMeta[] {
  return meta.fields.filter((field) => kindOf(field) === 'membership' && !field.readOnly && !field.system);
}

export interface BulkActionDialogProps {
  meta: ObjectMeta;
  kind: BulkKind;
  selection: SelectionPayload;
  onClose: () => void;
  onDone: () => void;
}

/**
 * Asks what to do, then shows how many records the action will touch (the server counts it
 * with `dryRun`) before anything is written.
 */
export function BulkActionDialog({ meta, kind, selection, onClose, onDone }: BulkActionDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const genericMessage = useErrorMessage();
  const errorMessage = genericMessage;
  const fields = kind === 'update' ? bulkEditableFields(meta) : membershipFields(meta);
  const [fieldKey, setFieldKey] = useState<string | null>(fields[0]?.key ?? null);
  const [value, setValue] = useState<unknown>(null);
  // Emptying a field on thousands of records takes a deliberate tick, not an empty input.
  const [clearing, setClearing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  // Set once the server took the action into the background: the dialog follows it.
  const [backgroundRun, setBackgroundRun] = useState<BulkRun | null>(null);
  const field = fields.find((candidate) => candidate.key === fieldKey);
  const membership = kind === 'addToGroup' || kind === 'removeFromGroup';
  // A new group is made right here, with the name typed into the picker (rights permitting).
  const createGroup = useGroupCreation(kind === 'addToGroup' ? field?.target : undefined);
  const action = buildAction(kind, field, clearing ? null : value, clearing);
  // The count (and the server's check of the value) follows typing after a pause, not per key.
  const [settled] = useDebouncedValue(action, 300);

  const preview = useQuery({
    queryKey: ['records', meta.key, 'bulk-count', selection, settled],
    queryFn: () => runBulk(meta.key, selection, settled!, true),
    enabled: settled !== null,
    retry: false,
    staleTime: 0,
  });

  async function run() {
    if (!action) return;
    setRunning(true);
    setError(null);
    try {
      const result = await runBulk(meta.key, selection, action, false);
      if ('run' in result) {
        setBackgroundRun(result.run);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: ['records', meta.key] });
      const message = t('records:bulk.done', { count: result.count, formatted: format.number(result.count) });
      const undo = result.undo ?? [];
      if (undo.length > 0) {
        // Ten seconds to take it back: a bulk change is the easiest big mistake to make.
        showUndoNotice({
          message,
          undo: () => undoBulk(meta.key, undo),
          onUndone: () => void queryClient.invalidateQueries({ queryKey: ['records', meta.key] }),
          errorMessage,
        });
      } else notify(message);
      onDone();
    } catch (failure) {
      const messages = saveErrorMessages(failure, meta, t, errorMessage);
      const atField = Object.values(messages.byField)[0];
      setError(atField ? `${field ? pickLabel(field.labels, locale) : ''}: ${atField}` : messages.form);
    } finally {
      setRunning(false);
    }
  }

  function backgroundFinished(run: BulkRun) {
    void queryClient.invalidateQueries({ queryKey: ['records', meta.key] });
    // A clean finish says so and closes; a report with refused batches stays until read.
    if (run.status === 'done' && run.failed === 0) {
      notify(t('records:bulk.done', { count: run.updated, formatted: format.number(run.updated) }));
      onDone();
    }
  }

  if (backgroundRun) {
    return (
      <Modal
        opened
        onClose={onDone}
        title={t(`records:bulk.title.${kind}`)}
        closeButtonProps={{ 'aria-label': t('common:close') }}
      >
        <Stack gap="md">
          <BulkRunProgress started={backgroundRun} onFinished={backgroundFinished} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('common:close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    );
  }

  const count = preview.data?.count;
  const estimated = preview.data?.exact === false;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(`records:bulk.title.${kind}`)}
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <Stack gap="md">
        {/* Which membership only when there is a choice: an object with one kind of group asks nothing. */}
        {(kind === 'update' || (membership && fields.length > 1)) && (
          <Select
            label={kind === 'update' ? t('records:bulk.field') : t('records:bulk.membership')}
            data={fields.map((candidate) => ({
              value: candidate.key,
              label: pickLabel(candidate.labels, locale),
            }))}
            value={fieldKey}
            allowDeselect={false}
            searchable
            onChange={(next) => {
              setFieldKey(next);
              setValue(null);
              setClearing(false);
            }}
          />
        )}
        {kind === 'update' && field && (
          <>
            {!clearing && (
              <FieldInput
                field={{ ...field, required: false }}
                label={t('records:bulk.newValue')}
                value={value}
                onChange={setValue}
              />
            )}
            {!field.required && (
              <Checkbox
                label={t('records:bulk.clearField')}
                checked={clearing}
                onChange={(event) => setClearing(event.currentTarget.checked)}
              />
            )}
            {!action && (
              <Text size="sm" c="dimmed">
                {t('records:bulk.valueNeeded')}
              </Text>
            )}
          </>
        )}
        {membership && field && (
          <ReferencePicker
            key={field.key}
            field={{ ...field, type: 'relation', required: true }}
            label={t('records:bulk.group')}
            expanded={null}
            value={typeof value === 'number' ? value : null}
            onChange={setValue}
            create={createGroup}
          />
        )}
        {preview.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(preview.error)}
          </Alert>
        ) : (
          action &&
          count !== undefined && (
            <Text role="status" fw={500}>
              {t(`records:bulk.willTouch.${kind}`, {
                count,
                formatted: `${estimated ? '≈ ' : ''}${format.number(count)}`,
              })}
            </Text>
          )
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('records:actions.cancel')}
          </Button>
          <Button
            color={kind === 'delete' ? 'red' : undefined}
            disabled={!action || count === undefined || count === 0 || preview.isError}
            loading={running}
            onClick={() => void run()}
          >
            {t(`records:bulk.confirm.${kind}`, {
              count: count ?? 0,
              formatted: `${estimated ? '≈ ' : ''}${format.number(count ?? 0)}`,
            })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The action once the dialog has what it needs; null while a choice is missing. */
function buildAction(
  kind: BulkKind,
  field: FieldMeta | undefined,
  value: unknown,
  clearing: boolean,
): BulkAction | null {
  if (kind === 'delete' || kind === 'restore') return { type: kind };
  if (!field) return null;
  if (kind === 'update') {
    const empty = value === null || value === undefined || value === '';
    if (empty && !clearing) return null;
    return { type: 'update', field: field.key, value: empty ? null : value };
  }
  if (typeof value !== 'number') return null;
  return { type: kind, field: field.key, groupId: value };
}
