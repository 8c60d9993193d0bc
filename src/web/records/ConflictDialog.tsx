import { Alert, Button, Group, Modal, Radio, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectMeta } from '../../shared/metadata/types.ts';
import type { RecordData } from '../app/api-types.ts';
import { fieldOf, pickLabel } from '../modules/metadata/index.ts';
import { useLocale } from '../ui/format.ts';
import { changedBetween, editableFields, sameValue, type Values } from './form-values.ts';
import { ValueText } from './ValueText.tsx';

export interface ConflictDialogProps {
  meta: ObjectMeta;
  /** The version the user started editing. */
  base: RecordData;
  /** The user's changes over `base`. */
  mine: Values;
  /** The record as it is on the server now. */
  current: RecordData;
  onCancel: () => void;
  /** The changes to save over `current` (empty: take the current version as it is). */
  onResolve: (values: Values) => void;
}

/**
 * Someone saved the record while the user was editing it. Every field the user changed is
 * shown with both values; the user picks per field, and nothing is lost until they choose.
 */
export function ConflictDialog({ meta, base, mine, current, onCancel, onResolve }: ConflictDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const contested = Object.keys(mine).filter((key) => !sameValue(mine[key], current[key]));
  const [choice, setChoice] = useState<Record<string, 'mine' | 'theirs'>>(() =>
    Object.fromEntries(contested.map((key) => [key, 'mine'])),
  );
  const theirOthers = changedBetween(editableFields(meta), base, current).filter(
    (field) => !(field.key in mine),
  );

  function resolve() {
    onResolve(
      Object.fromEntries(contested.filter((key) => choice[key] === 'mine').map((key) => [key, mine[key]])),
    );
  }

  return (
    <Modal
      opened
      onClose={onCancel}
      title={t('records:conflict.title')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <Stack gap="md">
        <Alert color="yellow">{t('records:conflict.explain')}</Alert>
        {contested.length > 0 && (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="xs" aria-label={t('records:conflict.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('records:conflict.field')}</Table.Th>
                  <Table.Th>{t('records:conflict.mine')}</Table.Th>
                  <Table.Th>{t('records:conflict.theirs')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {contested.map((key) => {
                  const field = fieldOf(meta, key);
                  const label = field ? pickLabel(field.labels, locale) : key;
                  return (
                    <Table.Tr key={key}>
                      <Table.Td fw={500}>{label}</Table.Td>
                      <Table.Td>
                        <Radio
                          name={`conflict-${key}`}
                          checked={choice[key] === 'mine'}
                          onChange={() => setChoice({ ...choice, [key]: 'mine' })}
                          label={<ValueText field={field} value={mine[key]} />}
                          aria-label={t('records:conflict.keepMine', { field: label })}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Radio
                          name={`conflict-${key}`}
                          checked={choice[key] === 'theirs'}
                          onChange={() => setChoice({ ...choice, [key]: 'theirs' })}
                          label={<ValueText field={field} value={current[key]} />}
                          aria-label={t('records:conflict.takeTheirs', { field: label })}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {theirOthers.length > 0 && (
          <Text size="sm">
            {t('records:conflict.alsoChanged', {
              fields: theirOthers.map((field) => pickLabel(field.labels, locale)).join(', '),
            })}
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('records:conflict.keepEditing')}
          </Button>
          <Button variant="default" onClick={() => onResolve({})}>
            {t('records:conflict.takeAllTheirs')}
          </Button>
          <Button onClick={resolve}>{t('records:conflict.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
