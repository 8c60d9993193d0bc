import { Box, Checkbox, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import {
  type ColumnDef,
  createColumnHelper,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { FieldMeta, ObjectMeta } from '../../shared/metadata/types.ts';
import type { RecordData } from '../app/api-types.ts';
import { useObjectAbilities } from '../modules/access/index.ts';
import { pickLabel, recordTitle } from '../modules/metadata/index.ts';
import { useLocale } from '../ui/format.ts';
import { columnWidth } from './columns.ts';
import { EditableCell, isCellEditable } from './EditableCell.tsx';
import { FieldValue } from './FieldValue.tsx';
import { factsOf } from './field-types/index.ts';
import { LoadingMore } from './LoadingMore.tsx';
import type { RowColour } from './list-state.ts';
import classes from './RecordTable.module.css';
import { rowKeyDown } from './row-keyboard.ts';
import { isSelected, type Selection, selectOnly, selectRange, toggle, toggleLoaded } from './selection.ts';

const features = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof features, RecordData>();
const ROW_HEIGHT = 40;
/** Start loading the next page this many rows before the end, so scrolling rarely waits. */
const PREFETCH_ROWS = 30;

export interface RecordTableProps {
  meta: ObjectMeta;
  columns: FieldMeta[];
  rows: RecordData[];
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  label: string;
  /** Changes when the sort or the search changes: the list then starts again at the top. */
  scrollKey: string;
  selection: Selection;
  onSelectionChange: (selection: Selection) => void;
  /** The colour of a row by the view's colour rules, or null. */
  rowColour?: (row: RecordData) => RowColour | null;
  /** Rows in the trash cannot be opened; they are marked to be restored. */
  trash?: boolean;
}

/**
 * A virtualized list: only the rows in view are in the DOM, so 100,000 loaded rows scroll like
 * 100. The server sorts (`manualSorting`); the table only tracks which header is active.
 */
export function RecordTable(props: RecordTableProps) {
  const { meta, columns, rows, sorting, hasMore, loadingMore, onLoadMore } = props;
  const locale = useLocale();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scrollRef = useRef<HTMLDivElement>(null);
  // Values are changed in their cells by those who may change records (never in the trash).
  const editable = useObjectAbilities(meta.key).update && !props.trash;

  const columnDefs = useMemo<ColumnDef<typeof features, RecordData>[]>(
    () =>
      columns.map((field, index) =>
        helper.accessor((row) => row[field.key], {
          id: field.key,
          header: pickLabel(field.labels, locale),
          enableSorting: field.sortable,
          cell: ({ row }) =>
            index === 0 && !props.trash ? (
              <Link to={`/records/${meta.key}/${row.original.id}`} className={classes.titleLink}>
                {String(row.original[field.key] ?? '') ||
                  recordTitle(meta, row.original, locale) ||
                  `#${row.original.id}`}
              </Link>
            ) : editable && isCellEditable(meta, field) ? (
              <EditableCell meta={meta} field={field} row={row.original} />
            ) : (
              <FieldValue field={field} record={row.original} excerpt />
            ),
        }),
      ) as ColumnDef<typeof features, RecordData>[],
    [columns, meta, locale, props.trash, editable],
  );

  const table = useTable({
    features,
    columns: columnDefs,
    data: rows,
    state: { sorting },
    onSortingChange: (updater) =>
      props.onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
    manualSorting: true,
    enableMultiSort: false,
    sortDescFirst: false,
    getRowId: (row) => String(row.id),
  });

  const tableRows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= tableRows.length - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, tableRows.length, onLoadMore]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls on a new sort or search only
  useEffect(() => {
    // A block body: newer browsers return a promise from scrollTo, and an effect may only return a cleanup.
    scrollRef.current?.scrollTo({ top: 0 });
  }, [props.scrollKey]);

  const flex = (field: FieldMeta) => `1 0 ${columnWidth(meta, field)}px`;
  // Amounts line up on their last digit; the title column stays a left-aligned link.
  const align = (field: FieldMeta) =>
    factsOf(field).alignRight && field.key !== columns[0]?.key ? 'end' : undefined;
  const { selection, onSelectionChange } = props;
  const loadedIds = useMemo(() => rows.map((row) => row.id), [rows]);
  const allLoadedMarked = loadedIds.length > 0 && loadedIds.every((id) => isSelected(selection, id));
  const someMarked = loadedIds.some((id) => isSelected(selection, id));

  /** Click marks one row, Ctrl/Cmd-click flips one, Shift-click marks the range (as in a file manager). */
  function onRowClick(event: React.MouseEvent, id: number) {
    const target = event.target as HTMLElement;
    // Links (title, mail, phone), the checkbox and a cell being edited do their own thing.
    if (target.closest('a, input, label, button, fieldset')) return;
    if (event.shiftKey) {
      window.getSelection()?.removeAllRanges();
      onSelectionChange(selectRange(selection, loadedIds, id));
    } else if (event.ctrlKey || event.metaKey) onSelectionChange(toggle(selection, id));
    else onSelectionChange(selectOnly(id));
  }

  const onKeyDown = rowKeyDown({
    rowCount: tableRows.length,
    virtualizer,
    scroller: () => scrollRef.current,
    onOpen: (index) => {
      const id = loadedIds[index];
      if (id !== undefined && !props.trash) void navigate(`/records/${meta.key}/${id}`);
    },
    onToggle: (index) => {
      const id = loadedIds[index];
      if (id !== undefined) onSelectionChange(toggle(selection, id));
    },
  });

  return (
    <Box ref={scrollRef} className={classes.scroller} tabIndex={-1} onKeyDown={onKeyDown}>
      <table
        className={classes.table}
        aria-label={props.label}
        aria-rowcount={hasMore ? -1 : rows.length + 1}
      >
        <thead className={classes.thead}>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className={classes.row} aria-rowindex={1}>
              <th className={classes.checkCell}>
                <Checkbox
                  size="xs"
                  aria-label={t('records:selection.toggleLoaded')}
                  checked={allLoadedMarked}
                  indeterminate={someMarked && !allLoadedMarked}
                  onChange={() => onSelectionChange(toggleLoaded(selection, loadedIds))}
                />
              </th>
              {group.headers.map((header, index) => {
                const field = columns[index]!;
                const direction = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    className={classes.th}
                    style={{ flex: flex(field) }}
                    data-align={align(field)}
                    aria-sort={
                      direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined
                    }
                  >
                    {header.column.getCanSort() ? (
                      <SortButton
                        label={pickLabel(field.labels, locale)}
                        direction={direction}
                        onClick={header.column.getToggleSortingHandler()}
                      />
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className={classes.tbody} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = tableRows[item.index]!;
            const id = row.original.id;
            const marked = isSelected(selection, id);
            const colour = props.rowColour?.(row.original) ?? null;
            return (
              <tr
                key={row.id}
                className={`${classes.row} ${classes.bodyRow}`}
                aria-rowindex={item.index + 2}
                // The row's checkbox tells assistive technology; this is for the eye (a plain table has no aria-selected).
                data-selected={marked || undefined}
                // Focusable by the arrow keys (row-keyboard.ts), not a Tab stop of its own.
                tabIndex={-1}
                data-colour={colour ?? undefined}
                style={{
                  transform: `translateY(${item.start}px)`,
                  height: ROW_HEIGHT,
                  ...(colour ? { '--row-colour': `var(--mantine-color-${colour}-light)` } : {}),
                }}
                onClick={(event) => onRowClick(event, id)}
                onDoubleClick={(event) => {
                  if (
                    props.trash ||
                    (event.target as HTMLElement).closest('a, input, label, button, fieldset')
                  )
                    return;
                  void navigate(`/records/${meta.key}/${id}`);
                }}
              >
                <td className={classes.checkCell}>
                  <Checkbox
                    size="xs"
                    aria-label={t('records:selection.toggleRow', {
                      title: recordTitle(meta, row.original, locale) || `#${id}`,
                    })}
                    checked={marked}
                    // Shift-click on the checkbox marks a range, as on the row itself.
                    onClick={(event) =>
                      onSelectionChange(
                        event.shiftKey ? selectRange(selection, loadedIds, id) : toggle(selection, id),
                      )
                    }
                    onChange={() => undefined}
                  />
                </td>
                {row.getAllCells().map((cell, index) => (
                  <td
                    key={cell.id}
                    className={classes.td}
                    style={{ flex: flex(columns[index]!) }}
                    data-align={align(columns[index]!)}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {loadingMore && <LoadingMore />}
    </Box>
  );
}

function SortButton(props: {
  label: string;
  direction: false | 'asc' | 'desc';
  onClick?: (event: unknown) => void;
}) {
  const { t } = useTranslation();
  const Icon =
    props.direction === 'asc' ? IconArrowUp : props.direction === 'desc' ? IconArrowDown : IconSelector;
  const next =
    props.direction === 'asc'
      ? 'records:list.sortDesc'
      : props.direction === 'desc'
        ? 'records:list.sortNone'
        : 'records:list.sortAsc';
  return (
    <UnstyledButton
      className={classes.sortButton}
      onClick={props.onClick}
      title={t(next, { field: props.label })}
    >
      <span>{props.label}</span>
      <Icon size={14} aria-hidden className={props.direction ? undefined : classes.idleIcon} />
    </UnstyledButton>
  );
}
