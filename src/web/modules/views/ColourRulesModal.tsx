import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import type { ColourRule } from '../../records/list-state.ts';
import { ColourRulesEditor } from './ColourRulesEditor.tsx';
import { isCompleteRule } from './rules.ts';

export interface ColourRulesModalProps {
  meta: ObjectMeta;
  rules: ColourRule[];
  onClose: () => void;
  /** Called with complete rules only; the list shows them at once (saving the view is separate). */
  onApply: (rules: ColourRule[]) => void;
}

/** Edits a copy of the rules; nothing changes on the list until Apply. */
export function ColourRulesModal({ meta, rules, onClose, onApply }: ColourRulesModalProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(rules);
  const [tried, setTried] = useState(false);
  const incomplete = draft.some((rule) => !isCompleteRule(meta, rule));

  function apply() {
    setTried(true);
    if (!incomplete) onApply(draft);
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('views:colours.title')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <Stack gap="md">
        {tried && incomplete && (
          <Alert color="red" role="alert">
            {t('views:colours.incomplete')}
          </Alert>
        )}
        <ColourRulesEditor meta={meta} value={draft} onChange={setDraft} showErrors={tried} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('views:cancel')}
          </Button>
          <Button onClick={apply}>{t('views:colours.apply')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
