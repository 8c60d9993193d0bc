import { Alert, Button, FileInput, Group, Select, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session.ts';
import { useErrorMessage } from '../../ui/error-message.ts';
import { type Uploaded, uploadFile } from './api.ts';

const ENCODINGS = ['utf-8', 'windows-1250', 'iso-8859-2', 'windows-1252'] as const;

/** Step 1: the file (CSV, Excel, vCard), and its encoding when detection should not decide. */
export function UploadStep({ onUploaded }: { onUploaded: (uploaded: Uploaded) => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const csrfToken = useMe().data?.csrfToken ?? '';
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      onUploaded(await uploadFile(file, csrfToken, encoding));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)}>
      <Stack gap="md" maw={560}>
        <Text c="dimmed">{t('imports:upload.intro')}</Text>
        <FileInput
          label={t('imports:upload.file')}
          description={t('imports:upload.fileHint')}
          placeholder={t('imports:upload.choose')}
          accept=".csv,.txt,.tsv,.xlsx,.vcf,text/csv,text/vcard,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={setFile}
          clearable
          required
        />
        <Select
          label={t('imports:upload.encoding')}
          description={t('imports:upload.encodingHint')}
          data={[
            { value: '', label: t('imports:upload.detect') },
            ...ENCODINGS.map((value) => ({ value, label: value })),
          ]}
          value={encoding ?? ''}
          onChange={(value) => setEncoding(value ? value : null)}
          allowDeselect={false}
        />
        {error && (
          <Alert color="red" title={t('imports:upload.refused')} role="alert">
            {error}
          </Alert>
        )}
        <Group>
          <Button
            type="submit"
            loading={busy}
            disabled={!file}
            leftSection={<IconUpload size={16} aria-hidden />}
          >
            {t('imports:upload.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
