import { Box, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../ui/format.ts';
import { useDictionaryWrites } from './api.ts';
import { useReportError, valueTitle } from './feedback.ts';
import { AddValueDialog, DeleteValueDialog } from './ValueDialogs.tsx';
import { ValueRow, type ValueRowProps } from './ValueRow.tsx';
import { type DictionaryValue, inOrder, LABEL_FIELDS, planReorder } from './values.ts';

const DRAG_TYPE = 'application/x-kartoteka-dictionary-value';

export interface DictionaryValuesProps {
  dictionary: string;
  name: string;
  /** Where the dictionary is used ("Companies: Industry"), so the administrator knows what changes. */
  usedBy: string[];
  /** The values of this dictionary, active or not. */
  values: DictionaryValue[];
}

/**
 * The values of one dictionary in their order. A row is moved by dragging its handle or with
 * its arrow buttons (the keyboard's way); the new position is announced to screen readers.
 */
export function DictionaryValues({ dictionary, name, usedBy, values }: DictionaryValuesProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const writes = useDictionaryWrites();
  const report = useReportError(writes.reload);
  const ordered = inOrder(values);
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<DictionaryValue | null>(null);
  const [dragged, setDragged] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');

  function move(from: number, to: number) {
    const moved = ordered[from];
    const updates = planReorder(ordered, from, to);
    if (!moved || updates.length === 0) return;
    setAnnouncement(
      t('dictionaries:value.moved', {
        value: valueTitle(moved, locale),
        position: to + 1,
        total: ordered.length,
      }),
    );
    writes.reorder(updates).catch((error: unknown) => {
      // Part of the move may be written: what the server has now is the truth.
      void writes.reload();
      report(error);
    });
  }

  function dragOf(value: DictionaryValue, index: number): ValueRowProps['drag'] {
    const from = dragged === null ? -1 : ordered.findIndex((other) => other.id === dragged);
    return {
      dragging: dragged === value.id,
      dropEdge: over === value.id && from >= 0 && from !== index ? (from < index ? 'bottom' : 'top') : null,
      onStart: (event: DragEvent) => {
        event.dataTransfer.setData(DRAG_TYPE, String(value.id));
        event.dataTransfer.effectAllowed = 'move';
        // The whole row follows the pointer, not just the handle.
        const row = (event.currentTarget as HTMLElement).closest('tr');
        if (row) event.dataTransfer.setDragImage(row, 16, 16);
        setDragged(value.id);
      },
      onEnd: () => {
        setDragged(null);
        setOver(null);
      },
      rowProps: {
        onDragOver: (event: DragEvent) => {
          if (dragged === null) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'move';
          setOver(value.id);
        },
        onDragLeave: () => setOver((current) => (current === value.id ? null : current)),
        onDrop: (event: DragEvent) => {
          event.preventDefault();
          const id = Number(event.dataTransfer.getData(DRAG_TYPE) || dragged);
          setDragged(null);
          setOver(null);
          const start = ordered.findIndex((other) => other.id === id);
          if (start >= 0) move(start, index);
        },
      },
    };
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Box>
          <Title order={2} size="h3">
            {name}
          </Title>
          {usedBy.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('dictionaries:usedBy', { fields: usedBy.join(', ') })}
            </Text>
          )}
        </Box>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
          {t('dictionaries:add.button')}
        </Button>
      </Group>
      {ordered.length === 0 ? (
        <Text c="dimmed" role="status">
          {t('dictionaries:empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing={4} aria-label={t('dictionaries:valuesOf', { dictionary: name })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={96}>
                  {t('dictionaries:column.order')}
                </Table.Th>
                {LABEL_FIELDS.map((field) => (
                  <Table.Th key={field} scope="col">
                    {t(`dictionaries:column.${field}`)}
                  </Table.Th>
                ))}
                <Table.Th scope="col" w={70}>
                  {t('dictionaries:column.colour')}
                </Table.Th>
                <Table.Th scope="col" w={130}>
                  {t('dictionaries:column.code')}
                </Table.Th>
                <Table.Th scope="col">{t('dictionaries:column.active')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('dictionaries:column.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ordered.map((value, index) => (
                <ValueRow
                  key={value.id}
                  value={value}
                  position={index}
                  count={ordered.length}
                  writes={writes}
                  report={report}
                  onMove={move}
                  onDelete={setDeleting}
                  drag={dragOf(value, index)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      {adding && (
        <AddValueDialog
          dictionary={dictionary}
          name={name}
          values={ordered}
          writes={writes}
          onClose={() => setAdding(false)}
        />
      )}
      {deleting && (
        <DeleteValueDialog
          value={deleting}
          writes={writes}
          report={report}
          onClose={() => setDeleting(null)}
        />
      )}
    </Stack>
  );
}
