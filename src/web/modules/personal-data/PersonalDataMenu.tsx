import { Button, Menu } from '@mantine/core';
import { IconAddressBook, IconFileTypePdf, IconJson, IconShieldLock, IconUserX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useLocale } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import { useMyRights, useViewAs } from '../access/index.ts';
import { AnonymiseDialog } from './AnonymiseDialog.tsx';
import { personalDataAbilities } from './abilities.ts';
import { downloadPersonalData, downloadVcard } from './api.ts';

/**
 * The person page's "Personal data" menu: the contact as vCard, everything stored about the
 * person (PDF for them, JSON for machines) and anonymisation, each only where the reader may.
 * Renders nothing on other objects' pages.
 */
export function PersonalDataMenu(props: { meta: ObjectMeta; id: number; title: string }) {
  const { meta, id, title } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const rights = useMyRights().data;
  const viewAs = useViewAs();
  const [busy, setBusy] = useState(false);
  const [anonymising, setAnonymising] = useState(false);
  const can = personalDataAbilities(meta, rights, viewAs !== null);
  if (!can.vcard) return null;

  async function run(download: () => Promise<void>) {
    setBusy(true);
    try {
      await download();
    } catch (error) {
      notify(errorMessage(error), 'red');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" loading={busy} leftSection={<IconShieldLock size={16} aria-hidden />}>
            {t('personal-data:menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            leftSection={<IconAddressBook size={14} aria-hidden />}
            onClick={() => void run(() => downloadVcard(meta.key, id, locale))}
          >
            {t('personal-data:vcard')}
          </Menu.Item>
          {can.export && (
            <>
              <Menu.Item
                leftSection={<IconFileTypePdf size={14} aria-hidden />}
                onClick={() => void run(() => downloadPersonalData(meta.key, id, 'pdf', locale))}
              >
                {t('personal-data:pdf')}
              </Menu.Item>
              <Menu.Item
                leftSection={<IconJson size={14} aria-hidden />}
                onClick={() => void run(() => downloadPersonalData(meta.key, id, 'json', locale))}
              >
                {t('personal-data:json')}
              </Menu.Item>
            </>
          )}
          {can.anonymise && (
            <>
              <Menu.Divider />
              <Menu.Item
                color="red"
                leftSection={<IconUserX size={14} aria-hidden />}
                onClick={() => setAnonymising(true)}
              >
                {t('personal-data:anonymise.action')}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {anonymising && (
        <AnonymiseDialog object={meta.key} id={id} title={title} onClose={() => setAnonymising(false)} />
      )}
    </>
  );
}
