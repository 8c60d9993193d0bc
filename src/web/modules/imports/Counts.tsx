import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportStatus } from './api.ts';

/** Created, updated, skipped, failed (and related records created), as numbers with words. */
export function Counts({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  return (
    <Group gap="lg" data-testid="import-counts">
      <Text>{t('imports:counts.created', { count: status.created })}</Text>
      <Text>{t('imports:counts.updated', { count: status.updated })}</Text>
      <Text>{t('imports:counts.skipped', { count: status.skipped })}</Text>
      <Text c={status.failed > 0 ? 'red' : undefined}>
        {t('imports:counts.failed', { count: status.failed })}
      </Text>
      {status.relatedCreated > 0 && (
        <Text>{t('imports:counts.related', { count: status.relatedCreated })}</Text>
      )}
    </Group>
  );
}
