import {
  ActionIcon,
  Box,
  Button,
  Checkbox,
  Group,
  Popover,
  ScrollArea,
  Stack,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconColumns } from '@tabler/icons-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMeta, ObjectMeta } from '../../shared/metadata/types.ts';
import { pickLabel } from '../modules/metadata/index.ts';
import { useLocale } from '../ui/format.ts';
import { listColumns } from './columns.ts';
import { isInternalField } from './filters/filter-model.ts';
import { useMetadataLookup } from './filters/use-lookup.ts';
import { relatedFields } from './related-fields.ts';

export interface ColumnChooserProps {
  meta: ObjectMeta;
  /** Field keys in display order. Empty means the default columns; unknown keys are ignored. */
  value: string[];
  onChange: (columns: string[]) => void;
  /** "Reset to default"; when not given the chooser emits the default columns itself. */
  onReset?: () => void;
}

type Direction = 'up' | 'down';
/** What to focus after a change: a move button, or the checkbox that moved to the other list. */
type FocusTarget = Direction | 'toggle';

const LIST_STYLE = { listStyle: 'none', margin: 0, padding: 0 } as const;

/**
 * Which columns a list shows and in what order: a checkbox per field, and up/down buttons on
 * the shown ones (keyboard-operable, unlike dragging). One column always stays.
 */
export function ColumnChooser({ meta, value, onChange, onReset }: ColumnChooserProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const shownId = useId();
  const hiddenId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState<{ key: string; target: FocusTarget } | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const lookup = useMetadataLookup(meta);
  // Own fields first, then those of related records ("Company › City" in a list of people).
  const fields = useMemo(
    () => [...meta.fields.filter((field) => !isInternalField(field)), ...relatedFields(meta, lookup)],
    [meta, lookup],
  );
  const defaults = useMemo(() => listColumns(meta, lookup).map((field) => field.key), [meta, lookup]);
  const byKey = useMemo(() => new Map(fields.map((field) => [field.key, field])), [fields]);
  const visible = [...new Set(value.length > 0 ? value : defaults)].filter((key) => byKey.has(key));
  const hidden = fields.filter((field) => !visible.includes(field.key));
  const isDefault = visible.join() === defaults.join();
  const label = (field: FieldMeta) => pickLabel(field.labels, locale);

  // Moving or toggling a row re-renders it elsewhere and may drop the focus, or disable the
  // button at an end: put the focus back on the same control of that row, or its other button.
  useEffect(() => {
    if (!focus || !listRef.current) return;
    const find = (target: FocusTarget) =>
      listRef.current?.querySelector<HTMLButtonElement | HTMLInputElement>(
        `[data-column="${CSS.escape(focus.key)}"][data-focus="${target}"]`,
      );
    const wanted = find(focus.target);
    const other = focus.target === 'toggle' ? null : find(focus.target === 'up' ? 'down' : 'up');
    (wanted && !wanted.disabled ? wanted : other)?.focus();
    setFocus(null);
  }, [focus]);

  const move = (index: number, direction: Direction) => {
    const to = direction === 'up' ? index - 1 : index + 1;
    const key = visible[index];
    const swapped = visible[to];
    if (key === undefined || swapped === undefined) return;
    const next = [...visible];
    next[to] = key;
    next[index] = swapped;
    onChange(next);
    setFocus({ key, target: direction });
    const field = byKey.get(key);
    if (field) {
      setAnnouncement(
        t('filters:columns.moved', { field: label(field), position: to + 1, total: next.length }),
      );
    }
  };

  const toggle = (key: string, show: boolean) => {
    if (!show && visible.length <= 1) return;
    onChange(show ? [...visible, key] : visible.filter((k) => k !== key));
    setFocus({ key, target: 'toggle' });
  };

  return (
    <Popover position="bottom-end" shadow="md" trapFocus returnFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} aria-hidden />}>
          {t('filters:columns.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-label={t('filters:columns.title')} w={360} maw="calc(100vw - 16px)" p="sm">
        <Stack gap="sm" ref={listRef}>
          <ScrollArea.Autosize mah="min(60vh, 480px)" type="auto" offsetScrollbars>
            <Stack gap="sm">
              <Text size="sm" fw={600} id={shownId}>
                {t('filters:columns.shown')}
              </Text>
              <Stack component="ul" gap={4} style={LIST_STYLE} aria-labelledby={shownId}>
                {visible.map((key, index) => {
                  const field = byKey.get(key);
                  if (!field) return null;
                  const name = label(field);
                  const last = visible.length === 1;
                  return (
                    <Box component="li" key={key}>
                      <Group justify="space-between" wrap="nowrap" gap="xs">
                        <Checkbox
                          label={name}
                          checked
                          disabled={last}
                          data-column={key}
                          data-focus="toggle"
                          description={last ? t('filters:columns.lastColumn') : undefined}
                          onChange={() => toggle(key, false)}
                        />
                        <Group gap={2} wrap="nowrap">
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            size="lg"
                            data-column={key}
                            data-focus="up"
                            disabled={index === 0}
                            onClick={() => move(index, 'up')}
                            aria-label={t('filters:columns.moveUp', { field: name })}
                            title={t('filters:columns.moveUp', { field: name })}
                          >
                            <IconArrowUp size={16} aria-hidden />
                          </ActionIcon>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            size="lg"
                            data-column={key}
                            data-focus="down"
                            disabled={index === visible.length - 1}
                            onClick={() => move(index, 'down')}
                            aria-label={t('filters:columns.moveDown', { field: name })}
                            title={t('filters:columns.moveDown', { field: name })}
                          >
                            <IconArrowDown size={16} aria-hidden />
                          </ActionIcon>
                        </Group>
                      </Group>
                    </Box>
                  );
                })}
              </Stack>
              {hidden.length > 0 && (
                <>
                  <Text size="sm" fw={600} id={hiddenId}>
                    {t('filters:columns.hidden')}
                  </Text>
                  <Stack component="ul" gap="xs" style={LIST_STYLE} aria-labelledby={hiddenId}>
                    {hidden.map((field) => (
                      <Box component="li" key={field.key}>
                        <Checkbox
                          label={label(field)}
                          checked={false}
                          data-column={field.key}
                          data-focus="toggle"
                          onChange={() => toggle(field.key, true)}
                        />
                      </Box>
                    ))}
                  </Stack>
                </>
              )}
            </Stack>
          </ScrollArea.Autosize>
          <Group justify="flex-end">
            <Button
              variant="subtle"
              size="xs"
              disabled={isDefault}
              onClick={() => (onReset ? onReset() : onChange(defaults))}
            >
              {t('filters:columns.reset')}
            </Button>
          </Group>
          <VisuallyHidden role="status" aria-live="polite">
            {announcement}
          </VisuallyHidden>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
