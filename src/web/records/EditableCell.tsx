import { ActionIcon, Group } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { type InfiniteData, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMeta, ObjectMeta } from '../../shared/metadata/types.ts';
import { api } from '../app/api-client.ts';
import type { ListResponse, RecordData } from '../app/api-types.ts';
import { isReference, pickLabel } from '../modules/metadata/index.ts';
import { useErrorMessage } from '../ui/error-message.ts';
import { useLocale } from '../ui/format.ts';
import { notify } from '../ui/notify.ts';
import classes from './EditableCell.module.css';
import { FieldInput } from './FieldInput.tsx';
import { FieldValue } from './FieldValue.tsx';
import { effectiveChanges } from './form-values.ts';
import { conflictingRecord, fieldSaveMessage, saveErrorMessages } from './validation.ts';

/** Types a list cell edits in place: one short value in one input that fits a row. */
const CELL_EDITABLE = new Set([
  'text',
  'email',
  'phone',
  'url',
  'colour',
  'integer',
  'date',
  'postalCode',
  'select',
  'relation',
  'choice',
  'country',
]);

export function isCellEditable(meta: ObjectMeta, field: FieldMeta): boolean {
  return (
    CELL_EDITABLE.has(field.type) &&
    !field.readOnly &&
    !field.system &&
    !field.key.includes('.') &&
    !meta.titleFields.includes(field.key)
  );
}

/** Puts the saved record in place of its row in every loaded page of the object's lists. */
function replaceRow(pages: InfiniteData<ListResponse> | undefined, saved: RecordData) {
  if (!pages) return pages;
  return {
    ...pages,
    pages: pages.pages.map((page) => ({
      ...page,
      items: page.items.map((item) =>
        item.id === saved.id ? { ...item, ...saved, _expanded: item._expanded } : item,
      ),
    })),
  };
}

/**
 * A list cell whose value can be changed where it is: the pencil (shown on hover and focus)
 * opens the field's input in the cell; Enter saves with the row's version, Esc cancels. A
 * conflict or a refusal is said in a notice and the row is read again, never overwritten.
 */
export function EditableCell({ meta, field, row }: { meta: ObjectMeta; field: FieldMeta; row: RecordData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState<unknown>(row[field.key]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const wrapper = useRef<HTMLDivElement>(null);
  const pencil = useRef<HTMLButtonElement>(null);
  const label = pickLabel(field.labels, locale);

  useEffect(() => {
    if (editing) wrapper.current?.querySelector<HTMLElement>('input')?.focus();
  }, [editing]);

  function stop() {
    setEditing(false);
    setError(undefined);
    requestAnimationFrame(() => pencil.current?.focus());
  }

  async function save() {
    const changes = effectiveChanges(row, { [field.key]: value });
    if (Object.keys(changes).length === 0) return stop();
    setSaving(true);
    try {
      const saved = await api.patch<RecordData>(`/api/records/${meta.key}/${row.id}`, {
        ...changes,
        version: row.version,
      });
      // The row shows the saved values at once; a reference's title comes with the list's refetch.
      queryClient.setQueriesData<InfiniteData<ListResponse>>(
        { queryKey: ['records', meta.key, 'list'] },
        (pages) => replaceRow(pages, saved),
      );
      if (isReference(field)) void queryClient.invalidateQueries({ queryKey: ['records', meta.key, 'list'] });
      stop();
    } catch (failure) {
      if (conflictingRecord(failure)) {
        notify(t('records:actions.changedMeanwhile'), 'yellow');
        void queryClient.invalidateQueries({ queryKey: ['records', meta.key] });
        return stop();
      }
      setError(fieldSaveMessage(saveErrorMessages(failure, meta, t, errorMessage), field.key) ?? undefined);
    } finally {
      setSaving(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFieldSetElement>) {
    // Keys stay in the cell: the list's own keys (Space marks, Enter opens) must not fire.
    event.stopPropagation();
    if (event.defaultPrevented) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      stop();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void save();
    }
  }

  if (editing) {
    return (
      <div ref={wrapper} className={classes.editor}>
        <fieldset className={classes.fieldset} onKeyDown={onKeyDown} disabled={saving}>
          <FieldInput
            field={field}
            label={label}
            value={value}
            onChange={setValue}
            error={error}
            expanded={row._expanded?.[field.key]}
          />
        </fieldset>
      </div>
    );
  }
  return (
    <Group gap={2} wrap="nowrap" className={classes.cell}>
      <span className={classes.value}>
        <FieldValue field={field} record={row} excerpt />
      </span>
      <ActionIcon
        ref={pencil}
        variant="subtle"
        size="sm"
        className={classes.pencil}
        aria-label={t('records:inline.change', { field: label })}
        onClick={() => {
          setValue(row[field.key]);
          setEditing(true);
        }}
      >
        <IconPencil size={14} aria-hidden />
      </ActionIcon>
    </Group>
  );
}
