import { ActionIcon, Box, Button, Menu } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconFileText, IconPrinter } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Filter } from '../../shared/filter/types.ts';
import type { ObjectMeta, SortSpec } from '../../shared/metadata/types.ts';
import { VcardExportItem } from '../modules/personal-data/index.ts';
import { useErrorMessage } from '../ui/error-message.ts';
import { useLocale } from '../ui/format.ts';
import { notify } from '../ui/notify.ts';
import { type ExportFormat, exportRequest } from './export-link.ts';
import { downloadExport, type SelectionPayload } from './list-actions.ts';

export interface ExportMenuProps {
  meta: ObjectMeta;
  columns: string[];
  sort: SortSpec[];
  /** The marked rows, or null to export the whole filtered list. */
  selection: SelectionPayload | null;
  list: { filter: Filter | null; q: string };
  /** The address of the printable view of the same list. */
  printHref: string;
  /** An icon button (a phone's one-row toolbar); its name is the same words. */
  compact?: boolean;
}

/**
 * Export of the marked rows (or the filtered list) as the server streams it, and a printable
 * view. Each spreadsheet format twice: with the list's visible columns (what the reader sees),
 * or with every field they may export (for working on the data elsewhere).
 */
export function ExportMenu({ meta, columns, sort, selection, list, printHref, compact }: ExportMenuProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const visibleId = useId();
  const label = selection ? t('records:export.marked') : t('records:export.label');
  const allId = useId();

  async function run(format: ExportFormat, allFields = false) {
    setBusy(true);
    try {
      await downloadExport(
        meta.key,
        exportRequest({ format, allFields, columns, sort, locale, selection, list }),
      );
    } catch (error) {
      notify(errorMessage(error), 'red');
    } finally {
      setBusy(false);
    }
  }

  const spreadsheetItems = (allFields: boolean) => (
    <>
      <Menu.Item
        leftSection={<IconFileSpreadsheet size={14} aria-hidden />}
        onClick={() => void run('xlsx', allFields)}
      >
        {t('records:export.xlsx')}
      </Menu.Item>
      <Menu.Item
        leftSection={<IconFileText size={14} aria-hidden />}
        onClick={() => void run('csv', allFields)}
      >
        {t('records:export.csv')}
      </Menu.Item>
    </>
  );

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        {compact ? (
          <ActionIcon variant="default" size="input-sm" loading={busy} aria-label={label}>
            <IconDownload size={18} aria-hidden />
          </ActionIcon>
        ) : (
          <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} loading={busy}>
            {label}
          </Button>
        )}
      </Menu.Target>
      <Menu.Dropdown>
        {/* Groups, so that a screen reader says which columns an "Excel" item exports. */}
        <Box role="group" aria-labelledby={visibleId}>
          <Menu.Label id={visibleId}>{t('exports:visibleColumns')}</Menu.Label>
          {spreadsheetItems(false)}
        </Box>
        <Box role="group" aria-labelledby={allId}>
          <Menu.Label id={allId}>{t('exports:allFields')}</Menu.Label>
          {spreadsheetItems(true)}
        </Box>
        <Menu.Divider />
        <VcardExportItem object={meta.key} onClick={() => void run('vcf')} />
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
