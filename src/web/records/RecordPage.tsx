import { Badge, Group, Stack, Tabs, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { ObjectMeta } from '../../shared/metadata/types.ts';
import type { RecordData } from '../app/api-types.ts';
import { NotFound } from '../app/NotFound.tsx';
import { useRecordCan } from '../modules/access/index.ts';
import { BusinessCardLink } from '../modules/cards/index.ts';
import { isReference, pickLabel, recordTitle, useObjectMeta } from '../modules/metadata/index.ts';
import { PersonalDataMenu } from '../modules/personal-data/index.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { useLocale } from '../ui/format.ts';
import { PageLoader } from '../ui/PageLoader.tsx';
import { HistoryList } from './HistoryList.tsx';
import { recordKey, useRecord } from './queries.ts';
import { RecordActions } from './RecordActions.tsx';
import { RecordBreadcrumbs } from './RecordBreadcrumbs.tsx';
import { RecordEditor } from './RecordEditor.tsx';
import { RecordFacts } from './RecordFacts.tsx';
import { incomingRelations, RelatedLists } from './RelatedLists.tsx';

/** `/records/:object/:id`: the record's header, its form, what points at it, and its history. */
export function RecordPage() {
  const { object = '', id = '' } = useParams();
  const { meta, objects, isPending, error } = useObjectMeta(object);
  if (isPending) return <PageLoader />;
  if (error) return <ErrorState error={error} />;
  if (!meta || !/^\d+$/.test(id)) return <NotFound />;
  return <RecordView key={`${meta.key}/${id}`} meta={meta} objects={objects ?? []} id={id} />;
}

function RecordView({ meta, objects, id }: { meta: ObjectMeta; objects: ObjectMeta[]; id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const expand = meta.fields.filter(isReference).map((field) => field.key);
  const record = useRecord(meta.key, id, expand, locale);
  // What the reader may do with this record (its `_can`; nothing while viewing as someone else).
  const can = useRecordCan(record.data ?? {});
  const relations = incomingRelations(meta, objects);
  const tab = params.get('tab') ?? 'details';
  const loadedTitle = record.data ? recordTitle(meta, record.data, locale) || `#${record.data.id}` : null;
  useDocumentTitle(
    [loadedTitle, pickLabel(meta.labels.many, locale), t('common:appName')].filter(Boolean).join(' · '),
  );

  if (record.isPending) return <PageLoader />;
  if (record.isError) return <ErrorState error={record.error} onRetry={() => void record.refetch()} />;
  const data = record.data;
  const title = recordTitle(meta, data, locale) || `#${data.id}`;

  function onSaved(saved: RecordData) {
    // Show the saved values at once; the refetch brings fresh titles of changed references.
    queryClient.setQueryData([...recordKey(meta.key, id), locale], { ...saved, _expanded: data._expanded });
    void queryClient.invalidateQueries({ queryKey: ['records', meta.key] });
  }

  return (
    <Stack gap="md">
      <RecordBreadcrumbs meta={meta} current={title} />
      <Group gap="sm" align="center" justify="space-between" wrap="nowrap">
        <Group gap="sm" align="center">
          <Title order={1} size="h2">
            {title}
          </Title>
          <Badge variant="light">{pickLabel(meta.labels.one, locale)}</Badge>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <BusinessCardLink object={meta.key} id={data.id} />
          <PersonalDataMenu meta={meta} id={data.id} title={title} />
          <RecordActions meta={meta} id={data.id} version={data.version} title={title} can={can} />
        </Group>
      </Group>
      <RecordFacts meta={meta} record={data} />
      <Tabs
        value={tab}
        onChange={(value) =>
          setParams((current) => {
            const next = new URLSearchParams(current);
            if (value && value !== 'details') next.set('tab', value);
            else next.delete('tab');
            return next;
          })
        }
        keepMounted={false}
        keepMountedMode="display-none"
      >
        <Tabs.List>
          <Tabs.Tab value="details">{t('records:page.details')}</Tabs.Tab>
          {relations.length > 0 && <Tabs.Tab value="related">{t('records:page.related')}</Tabs.Tab>}
          <Tabs.Tab value="history">{t('records:page.history')}</Tabs.Tab>
        </Tabs.List>
        {/* The form stays mounted while other tabs are open, so unsaved edits are kept. */}
        <Tabs.Panel value="details" pt="md" keepMounted>
          <RecordEditor meta={meta} record={data} onSaved={onSaved} readOnly={!can.update} />
        </Tabs.Panel>
        {relations.length > 0 && (
          <Tabs.Panel value="related" pt="md">
            <RelatedLists relations={relations} id={data.id} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="history" pt="md">
          <HistoryList meta={meta} id={id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
