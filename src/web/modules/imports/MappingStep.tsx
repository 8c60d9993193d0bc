import { Alert, Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useLocale } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import { pickLabel, useObjects } from '../metadata/index.ts';
import { importsApi, type Mapping, type RunSettings, type Uploaded, useSavedMappings } from './api.ts';

const IGNORE = '';

/** Step 2: what was detected, the object, and the field each column fills (guessed, editable, savable). */
export function MappingStep({
  uploaded,
  settings,
  onChange,
}: {
  uploaded: Uploaded;
  settings: RunSettings;
  onChange: (settings: RunSettings) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const objects = useObjects();
  const saved = useSavedMappings(settings.object);
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [name, setName] = useState('');
  const { detected, guesses } = uploaded;
  const targets = guesses.targets[settings.object] ?? [];
  const objectLabel = (key: string) => {
    const meta = objects.data?.find((object) => object.key === key);
    return meta ? pickLabel(meta.labels.many, locale) : key;
  };
  const setField = (column: string, field: string | null) =>
    onChange({ ...settings, mapping: { ...settings.mapping, [column]: field || null } });
  const taken = new Set(Object.values(settings.mapping).filter(Boolean));

  async function save() {
    try {
      await importsApi.saveMapping(name.trim(), settings.object, settings.mapping);
      await queryClient.invalidateQueries({ queryKey: ['import-mappings'] });
      notify(t('imports:mapping.saved', { name: name.trim() }));
      setName('');
    } catch (error) {
      notify(errorMessage(error), 'red');
    }
  }

  function load(id: string | null) {
    const found = saved.data?.items.find((item) => String(item.id) === id);
    if (!found) return;
    const mapping: Mapping = {};
    for (const column of detected.columns) mapping[column] = found.mapping[column] ?? null;
    onChange({ ...settings, mapping });
  }

  return (
    <Stack gap="md">
      <Group gap="xs" aria-label={t('imports:detected.label')}>
        <Badge variant="light">{t(`imports:detected.format.${detected.format}`)}</Badge>
        {detected.encoding && (
          <Badge variant="light">{t('imports:detected.encoding', { encoding: detected.encoding })}</Badge>
        )}
        {detected.delimiter && (
          <Badge variant="light">
            {t('imports:detected.delimiter', {
              delimiter: detected.delimiter === '\t' ? 'TAB' : detected.delimiter,
            })}
          </Badge>
        )}
        <Badge variant="light">{t('imports:detected.rows', { count: uploaded.rowCount })}</Badge>
      </Group>
      {detected.warnings.map((warning) => (
        <Alert key={warning} color="yellow">
          {warning}
        </Alert>
      ))}
      <Group align="flex-end">
        <Select
          label={t('imports:mapping.object')}
          data={Object.keys(guesses.targets).map((key) => ({ value: key, label: objectLabel(key) }))}
          value={settings.object}
          onChange={(object) =>
            object && onChange({ ...settings, object, mapping: guesses.mappings[object] ?? {} })
          }
          allowDeselect={false}
        />
        <Select
          label={t('imports:mapping.load')}
          placeholder={t('imports:mapping.loadPlaceholder')}
          data={(saved.data?.items ?? []).map((item) => ({ value: String(item.id), label: item.name }))}
          value={null}
          onChange={load}
          disabled={(saved.data?.items.length ?? 0) === 0}
        />
      </Group>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imports:mapping.column')}</Table.Th>
            <Table.Th>{t('imports:mapping.sample')}</Table.Th>
            <Table.Th>{t('imports:mapping.field')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detected.columns.map((column, index) => {
            const current = settings.mapping[column] ?? null;
            return (
              <Table.Tr key={column}>
                <Table.Td>
                  <Text fw={500}>{column}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {detected.sampleRows
                      .map((row) => row[index] ?? '')
                      .filter(Boolean)
                      .slice(0, 3)
                      .join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td miw={240}>
                  <Select
                    aria-label={t('imports:mapping.fieldFor', { column })}
                    data={[
                      { value: IGNORE, label: t('imports:mapping.ignore') },
                      ...targets.map((target) => ({
                        value: target.key,
                        label: pickLabel(target.labels, locale),
                        disabled: taken.has(target.key) && current !== target.key,
                      })),
                    ]}
                    value={current ?? IGNORE}
                    onChange={(value) => setField(column, value)}
                    searchable
                    allowDeselect={false}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group align="flex-end">
        <TextInput
          label={t('imports:mapping.saveAs')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          maxLength={100}
        />
        <Button
          variant="default"
          leftSection={<IconDeviceFloppy size={16} aria-hidden />}
          disabled={name.trim() === ''}
          onClick={() => void save()}
        >
          {t('imports:mapping.save')}
        </Button>
      </Group>
    </Stack>
  );
}
