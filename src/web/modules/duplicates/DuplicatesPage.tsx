import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import { NotFound } from '../../app/NotFound.tsx';
import { RecordBreadcrumbs } from '../../records/RecordBreadcrumbs.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useLocale } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { scopeOf, useMyRights, useViewAs } from '../access/index.ts';
import { pickLabel, useObjectMeta } from '../metadata/index.ts';
import { DuplicateGroups } from './DuplicateGroups.tsx';
import { MergeLog } from './MergeLog.tsx';

/** `/records/:object/duplicates`: likely duplicates of an object to merge, and the merges made. */
export function DuplicatesPage() {
  const { object = '' } = useParams();
  const { meta, isPending, error } = useObjectMeta(object);
  if (isPending) return <PageLoader />;
  if (error) return <ErrorState error={error} />;
  if (!meta) return <NotFound />;
  return <Duplicates key={meta.key} meta={meta} />;
}

/**
 * Whether the reader may merge at all: update and delete (and the object's `merge` action where
 * it declares one). Per record the server decides; this only hides buttons that could never work.
 */
function useCanMerge(meta: ObjectMeta): boolean {
  const rights = useMyRights().data;
  const viewingAs = useViewAs() !== null;
  const mergeAction = `${meta.key}.merge`;
  const needed = ['update', 'delete', ...(meta.actions?.includes(mergeAction) ? [mergeAction] : [])];
  return (
    !viewingAs && rights !== undefined && needed.every((right) => scopeOf(rights, meta.key, right) !== 'none')
  );
}

function Duplicates({ meta }: { meta: ObjectMeta }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = t('duplicates:page.title', { objects: pickLabel(meta.labels.many, locale) });
  useDocumentTitle(`${title} · ${t('common:appName')}`);
  const canMerge = useCanMerge(meta);
  return (
    <Stack gap="md">
      <RecordBreadcrumbs meta={meta} current={t('duplicates:page.breadcrumb')} />
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {t('duplicates:page.intro')}
      </Text>
      <Tabs defaultValue="groups" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="groups">{t('duplicates:page.groupsTab')}</Tabs.Tab>
          <Tabs.Tab value="log">{t('duplicates:page.logTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="groups" pt="md">
          <DuplicateGroups meta={meta} canMerge={canMerge} />
        </Tabs.Panel>
        <Tabs.Panel value="log" pt="md">
          <MergeLog meta={meta} canMerge={canMerge} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
