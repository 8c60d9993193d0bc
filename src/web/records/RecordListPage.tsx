import { Stack, Text } from '@mantine/core';
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import type { SortingState } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { MetadataLookup } from '../../shared/filter/validate.ts';
import type { ObjectMeta } from '../../shared/metadata/types.ts';
import type { RecordData } from '../app/api-types.ts';
import { NotFound } from '../app/NotFound.tsx';
import { useCurrentUser } from '../app/session.ts';
import { pickLabel, useObjectMeta } from '../modules/metadata/index.ts';
import { colourRuleFields, rowColour, useSavedViews, ViewMenu } from '../modules/views/index.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { useFormatters, useLocale } from '../ui/format.ts';
import { PageLoader } from '../ui/PageLoader.tsx';
import { BulkActionDialog, type BulkKind } from './BulkActionDialog.tsx';
import { listColumns, listProjection } from './columns.ts';
import { useMetadataLookup } from './filters/index.ts';
import { ListToolbar, PHONE_QUERY } from './ListToolbar.tsx';
import { useListCount } from './list-actions.ts';
import type { ListViewState } from './list-state.ts';
import { effectiveState, readListAddress, same, sanitizeState, writeListAddress } from './list-url.ts';
import { useRecordPages } from './queries.ts';
import { RecordCardList } from './RecordCardList.tsx';
import { RecordTable } from './RecordTable.tsx';
import { columnField } from './related-fields.ts';
import { SelectionBar } from './SelectionBar.tsx';
import {
  EMPTY_SELECTION,
  isEmpty,
  isSelected,
  type Selection,
  selectAllMatching,
  selectionPayload,
} from './selection.ts';

/** `/records/:object?view=…&filter=…&sort=…&q=…`: the list state lives in the address (see list-url.ts). */
export function RecordListPage() {
  const { object = '' } = useParams();
  const { meta, isPending, error } = useObjectMeta(object);
  if (isPending) return <PageLoader />;
  if (error) return <ErrorState error={error} />;
  if (!meta) return <NotFound />;
  return <RecordList key={meta.key} meta={meta} />;
}

/** What a list shows before anyone chose anything: the object's default columns and sort. */
export function defaultListState(meta: ObjectMeta, lookup?: MetadataLookup): ListViewState {
  return {
    columns: listColumns(meta, lookup).map((field) => field.key),
    filter: null,
    sort: meta.defaultSort,
    colourRules: [],
  };
}

