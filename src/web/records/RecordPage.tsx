import { Badge, Button, Grid, Group, Stack, Tabs, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconForms } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { kindOf } from '../../shared/field-types/index.ts';
import type { ObjectMeta } from '../../shared/metadata/types.ts';
import type { RecordData } from '../app/api-types.ts';
import { NotFound } from '../app/NotFound.tsx';
import { useCurrentUser } from '../app/session.ts';
import { useRecordCan } from '../modules/access/index.ts';
import {
  isReference,
  pickLabel,
  recordContext,
  recordTitle,
  useObjectMeta,
} from '../modules/metadata/index.ts';
import { RECORD_PAGE_EXTENSIONS } from '../modules/record-page.tsx';
import { rememberOpened } from '../modules/today/index.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { useLocale } from '../ui/format.ts';
import { PageLoader } from '../ui/PageLoader.tsx';
import { loadDraft } from './draft.ts';
import { HistoryList } from './HistoryList.tsx';
import { recordKey, useRecord } from './queries.ts';
import { RecordActions } from './RecordActions.tsx';
import { RecordBreadcrumbs } from './RecordBreadcrumbs.tsx';
import { RecordCard } from './RecordCard.tsx';
import { RecordEditor } from './RecordEditor.tsx';
import { RecordFacts } from './RecordFacts.tsx';
import { incomingRelations, RelatedLists } from './RelatedLists.tsx';
import { UnsavedChangesGuard } from './unsaved-changes.tsx';

/** `/records/:object/:id`: the record's header, its card (or full form), what points at it, and its history. */
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
  // The full form is open when asked for, and on its own when a draft of it was kept.
  const [formOpen, setFormOpen] = useState(
    () => params.get('edit') === '1' || loadDraft(meta.key, id) !== null,
  );
  // Links from before the related lists moved onto the details (`?tab=related`) land there.
  const tab = params.get('tab') === 'history' ? 'history' : 'details';
  const loadedTitle = record.data ? recordTitle(meta, record.data, locale) || `#${record.data.id}` : null;
  useDocumentTitle(
    [loadedTitle, pickLabel(meta.labels.many, locale), t('common:appName')].filter(Boolean).join(' · '),
  );
  // The Today screen lists what was opened lately.
  const userId = useCurrentUser()?.id;
  useEffect(() => {
    if (userId !== undefined && loadedTitle)
      rememberOpened(userId, { object: meta.key, id: Number(id), title: loadedTitle });
  }, [userId, loadedTitle, meta.key, id]);

  if (record.isPending) return <PageLoader />;
  if (record.isError) return <ErrorState error={record.error} onRetry={() => void record.refetch()} />;
  const data = record.data;
  const title = recordTitle(meta, data, locale) || `#${data.id}`;

  function onSaved(saved: RecordData) {
    // Show the saved values at once; the refetch brings fresh titles of changed references.
    queryClient.setQueryData([...recordKey(meta.key, id), locale], { ...saved, _expanded: data._expanded });
    void queryClient.invalidateQueries({ queryKey: ['records', meta.key] });
    // A changed status or owner is an entry of the client's timeline.
    void queryClient.invalidateQueries({ queryKey: ['timeline'] });
  }

  function setTab(value: string | null) {
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value && value !== 'details') next.set('tab', value);
      else next.delete('tab');
      return next;
    });
  }

  // A client's file opens on what happened with them: the timeline beside the details (as
  // Pipedrive and HubSpot place it), then what points at the record.
  const panels = RECORD_PAGE_EXTENSIONS.panels.filter((panel) => panel.applies(meta, objects));
  const beside = relations.length > 0 || meta.timeline || panels.length > 0;
  const related = beside && (
    // Beside the details on a wide screen (a client's people on the first screen), below on a narrow one.
    <Grid.Col span={{ base: 12, lg: 5 }}>
      <Stack gap="xl">
        {panels.map(({ Panel }, index) => (
          // The list is fixed at build time: its index is a stable key.
          // biome-ignore lint/suspicious/noArrayIndexKey: a constant list, never reordered
          <Panel key={index} meta={meta} record={data} title={title} objects={objects} />
        ))}
        <RelatedLists
          relations={relations.filter(
            (relation) =>
              kindOf(relation.field) !== 'membership' &&
              !RECORD_PAGE_EXTENSIONS.shownByPanels.includes(`${relation.object.key}.${relation.field.key}`),
          )}
          id={data.id}
        />
      </Stack>
    </Grid.Col>
  );

  const details = (
    <Grid gap="xl">
      <Grid.Col span={{ base: 12, lg: beside ? 7 : 12 }}>
        {formOpen && can.update ? (
          <RecordEditor
            meta={meta}
            record={data}
            onSaved={(saved) => {
              onSaved(saved);
              setFormOpen(false);
            }}
            onClose={() => setFormOpen(false)}
          />
        ) : (
          <RecordCard meta={meta} record={data} editable={can.update} onSaved={onSaved} />
        )}
      </Grid.Col>
      {related}
    </Grid>
  );

  return (
    <UnsavedChangesGuard>
      <Stack gap="md">
        <RecordBreadcrumbs meta={meta} current={title} />
        <Group gap="sm" align="center" justify="space-between" wrap="wrap">
          <Group gap="sm" align="center" miw={0}>
            <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
              {title}
            </Title>
            <Badge variant="light">{pickLabel(meta.labels.one, locale)}</Badge>
          </Group>
          <Group gap="xs" wrap="wrap">
            {can.update && !formOpen && (
              <Button
                variant="default"
                leftSection={<IconForms size={16} aria-hidden />}
                onClick={() => {
                  setTab('details');
                  setFormOpen(true);
                }}
              >
                {t('records:page.editAll')}
              </Button>
            )}
            {RECORD_PAGE_EXTENSIONS.actions.map((Action, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a constant list, never reordered
              <Action key={index} meta={meta} record={data} title={title} objects={objects} />
            ))}
            <RecordActions
              meta={meta}
              id={data.id}
              version={data.version}
              title={title}
              can={can}
              context={recordContext(meta, data, locale)}
            />
          </Group>
        </Group>
        <RecordFacts meta={meta} record={data} />
        <Tabs value={tab} onChange={setTab} keepMounted={false} keepMountedMode="display-none">
          <Tabs.List>
            <Tabs.Tab value="details">{t('records:page.details')}</Tabs.Tab>
            <Tabs.Tab value="history">{t('records:page.history')}</Tabs.Tab>
          </Tabs.List>
          {/* The details stay mounted while the history is open, so unsaved edits are kept. */}
          <Tabs.Panel value="details" pt="md" keepMounted>
            {details}
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="md">
            <HistoryList meta={meta} id={id} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </UnsavedChangesGuard>
  );
}
