import { Menu } from '@mantine/core';
import { IconAddressBook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SUBJECT } from './abilities.ts';

/**
 * "vCard (.vcf)" in a list's export menu: people only (the server refuses other objects).
 * The menu runs the export itself, with the list's filter or marked rows, as for CSV and XLSX.
 */
export function VcardExportItem({ object, onClick }: { object: string; onClick: () => void }) {
  const { t } = useTranslation();
  if (object !== SUBJECT) return null;
  return (
    <Menu.Item leftSection={<IconAddressBook size={14} aria-hidden />} onClick={onClick}>
      {t('personal-data:vcfExport')}
    </Menu.Item>
  );
}
