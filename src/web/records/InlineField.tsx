import { ActionIcon, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMeta, ObjectMeta } from '../../shared/metadata/types.ts';
import { api } from '../app/api-client.ts';
import type { RecordData } from '../app/api-types.ts';
import { pickLabel } from '../modules/metadata/index.ts';
import { useErrorMessage } from '../ui/error-message.ts';
import { useLocale } from '../ui/format.ts';
import { ConflictDialog } from './ConflictDialog.tsx';
import { FieldInput } from './FieldInput.tsx';
import { FieldValue } from './FieldValue.tsx';
import { isEmptyValue } from './field-types/index.ts';
import { effectiveChanges, type Values } from './form-values.ts';
import classes from './InlineField.module.css';
import { useReportUnsaved } from './unsaved-changes.tsx';
import { conflictingRecord, fieldSaveMessage, saveErrorMessages } from './validation.ts';

export interface InlineFieldProps {
  meta: ObjectMeta;
  field: FieldMeta;
  record: RecordData;
  /** The reader may change this record. */
  editable: boolean;
  onSaved: (saved: RecordData) => void;
  /** Takes the card's whole row (long text). */
  wide?: boolean;
}

/** Long and rich text take Enter as a new line; there Ctrl+Enter saves. */
function entersNewLines(field: FieldMeta): boolean {
  return field.type === 'longText' || field.type === 'richText';
}

/**
 * One value of the card, read as formatted text. A click (or Enter on it) turns it into its
 * input; Enter saves that one field with the record's version, Esc cancels. A save that fails
 * keeps the edit open with the message under the input; a concurrent change opens the conflict
 * dialog instead of overwriting it.
 */
export function InlineField({ meta, field, record, editable, onSaved, wide = false }: InlineFieldProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = pickLabel(field.labels, locale);
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState<unknown>(record[field.key]);
  /** The version the edit started from: the conflict check is against it, not a newer refetch. */
  const [base, setBase] = useState<RecordData>(record);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<RecordData | null>(null);
  const wrapper = useRef<HTMLFieldSetElement>(null);
  const valueButton = useRef<HTMLButtonElement>(null);
  const errorMessage = useErrorMessage();
  const reportUnsaved = useReportUnsaved();
  const changes: Values = editing ? effectiveChanges(base, { [field.key]: value }) : {};
  const unsaved = Object.keys(changes).length > 0;
  const unsavedKey = `inline:${field.key}`;

  useEffect(() => reportUnsaved(unsavedKey, unsaved), [reportUnsaved, unsavedKey, unsaved]);
  useEffect(() => () => reportUnsaved(unsavedKey, false), [reportUnsaved, unsavedKey]);
  /** Set when an edit ends: the pencil takes the focus back once it is drawn again. */
  const returnFocus = useRef(false);
  useEffect(() => {
    if (editing) wrapper.current?.querySelector<HTMLElement>('input, textarea, [tabindex="0"]')?.focus();
    else if (returnFocus.current) {
      // Back where the user was, so the keyboard path goes on from this value.
      returnFocus.current = false;
      valueButton.current?.focus();
    }
  }, [editing]);

  function start() {
    setBase(record);
    setValue(record[field.key]);
    setError(null);
    setEditing(true);
  }

  function stop() {
    returnFocus.current = true;
    setEditing(false);
    setError(null);
  }

  async function save(from: RecordData, values: Values) {
    if (Object.keys(values).length === 0) return stop();
    setSaving(true);
    setError(null);
    try {
      const saved = await api.patch<RecordData>(`/api/records/${meta.key}/${record.id}`, {
        ...values,
        version: from.version,
      });
      onSaved(saved);
      stop();
    } catch (failure) {
      const current = conflictingRecord(failure);
      if (current) return setConflict(current);
      setError(fieldSaveMessage(saveErrorMessages(failure, meta, t, errorMessage), field.key));
    } finally {
      setSaving(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFieldSetElement>) {
    // A picker's open list takes Enter and Esc itself (and marks the event as handled).
    if (event.defaultPrevented) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      stop();
    } else if (event.key === 'Enter' && (!entersNewLines(field) || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save(base, changes);
    }
  }

  // The field is a <div> group of its card's <dl>: a <dt> with the label, a <dd> with the value.
  const root = { className: classes.field, style: wide ? { gridColumn: '1 / -1' } : undefined };

  if (!editing) {
    const shown = isEmptyValue(record[field.key]) ? (
      <Text span c="dimmed" size="sm">
        —
      </Text>
    ) : (
      <FieldValue field={field} record={record} />
    );
    return (
      <div {...root}>
        <Text component="dt" size="xs" c="dimmed">
          {label}
        </Text>
        {editable && !field.readOnly ? (
          // A click anywhere on the value edits it (links inside keep working); the pencil is the
          // same for the keyboard and screen readers, a button of its own beside the value.
          <Text
            component="dd"
            size="sm"
            m={0}
            className={`${classes.value} ${classes.editable}`}
            onClick={(event) => {
              if (!(event.target as HTMLElement).closest('a, button')) start();
            }}
          >
            <span className={classes.shown}>{shown}</span>
            <ActionIcon
              ref={valueButton}
              variant="subtle"
              size="sm"
              className={classes.pencil}
              aria-label={t('records:inline.change', { field: label })}
              onClick={start}
            >
              <IconPencil size={14} aria-hidden />
            </ActionIcon>
          </Text>
        ) : (
          <Text component="dd" size="sm" m={0} className={classes.value}>
            {shown}
          </Text>
        )}
      </div>
    );
  }

  return (
    <div {...root}>
      {/* The input shows the label itself; the term stays for the list's structure. */}
      <VisuallyHidden component="dt">{label}</VisuallyHidden>
      {/* A fieldset: the input and its two buttons are one thing being edited, keys included. */}
      <dd className={classes.editingValue}>
        <fieldset className={classes.editing} ref={wrapper} onKeyDown={onKeyDown}>
          <Stack gap={6}>
            <FieldInput
              field={field}
              label={label}
              value={value}
              onChange={setValue}
              error={error ?? undefined}
              expanded={record._expanded?.[field.key]}
            />
            {/* The buttons sit by the input they save, so a failure's message is where the eye is. */}
            <Group gap="xs">
              <Button size="compact-sm" loading={saving} onClick={() => void save(base, changes)}>
                {t('records:page.save')}
              </Button>
              <Button size="compact-sm" variant="default" onClick={stop} disabled={saving}>
                {t('records:inline.cancel')}
              </Button>
              <Text size="xs" c="dimmed">
                {entersNewLines(field) ? t('records:inline.hintLong') : t('records:inline.hint')}
              </Text>
            </Group>
          </Stack>
          {conflict && (
            <ConflictDialog
              meta={meta}
              base={base}
              mine={changes}
              current={conflict}
              onCancel={() => setConflict(null)}
              onResolve={(values) => {
                setConflict(null);
                if (Object.keys(effectiveChanges(conflict, values)).length === 0) {
                  onSaved(conflict);
                  stop();
                } else {
                  setBase(conflict);
                  void save(conflict, values);
                }
              }}
            />
          )}
        </fieldset>
      </dd>
    </div>
  );
}
