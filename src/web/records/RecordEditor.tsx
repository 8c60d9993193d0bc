import { Alert, Button, Grid, Group, Paper, Stack } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectMeta } from '../../shared/metadata/types.ts';
import { api } from '../app/api-client.ts';
import type { RecordData } from '../app/api-types.ts';
import { DuplicateWarning } from '../modules/duplicates/index.ts';
import { pickLabel } from '../modules/metadata/index.ts';
import { useErrorMessage } from '../ui/error-message.ts';
import { useLocale } from '../ui/format.ts';
import { notify } from '../ui/notify.ts';
import { ConflictDialog } from './ConflictDialog.tsx';
import { clearDraft, type Draft, loadDraft, saveDraft } from './draft.ts';
import { FieldInput } from './FieldInput.tsx';
import { factsOf } from './field-types/index.ts';
import { editableFields, effectiveChanges, type Values } from './form-values.ts';
import { SectionBlock } from './RecordCard.tsx';
import { cardSections } from './sections.ts';
import { useReportUnsaved } from './unsaved-changes.tsx';
import { conflictingRecord, saveErrorMessages } from './validation.ts';

export interface RecordEditorProps {
  meta: ObjectMeta;
  record: RecordData;
  /** The server's answer to a successful save. */
  onSaved: (saved: RecordData) => void;
  /** Back to the card, the form's edits given up (they are kept as a draft until discarded). */
  onClose: () => void;
}

/**
 * The record's full form, for changing many values at once (the card edits one at a time).
 * Edits are a set of changes over the version they started from (`base`); Save sends only
 * those with that version, so a concurrent change is a 409, never an overwrite.
 */
export function RecordEditor({ meta, record, onSaved, onClose }: RecordEditorProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const id = String(record.id);
  const [edit, setEdit] = useState<Draft | null>(() => loadDraft(meta.key, id));
  const [restored, setRestored] = useState(edit !== null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<RecordData | null>(null);
  const [saving, setSaving] = useState(false);
  const base = edit?.base ?? record;
  const changes = edit?.changes ?? {};
  const pending = effectiveChanges(base, changes);
  const dirty = Object.keys(pending).length > 0;
  const reportUnsaved = useReportUnsaved();
  useEffect(() => reportUnsaved('form', dirty), [reportUnsaved, dirty]);
  useEffect(() => () => reportUnsaved('form', false), [reportUnsaved]);

  useEffect(() => {
    if (edit && Object.keys(effectiveChanges(edit.base, edit.changes)).length > 0)
      saveDraft(meta.key, id, edit);
    else clearDraft(meta.key, id);
  }, [edit, meta.key, id]);

  function change(key: string, value: unknown) {
    setEdit((previous) => ({
      base: previous?.base ?? record,
      changes: { ...previous?.changes, [key]: value },
    }));
    setErrors(({ [key]: _dropped, ...rest }) => rest);
  }

  function discard() {
    setEdit(null);
    setErrors({});
    setFormError(null);
    setRestored(false);
  }

  async function save(from: RecordData, values: Values) {
    setSaving(true);
    setFormError(null);
    try {
      const saved = await api.patch<RecordData>(`/api/records/${meta.key}/${id}`, {
        ...values,
        version: from.version,
      });
      setEdit(null);
      setErrors({});
      setRestored(false);
      clearDraft(meta.key, id);
      onSaved(saved);
      notify(t('records:page.saved'));
    } catch (error) {
      handleSaveError(error, from, values);
    } finally {
      setSaving(false);
    }
  }

  function handleSaveError(error: unknown, from: RecordData, values: Values) {
    setEdit({ base: from, changes: values });
    const current = conflictingRecord(error);
    if (current) return setConflict(current);
    const messages = saveErrorMessages(error, meta, t, errorMessage);
    setErrors(messages.byField);
    setFormError(messages.form);
  }

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (dirty && !saving) void save(base, pending);
  }

  useHotkeys([['mod+S', () => submit()]], []);

  return (
    <form onSubmit={submit} noValidate aria-label={t('records:page.formLabel')}>
      <Stack gap="md">
        {restored && dirty && (
          <Alert
            color="blue"
            role="status"
            withCloseButton
            onClose={() => setRestored(false)}
            closeButtonLabel={t('common:close')}
          >
            {t('records:page.draftRestored')}
          </Alert>
        )}
        {dirty && meta.actions?.includes(`${meta.key}.merge`) && (
          <DuplicateWarning object={meta.key} values={{ ...base, ...pending }} recordId={base.id} />
        )}
        {cardSections(meta, base, editableFields(meta), locale, t('records:page.moreSection')).map(
          (section) => (
            <SectionBlock key={section.key} section={section}>
              <Grid gap="md">
                {section.fields.map((field) => (
                  <Grid.Col key={field.key} span={{ base: 12, md: factsOf(field).wide ? 12 : 6 }}>
                    <FieldInput
                      field={field}
                      label={pickLabel(field.labels, locale)}
                      value={field.key in changes ? changes[field.key] : base[field.key]}
                      onChange={(value) => change(field.key, value)}
                      error={errors[field.key]}
                      expanded={base._expanded?.[field.key]}
                    />
                  </Grid.Col>
                ))}
              </Grid>
            </SectionBlock>
          ),
        )}
        <Paper
          pos="sticky"
          bottom={0}
          py="sm"
          radius={0}
          style={{ zIndex: 2, borderTop: '1px solid var(--mantine-color-default-border)' }}
        >
          <Group gap="sm">
            <Button
              type="submit"
              leftSection={<IconDeviceFloppy size={16} aria-hidden />}
              disabled={!dirty}
              loading={saving}
            >
              {t('records:page.save')}
            </Button>
            <Button variant="default" onClick={discard} disabled={!dirty || saving}>
              {t('records:page.discard')}
            </Button>
            <Button variant="subtle" onClick={onClose} disabled={saving}>
              {t('records:page.backToCard')}
            </Button>
          </Group>
          {/* Beside the Save button that was pressed, not at the top of a long form. */}
          {formError && (
            <Alert color="red" role="alert" mt="sm">
              {formError}
            </Alert>
          )}
        </Paper>
      </Stack>
      {conflict && (
        <ConflictDialog
          meta={meta}
          base={base}
          mine={pending}
          current={conflict}
          onCancel={() => setConflict(null)}
          onResolve={(values) => {
            setConflict(null);
            if (Object.keys(effectiveChanges(conflict, values)).length === 0) {
              discard();
              onSaved(conflict);
            } else void save(conflict, values);
          }}
        />
      )}
    </form>
  );
}
