import { Button, Group, Modal, Stack, Tabs } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMeta } from '../../../shared/metadata/types.ts';
import { MultiReferencePicker } from '../../records/ReferencePicker.tsx';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useFormatters, useLocale } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import { pickLabel } from '../metadata/index.ts';
import { changeMembers } from './api.ts';
import type { MemberIdentifier, Membership } from './group-objects.ts';
import { PasteMembers } from './PasteMembers.tsx';

interface AddMembersDialogProps {
  membership: Membership;
  groupId: number;
  groupTitle: string;
  /** How a pasted list names members; null: only search (an object this module has no identifier for). */
  identifier: MemberIdentifier | null;
  onClose: () => void;
}

type Way = 'search' | 'paste';

/** Adds members found by search or named in a pasted list, through the bulk action. */
export function AddMembersDialog({
  membership,
  groupId,
  groupTitle,
  identifier,
  onClose,
}: AddMembersDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const { members, field } = membership;
  const [way, setWay] = useState<Way>('search');
  const [picked, setPicked] = useState<number[]>([]);
  // Set by the paste tab once its list is resolved: the found records not in the group yet.
  const [pasted, setPasted] = useState<number[]>([]);
  const [running, setRunning] = useState(false);
  const ids = way === 'search' ? picked : pasted;
  // The picker searches the member object: the membership field, pointed at its members.
  const pickField: FieldMeta = { ...field, key: `${field.key}_new`, target: members.key, required: false };

  async function add() {
    setRunning(true);
    try {
      const result = await changeMembers(membership, groupId, ids, 'addToGroup');
      const added = result.updated ?? result.count;
      notify(t('groups:add.done', { count: added, formatted: format.number(added) }));
      await queryClient.invalidateQueries({ queryKey: ['records', members.key] });
      onClose();
    } catch (error) {
      notify(errorMessage(error), 'red');
    } finally {
      setRunning(false);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('groups:add.title', { group: groupTitle })}
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <Stack gap="md">
        <Tabs value={way} onChange={(next) => setWay(next === 'paste' ? 'paste' : 'search')}>
          <Tabs.List>
            <Tabs.Tab value="search">{t('groups:add.search')}</Tabs.Tab>
            {identifier && <Tabs.Tab value="paste">{t('groups:add.paste')}</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="search" pt="md">
            <MultiReferencePicker
              field={pickField}
              label={t('groups:add.pick', { object: pickLabel(members.labels.many, locale) })}
              expanded={null}
              value={picked}
              onChange={setPicked}
            />
          </Tabs.Panel>
          {identifier && (
            <Tabs.Panel value="paste" pt="md">
              <PasteMembers
                membership={membership}
                identifier={identifier}
                groupId={groupId}
                onResolved={setPasted}
              />
            </Tabs.Panel>
          )}
        </Tabs>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('records:actions.cancel')}
          </Button>
          <Button disabled={ids.length === 0} loading={running} onClick={() => void add()}>
            {t('groups:add.confirm', { count: ids.length, formatted: format.number(ids.length) })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
