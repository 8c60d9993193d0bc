import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../app/locale.ts';
import { useFormatters, useLocale } from '../../ui/format.ts';
import { type BackupFile, downloadUrl } from './api.ts';
import { fileSize } from './describe.ts';

/** The backup files on the server, newest first, each to download. */
export function BackupFiles({ files }: { files: BackupFile[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const locale = intlLocale(useLocale());
  if (files.length === 0)
    return (
      <Text c="dimmed" role="status">
        {t('backups:files.empty')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped aria-label={t('backups:files.title')} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('backups:files.name')}</Table.Th>
            <Table.Th scope="col">{t('backups:files.createdAt')}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'end' }}>
              {t('backups:files.size')}
            </Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('backups:files.download')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {files.map((file) => (
            <Table.Tr key={file.name}>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {file.name}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(file.createdAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap', textAlign: 'end' }}>
                {fileSize(file.bytes, locale)}
              </Table.Td>
              <Table.Td>
                <Button
                  component="a"
                  href={downloadUrl(file.name)}
                  download={file.name}
                  variant="subtle"
                  size="xs"
                  leftSection={<IconDownload size={16} aria-hidden />}
                  aria-label={t('backups:files.downloadFile', { name: file.name })}
                >
                  {t('backups:files.download')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