export function RecordList({ meta }: { meta: ObjectMeta }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const address = useMemo(() => readListAddress(params), [params]);
  const lookup = useMetadataLookup(meta);
  const standard = useMemo(() => defaultListState(meta, lookup), [meta, lookup]);
  const views = useSavedViews(meta.key);
  const currentView = views.data?.items.find((view) => view.id === address.viewId);
  const base = currentView?.definition ?? standard;
  const state = useMemo(
    () => sanitizeState(effectiveState(address, base), meta, lookup, standard),
    [address, base, meta, lookup, standard],
  );
  // Views that fail to load only cost the list its saved views, never its rows.
  const viewSettled = useDefaultView(views.data?.defaultViewId ?? null, !views.isPending);
  const title = pickLabel(meta.labels.many, locale);
  const heading = address.trash ? t('records:trash.title', { object: title }) : title;
  useDocumentTitle(`${heading} · ${t('common:appName')}`);

  const columns = useMemo(() => {
    const chosen = state.columns
      .map((key) => columnField(meta, lookup, key))
      .filter((field) => field !== undefined);
    return chosen.length > 0 ? chosen : listColumns(meta, lookup);
  }, [meta, lookup, state.columns]);
  const projection = useMemo(() => {
    const shown = listProjection(meta, columns);
    // Colour rules may read fields that are not shown as columns.
    return { ...shown, fields: [...new Set([...shown.fields, ...colourRuleFields(state.colourRules)])] };
  }, [meta, columns, state.colourRules]);
  const listQuery = {
    object: meta.key,
    filter: state.filter,
    q: address.q,
    ...(address.trash ? { deleted: 'only' as const } : {}),
  };
  const pages = useRecordPages(
    { ...listQuery, filter: state.filter ?? undefined, sort: state.sort, locale, ...projection },
    viewSettled,
  );
  const count = useListCount(listQuery, viewSettled);
  const rows = useMemo(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);

  // Marking belongs to one list: a new filter, search or the trash starts it afresh.
  const scope = JSON.stringify([state.filter, address.q, address.trash]);
  const [marking, setMarking] = useState<{ scope: string; selection: Selection }>({
    scope,
    selection: EMPTY_SELECTION,
  });
  const selection = marking.scope === scope ? marking.selection : EMPTY_SELECTION;
  const setSelection = useCallback((next: Selection) => setMarking({ scope, selection: next }), [scope]);
  const [bulk, setBulk] = useState<BulkKind | null>(null);

  const update = useCallback(
    (change: (next: URLSearchParams) => void) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          change(next);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const setState = (next: ListViewState) =>
    setParams((current) => writeListAddress(current, next, base, address.viewId), { replace: true });
  /** A view picked, saved or left: its definition becomes the base the address is written against. */
  const applyView = (next: ListViewState, viewId: number | null, isViewDefinition = false) => {
    const cached = views.data?.items.find((view) => view.id === viewId)?.definition;
    const viewBase = viewId === null ? standard : isViewDefinition ? next : (cached ?? next);
    setParams((current) => writeListAddress(current, next, viewBase, viewId), { replace: true });
  };
  const user = useCurrentUser();
  const timeZone = user?.timeZone ?? 'UTC';
  const colourOf = useCallback(
    (row: RecordData) => rowColour(meta, state.colourRules, row, timeZone),
    [meta, state.colourRules, timeZone],
  );

  const sorting: SortingState = state.sort.map((key) => ({ id: key.field, desc: key.direction === 'desc' }));
  const onSortingChange = (next: SortingState) =>
    setState({
      ...state,
      sort: next.map((key) => ({ field: key.id, direction: key.desc ? 'desc' : 'asc' })),
    });
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = pages;
  const phone = useMediaQuery(PHONE_QUERY);
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const total = count.data?.exact ? count.data.count : null;
  const allLoadedMarked = rows.length > 0 && rows.every((row) => isSelected(selection, row.id));
  const payload = selectionPayload(selection, { filter: state.filter, q: address.q });

  return (
    <Stack gap="sm" h="calc(100dvh - var(--app-shell-header-height, 56px) - 2 * var(--mantine-spacing-md))">
      <ListToolbar
        meta={meta}
        heading={heading}
        state={state}
        onStateChange={setState}
        q={address.q}
        onSearch={(q) => update((next) => (q ? next.set('q', q) : next.delete('q')))}
        trash={address.trash}
        onTrashChange={(trash) => update((next) => (trash ? next.set('trash', '1') : next.delete('trash')))}
        count={count.data ?? null}
        loaded={rows.length}
        exportSelection={isEmpty(selection) ? null : payload}
        standardColumns={standard.columns}
        phone={phone}
        viewMenu={
          <ViewMenu
            meta={meta}
            state={state}
            standard={standard}
            currentViewId={currentView ? currentView.id : null}
            dirty={!same(state, base)}
            onApply={applyView}
          />
        }
      />
      {!isEmpty(selection) && (
        <SelectionBar
          meta={meta}
          selection={selection}
          total={total}
          loaded={rows.length}
          allLoadedMarked={allLoadedMarked}
          hasMore={hasNextPage}
          trash={address.trash}
          onSelectAllMatching={() => setSelection(selectAllMatching())}
          onClear={() => setSelection(EMPTY_SELECTION)}
          onAction={setBulk}
        />
      )}
      {pages.isError ? (
        <ErrorState error={pages.error} onRetry={() => void pages.refetch()} />
      ) : pages.isPending ? (
        <PageLoader />
      ) : rows.length === 0 ? (
        <Text c="dimmed" role="status">
          {address.trash
            ? t('records:trash.empty')
            : address.q
              ? t('records:list.nothingFound', { q: address.q })
              : t('records:list.empty')}
        </Text>
      ) : phone ? (
        <RecordCardList
          meta={meta}
          columns={columns}
          rows={rows}
          hasMore={hasNextPage}
          loadingMore={isFetchingNextPage}
          onLoadMore={loadMore}
          label={heading}
          selection={selection}
          onSelectionChange={setSelection}
          trash={address.trash}
        />
      ) : (
        <RecordTable
          meta={meta}
          columns={columns}
          rows={rows}
          sorting={sorting}
          onSortingChange={onSortingChange}
          hasMore={hasNextPage}
          loadingMore={isFetchingNextPage}
          onLoadMore={loadMore}
          label={heading}
          scrollKey={`${params.get('sort') ?? ''}|${address.q}|${params.get('filter') ?? ''}|${address.trash}`}
          selection={selection}
          onSelectionChange={setSelection}
          trash={address.trash}
          rowColour={state.colourRules.length > 0 ? colourOf : undefined}
        />
      )}
      {hasNextPage && rows.length > 0 && (
        <Text size="xs" c="dimmed" role="status" aria-live="polite">
          {t('records:list.loadedMore', { count: rows.length, formatted: format.number(rows.length) })}
        </Text>
      )}
      {bulk && (
        <BulkActionDialog
          meta={meta}
          kind={bulk}
          selection={payload}
          onClose={() => setBulk(null)}
          onDone={() => {
            setBulk(null);
            setSelection(EMPTY_SELECTION);
          }}
        />
      )}
    </Stack>
  );
}

/**
 * Opening a list with nothing in its address shows the user's default view (once: choosing
 * "Standard list" afterwards is not undone by this). Returns whether that is settled: the
 * list waits for it, so it loads once, with the right view, instead of twice.
 */
function useDefaultView(defaultViewId: number | null, loaded: boolean): boolean {
  const [params, setParams] = useSearchParams();
  const decided = useRef(false);
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (decided.current || !loaded) return;
    decided.current = true;
    setSettled(true);
    const untouched = !['view', 'cols', 'filter', 'sort', 'colours'].some((key) => params.has(key));
    if (untouched && defaultViewId !== null) {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('view', String(defaultViewId));
          return next;
        },
        { replace: true },
      );
    }
  }, [defaultViewId, loaded, params, setParams]);
  return settled;
}
