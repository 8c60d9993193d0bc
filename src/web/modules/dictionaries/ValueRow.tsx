import { ActionIcon, Badge, Group, Loader, Switch, Table, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconGripVertical, IconTrash } from '@tabler/icons-react';
import { type DragEvent, type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../ui/format.ts';
import type { useDictionaryWrites } from './api.ts';
import { ColourButton } from './ColourButton.tsx';
import { valueTitle } from './feedback.ts';
import {
  type DictionaryValue,
  LABEL_FIELDS,
  type LabelField,
  type Labels,
  labelsOf,
  rebaseDraft,
} from './values.ts';

const MAX_LABEL_LENGTH = 100;

export interface ValueRowProps {
  value: DictionaryValue;
  position: number;
  count: number;
  writes: ReturnType<typeof useDictionaryWrites>;
  report: (error: unknown) => void;
  onMove: (from: number, to: number) => void;
  onDelete: (value: DictionaryValue) => void;
  /** Drag and drop: the page keeps which row is dragged and which one it is over. */
  drag: {
    dragging: boolean;
    /** Where the dragged row would land: above or below this one. */
    dropEdge: 'top' | 'bottom' | null;
    onStart: (event: DragEvent) => void;
    onEnd: () => void;
    rowProps: {
      onDragOver: (event: DragEvent) => void;
      onDragLeave: () => void;
      onDrop: (event: DragEvent) => void;
    };
  };
}

const sameLabels = (a: Labels, b: Labels) => LABEL_FIELDS.every((field) => a[field] === b[field]);

/**
 * One value of the dictionary: its labels are edited in place and saved when the field is left
 * (or on Enter; Escape takes the saved text back); colour and switch save at once.
 */
export function ValueRow({ value, position, count, writes, report, onMove, onDelete, drag }: ValueRowProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = valueTitle(value, locale);
  const saved = labelsOf(value);
  const [draft, setDraft] = useState(saved);
  const [base, setBase] = useState(saved);
  const [empty, setEmpty] = useState<LabelField | null>(null);
  const [saving, setSaving] = useState<LabelField | 'color' | 'active' | null>(null);
  // Enter saves and the blur that follows must not send the same text again.
  const sending = useRef<Partial<Labels>>({});
  // The value changed on the server (a save, a reload): follow it without losing what is typed.
  if (!sameLabels(saved, base)) {
    setDraft(rebaseDraft(draft, base, saved));
    setBase(saved);
  }

  function write(field: LabelField | 'color' | 'active', changes: Partial<DictionaryValue>) {
    setSaving(field);
    writes
      .update(value.id, changes)
      .catch(report)
      .finally(() => setSaving(null));
  }

  function saveLabel(field: LabelField) {
    const text = draft[field].trim();
    if (text === '') {
      setEmpty(field);
      return;
    }
    setEmpty(null);
    if (text !== draft[field]) setDraft({ ...draft, [field]: text });
    if (text === value[field] || text === sending.current[field]) return;
    sending.current[field] = text;
    setSaving(field);
    writes
      .update(value.id, { [field]: text })
      .catch(report)
      .finally(() => {
        sending.current[field] = undefined;
        setSaving(null);
      });
  }

  function labelKeys(field: LabelField) {
    return (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.key === 'Enter') saveLabel(field);
      if (event.key === 'Escape') {
        setDraft({ ...draft, [field]: value[field] });
        setEmpty(null);
      }
    };
  }

  const first = position === 0;
  const last = position === count - 1;
  const edge = drag.dropEdge
    ? `inset 0 ${drag.dropEdge === 'top' ? 3 : -3}px 0 var(--mantine-primary-color-filled)`
    : undefined;
  return (
    <Table.Tr
      {...drag.rowProps}
      data-value={value.code}
      data-inactive={value.active ? undefined : true}
      style={{
        boxShadow: edge,
        opacity: drag.dragging ? 0.5 : undefined,
        // Dimmed (the theme's dimmed text stays readable, 4.5:1) on a pale ground.
        background: value.active ? undefined : 'var(--mantine-color-gray-0)',
        color: value.active ? undefined : 'var(--mantine-color-dimmed)',
      }}
    >
      <Table.Td>
        <Group gap={2} wrap="nowrap">
          <Text
            component="span"
            draggable
            onDragStart={drag.onStart}
            onDragEnd={drag.onEnd}
            style={{ cursor: 'grab', display: 'inline-flex' }}
            title={t('dictionaries:value.dragHint')}
            aria-hidden
          >
            <IconGripVertical size={16} color="var(--mantine-color-dimmed)" />
          </Text>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('dictionaries:value.moveUp', { value: title })}
            aria-disabled={first || undefined}
            data-disabled={first || undefined}
            onClick={() => !first && onMove(position, position - 1)}
          >
            <IconArrowUp size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('dictionaries:value.moveDown', { value: title })}
            aria-disabled={last || undefined}
            data-disabled={last || undefined}
            onClick={() => !last && onMove(position, position + 1)}
          >
            <IconArrowDown size={16} aria-hidden />
          </ActionIcon>
        </Group>
      </Table.Td>
      {LABEL_FIELDS.map((field) => (
        <Table.Td key={field}>
          <TextInput
            size="xs"
            aria-label={t('dictionaries:value.label', {
              language: t(`dictionaries:column.${field}`),
              value: title,
            })}
            value={draft[field]}
            maxLength={MAX_LABEL_LENGTH}
            onChange={(event) => setDraft({ ...draft, [field]: event.currentTarget.value })}
            onBlur={() => saveLabel(field)}
            onKeyDown={labelKeys(field)}
            error={empty === field ? t('dictionaries:value.labelRequired') : undefined}
            rightSection={saving === field ? <Loader size={12} aria-hidden /> : undefined}
            styles={{ input: { color: 'inherit' } }}
          />
        </Table.Td>
      ))}
      <Table.Td>
        <ColourButton colour={value.color} title={title} onChange={(color) => write('color', { color })} />
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {/* Long codes break anywhere rather than widen the table. */}
          <Text component="code" size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
            {value.code}
          </Text>
          {!value.active && (
            <Badge variant="light" color="gray" tt="none" c="var(--mantine-color-text)">
              {t('dictionaries:value.inactive')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Switch
          checked={value.active}
          onChange={(event) => write('active', { active: event.currentTarget.checked })}
          disabled={saving === 'active'}
          aria-label={t('dictionaries:value.active', { value: title })}
        />
      </Table.Td>
      <Table.Td>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={t('dictionaries:value.delete', { value: title })}
          onClick={() => onDelete(value)}
        >
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      </Table.Td>
    </Table.Tr>
  );
}
