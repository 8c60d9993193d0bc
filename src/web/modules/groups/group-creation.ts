import { useTranslation } from 'react-i18next';
import type { PickerCreate } from '../../records/ReferencePicker.tsx';
import { notify } from '../../ui/notify.ts';
import { useObjectAbilities } from '../access/index.ts';
import { createStaticGroup } from './api.ts';

/**
 * "Create group “…”" for a group picker (the add-to-group dialog), so a new group does not mean
 * leaving the list. Undefined for those who may not create groups of that object.
 */
export function useGroupCreation(object: string | undefined): PickerCreate | undefined {
  const { t } = useTranslation();
  const canCreate = useObjectAbilities(object ?? '').create;
  if (!object || !canCreate) return undefined;
  return {
    label: (text) => t('groups:create.option', { name: text }),
    run: async (text) => {
      const created = await createStaticGroup(object, text.trim());
      notify(t('groups:create.done', { name: created.title }));
      return created;
    },
  };
}
