import { Button, Menu } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconFileText, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Filter } from '../../shared/filter/types.ts';
import type { ObjectMeta, SortSpec } from '../../shared/metadata/types.ts';
import { VcardExportItem } from '../modules/personal-data/index.ts';
import { useErrorMessage } from '../ui/error-message.ts';
import { useLocale } from '../ui/format.ts';
import { notify } from '../ui/notify.ts';
import { downloadExport, type ExportRequest, type SelectionPayload } from './list-actions.ts';

export interface ExportMenuProps {
  meta: ObjectMeta;
  columns: string[];
  sort: SortSpec[];
  /** The marked rows, or null to export the whole filtered list. */
  selection: SelectionPayload | null;
  list: { filter: Filter | null; q: string };
  /** The address of the printable view of the same list. */
  printHref: string;
}

/** Export of the marked rows (or the filtered list) as the server streams it, and a printable view. */
export function ExportMenu({ meta, columns, sort, selection, list, printHref }: ExportMenuProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);

  async function run(format: 'csv' | 'xlsx' | 'vcf') {
    const scope = selection ?? {
      ...(list.filter ? { filter: list.filter } : {}),
      ...(list.q ? { q: list.q } : {}),
    };
    const body: ExportRequest = { format, fields: columns, sort, locale, ...scope };
    setBusy(true);
    try {
      await downloadExport(meta.key, body);
    } catch (error) {
      notify(errorMessage(error), 'red');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} loading={busy}>
          {selection ? t('records:export.marked') : t('records:export.label')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          leftSection={<IconFileSpreadsheet size={14} aria-hidden />}
          onClick={() => void run('xlsx')}
        >
          {t('records:export.xlsx')}
        </Menu.Item>
        <Menu.Item leftSection={<IconFileText size={14} aria-hidden />} onClick={() => void run('csv')}>
          {t('records:export.csv')}
        </Menu.Item>
        <VcardExportItem object={meta.key} onClick={() => void run('vcf')} />
        <Menu.Divider />
        <Menu.Item
          component="a"
          href={printHref}
          target="_blank"
          leftSection={<IconPrinter size={14} aria-hidden />}
        >
          {t('records:export.print')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
