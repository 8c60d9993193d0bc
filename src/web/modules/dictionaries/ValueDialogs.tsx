import { Alert, Button, ColorInput, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useLocale } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import type { useDictionaryWrites } from './api.ts';
import { normaliseColour, SWATCHES } from './ColourButton.tsx';
import { codeFromText, codeProblem, MAX_CODE_LENGTH } from './codes.ts';
import { valueTitle } from './feedback.ts';
import {
  conflictKind,
  type DictionaryValue,
  LABEL_FIELDS,
  type Labels,
  nextSortOrder,
  usesOf,
} from './values.ts';

type Writes = ReturnType<typeof useDictionaryWrites>;

export interface AddValueDialogProps {
  dictionary: string;
  name: string;
  values: DictionaryValue[];
  writes: Writes;
  onClose: () => void;
}

/** A new value at the end of the dictionary. Its code follows the English label until it is typed. */
export function AddValueDialog({ dictionary, name, values, writes, onClose }: AddValueDialogProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [labels, setLabels] = useState<Labels>({ label_en: '', label_pl: '', label_hu: '' });
  const [code, setCode] = useState('');
  const [codeTyped, setCodeTyped] = useState(false);
  const [colour, setColour] = useState('');
  const [tried, setTried] = useState(false);
  const [clash, setClash] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const taken = values.map((value) => value.code);
  const codeIssue = clash ? 'taken' : codeProblem(code, taken);

  function setLabel(field: keyof Labels, text: string) {
    setLabels({ ...labels, [field]: text });
    if (field === 'label_en' && !codeTyped) setCode(text.trim() ? codeFromText(text, taken) : '');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (codeIssue || LABEL_FIELDS.some((field) => labels[field].trim() === '')) return;
    setBusy(true);
    setProblem(null);
    try {
      const created = await writes.create({
        dictionary,
        code,
        label_en: labels.label_en.trim(),
        label_pl: labels.label_pl.trim(),
        label_hu: labels.label_hu.trim(),
        color: normaliseColour(colour),
        sort_order: nextSortOrder(values),
      });
      notify(t('dictionaries:add.added', { value: created.label_en }));
      onClose();
    } catch (error) {
      // The code is taken by a value not listed here: one in the trash.
      if (conflictKind(error) === 'clash') setClash(true);
      else setProblem(errorMessage(error));
      setBusy(false);
    }
  }

  const required = (field: keyof Labels) =>
    tried && labels[field].trim() === '' ? t('dictionaries:value.labelRequired') : undefined;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('dictionaries:add.title', { dictionary: name })}
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          {LABEL_FIELDS.map((field, index) => (
            <TextInput
              key={field}
              label={t(`dictionaries:add.${field}`)}
              required
              maxLength={100}
              value={labels[field]}
              onChange={(event) => setLabel(field, event.currentTarget.value)}
              error={required(field)}
              data-autofocus={index === 0 || undefined}
            />
          ))}
          <TextInput
            label={t('dictionaries:add.code')}
            description={t('dictionaries:add.codeHint')}
            required
            maxLength={MAX_CODE_LENGTH}
            value={code}
            onChange={(event) => {
              setCode(event.currentTarget.value.trim());
              setCodeTyped(true);
              setClash(false);
            }}
            error={
              (tried || clash) && codeIssue
                ? t(`dictionaries:code.${codeIssue}`, { max: MAX_CODE_LENGTH })
                : undefined
            }
            ff="monospace"
          />
          <ColorInput
            label={t('dictionaries:add.colour')}
            placeholder={t('dictionaries:value.noColour')}
            value={colour}
            onChange={setColour}
            swatches={SWATCHES}
            swatchesPerRow={7}
            withPicker={false}
            withEyeDropper={false}
          />
          <Group justify="flex-end" gap="sm" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('dictionaries:cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('dictionaries:add.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export interface DeleteValueDialogProps {
  value: DictionaryValue;
  writes: Writes;
  report: (error: unknown) => void;
  onClose: () => void;
}

/**
 * Deleting a value: refused by the server while records use it, and then the dialog offers
 * what the administrator can do instead — deactivate it, so it stays where it is used.
 */
export function DeleteValueDialog({ value, writes, report, onClose }: DeleteValueDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = valueTitle(value, locale);
  const [uses, setUses] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(task: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await task();
      notify(done);
      onClose();
    } catch (error) {
      setBusy(false);
      if (conflictKind(error) === 'inUse') setUses(usesOf(error));
      else {
        report(error);
        if (conflictKind(error) === 'stale') onClose();
      }
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('dictionaries:delete.title', { value: title })}
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <Stack gap="sm">
        {uses === null ? (
          <Text size="sm">{t('dictionaries:delete.text')}</Text>
        ) : (
          <Alert color="yellow" role="alert" c="var(--mantine-color-text)">
            {t('dictionaries:delete.inUse', { value: title, count: uses })}
            {!value.active && ` ${t('dictionaries:delete.alreadyInactive')}`}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onClose}>
            {uses === null ? t('dictionaries:cancel') : t('common:close')}
          </Button>
          {uses === null && (
            <Button
              color="red"
              loading={busy}
              onClick={() =>
                void act(() => writes.remove(value.id), t('dictionaries:delete.deleted', { value: title }))
              }
            >
              {t('dictionaries:delete.confirm')}
            </Button>
          )}
          {uses !== null && value.active && (
            <Button
              loading={busy}
              data-autofocus
              onClick={() =>
                void act(
                  () => writes.update(value.id, { active: false }),
                  t('dictionaries:delete.deactivated', { value: title }),
                )
              }
            >
              {t('dictionaries:delete.deactivate')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
