import { Alert, Button, Group, List, Modal, Radio, Stack, Table, Text } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import { ApiError } from '../../app/api-client.ts';
import type { RecordData } from '../../app/api-types.ts';
import { useRecord } from '../../records/queries.ts';
import { ValueText } from '../../records/ValueText.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useLocale } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { fieldOf, pickLabel, recordTitle, useObjectMeta } from '../metadata/index.ts';
import { mergeRecords, useMergePreview, useRefreshAfterMerge } from './api.ts';
import { chosenValues, defaultChoices, differingFields, type Side } from './merge-choices.ts';
import { showMergeNotice } from './undo-notice.tsx';

export interface MergeDialogProps {
  meta: ObjectMeta;
  /** The two records as first proposed; the user may swap which one is kept. */
  keepId: number;
  mergeId: number;
  onClose: () => void;
  onMerged?: (keptId: number) => void;
}

/**
 * Merging two records: the differing fields side by side, a radio per field for the value the
 * kept record takes, what moves to it (people, memberships…), then one click. The notice after
 * it offers Undo.
 */
export function MergeDialog(props: MergeDialogProps) {
  const { t } = useTranslation();
  const [ids, setIds] = useState({ keep: props.keepId, merge: props.mergeId });
  return (
    <Modal
      opened
      onClose={props.onClose}
      size="xl"
      title={t('duplicates:merge.title')}
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <MergeChoice
        key={`${ids.keep}-${ids.merge}`}
        {...props}
        keepId={ids.keep}
        mergeId={ids.merge}
        onSwap={() => setIds({ keep: ids.merge, merge: ids.keep })}
      />
    </Modal>
  );
}

function MergeChoice(props: MergeDialogProps & { onSwap: () => void }) {
  const { meta } = props;
  const locale = useLocale();
  const keep = useRecord(meta.key, String(props.keepId), [], locale);
  const merge = useRecord(meta.key, String(props.mergeId), [], locale);
  if (keep.isPending || merge.isPending) return <PageLoader />;
  if (keep.isError) return <ErrorState error={keep.error} onRetry={() => void keep.refetch()} />;
  if (merge.isError) return <ErrorState error={merge.error} onRetry={() => void merge.refetch()} />;
  return <MergeForm {...props} keep={keep.data} merge={merge.data} />;
}

function MergeForm(props: MergeDialogProps & { onSwap: () => void; keep: RecordData; merge: RecordData }) {
  const { meta, keep, merge } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const refresh = useRefreshAfterMerge();
  const choices = differingFields(meta, keep, merge);
  const [sides, setSides] = useState<Record<string, Side>>(() => defaultChoices(choices));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const keepTitle = recordTitle(meta, keep, locale) || `#${keep.id}`;
  const mergeTitle = recordTitle(meta, merge, locale) || `#${merge.id}`;

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const result = await mergeRecords(meta.key, {
        keepId: keep.id,
        mergeId: merge.id,
        values: chosenValues(choices, sides),
        keepVersion: keep.version,
        mergeVersion: merge.version,
      });
      refresh(meta.key);
      showMergeNotice({
        mergeId: result.mergeId,
        keptTitle: recordTitle(meta, result.record, locale) || keepTitle,
        onUndone: () => refresh(meta.key),
        errorMessage,
      });
      props.onClose();
      props.onMerged?.(keep.id);
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.status === 409
          ? t('duplicates:merge.changedMeanwhile')
          : errorMessage(failure),
      );
      if (failure instanceof ApiError && failure.status === 409) refresh(meta.key);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="md">
      <Text size="sm">{t('duplicates:merge.explain', { keep: keepTitle, merge: mergeTitle })}</Text>
      <Group>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconArrowsExchange size={14} aria-hidden />}
          onClick={props.onSwap}
        >
          {t('duplicates:merge.swap')}
        </Button>
      </Group>
      {choices.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('duplicates:merge.noDifferences')}
        </Text>
      ) : (
        <Table striped withTableBorder aria-label={t('duplicates:merge.choicesLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('duplicates:merge.field')}</Table.Th>
              <Table.Th>{t('duplicates:merge.keepColumn', { title: keepTitle })}</Table.Th>
              <Table.Th>{t('duplicates:merge.mergeColumn', { title: mergeTitle })}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {choices.map((choice) => {
              const label = pickLabel(choice.field.labels, locale);
              // Native radio groups (one name per row): a Radio.Group would put a div into the table.
              return (
                <Table.Tr key={choice.field.key}>
                  <Table.Th scope="row" fw={500}>
                    {label}
                  </Table.Th>
                  {(['keep', 'merge'] as const).map((side) => (
                    <Table.Td key={side}>
                      <Radio
                        name={`merge-${choice.field.key}`}
                        value={side}
                        checked={sides[choice.field.key] === side}
                        onChange={() => setSides((current) => ({ ...current, [choice.field.key]: side }))}
                        aria-label={t(`duplicates:merge.take.${side}`, { field: label })}
                        label={<ValueText field={choice.field} value={choice[side]} />}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <MovePreview meta={meta} keepId={keep.id} mergeId={merge.id} />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={props.onClose}>
          {t('duplicates:merge.cancel')}
        </Button>
        <Button color="red" loading={busy} onClick={() => void submit()}>
          {t('duplicates:merge.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}

/** "Moves to the kept record: 2 × People (Company)…", as far as the reader may see. */
function MovePreview({ meta, keepId, mergeId }: { meta: ObjectMeta; keepId: number; mergeId: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { objects } = useObjectMeta(meta.key);
  const preview = useMergePreview(meta.key, keepId, mergeId);
  if (!preview.data) return null;
  const { references, memberships } = preview.data;
  const label = (object: string, field: string) => {
    const source = objects?.find((candidate) => candidate.key === object);
    const sourceField = source ? fieldOf(source, field) : undefined;
    return {
      what: source ? pickLabel(source.labels.many, locale) : object,
      via: sourceField ? pickLabel(sourceField.labels, locale) : field,
    };
  };
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('duplicates:merge.moves')}
      </Text>
      {references.length === 0 && memberships.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('duplicates:merge.movesNothing')}
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {references.map((reference) => (
            <List.Item key={`${reference.object}.${reference.field}`}>
              {t('duplicates:merge.movesRecords', {
                count: reference.count,
                ...label(reference.object, reference.field),
              })}
            </List.Item>
          ))}
          {memberships.map((membership) => {
            const field = fieldOf(meta, membership.field);
            return (
              <List.Item key={membership.field}>
                {t('duplicates:merge.movesMemberships', {
                  count: membership.count,
                  field: field ? pickLabel(field.labels, locale) : membership.field,
                })}
              </List.Item>
            );
          })}
        </List>
      )}
    </Stack>
  );
}
