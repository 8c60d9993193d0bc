import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import {
  IconArrowLeft,
  IconCopy,
  IconFileImport,
  IconPlus,
  IconSearch,
  IconTrash,
} from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ObjectMeta } from '../../shared/metadata/types.ts';
import { useObjectAbilities } from '../modules/access/index.ts';
import { objectContext } from '../modules/metadata/index.ts';
import { useFormatters, useLocale } from '../ui/format.ts';
import { ColumnChooser } from './ColumnChooser.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { FilterChips, FilterControl } from './filters/index.ts';
import type { ListCount, SelectionPayload } from './list-actions.ts';
import type { ListViewState } from './list-state.ts';
import { writeListAddress } from './list-url.ts';
import { PhoneListToolbar } from './PhoneListToolbar.tsx';

export interface ListToolbarProps {
  meta: ObjectMeta;
  heading: string;
  state: ListViewState;
  onStateChange: (state: ListViewState) => void;
  q: string;
  onSearch: (q: string) => void;
  trash: boolean;
  onTrashChange: (trash: boolean) => void;
  count: ListCount | null;
  loaded: number;
  /** The marked rows, when some are: the export then takes only them. */
  exportSelection: SelectionPayload | null;
  /** The saved-view menu (it needs the views the page already loaded). */
  viewMenu: ReactNode;
  /** The columns with nothing chosen: what "reset" in the column chooser returns to. */
  standardColumns: string[];
  /** A phone's width (PHONE_QUERY): one row, as the list below it turns into cards. */
  phone: boolean;
}

/** Where the list turns into cards and its toolbar into one row (Mantine's `xs` breakpoint). */
export const PHONE_QUERY = '(max-width: 36em)';

const NO_STATE: ListViewState = { columns: [], filter: null, sort: [], colourRules: [] };

/** "1,234", "10,000+" above the server's counting cap with a filter, "≈ 1,000,000" from table statistics. */
export function useCountText(): (count: ListCount, filtered: boolean) => string {
  const { t } = useTranslation();
  const format = useFormatters();
  return (count, filtered) => {
    const formatted = format.number(count.count);
    if (count.exact) return t('records:list.total', { count: count.count, formatted });
    return filtered
      ? t('records:list.totalAtLeast', { count: count.count, formatted })
      : t('records:list.totalAbout', { count: count.count, formatted });
  };
}

export function ListToolbar(props: ListToolbarProps) {
  const { t } = useTranslation();
  const { meta, state } = props;
  const locale = useLocale();
  const [search, setSearch] = useState(props.q);
  const [filterOpened, setFilterOpened] = useState(false);
  const commitSearch = useDebouncedCallback((value: string) => props.onSearch(value.trim()), 250);
  const countText = useCountText();
  // "New" and Export only for readers with those rights (and never while viewing as someone).
  const can = useObjectAbilities(meta.key);
  // The printable view gets the whole state in its address: it has no saved view to fall back on.
  const printParams = writeListAddress(new URLSearchParams(), state, NO_STATE, null);
  if (props.q) printParams.set('q', props.q);
  const printHref = `/records/${meta.key}/print?${printParams.toString()}`;

  if (props.phone) {
    return (
      <PhoneListToolbar
        {...props}
        onSearchTyped={commitSearch}
        countText={props.count ? countText(props.count, Boolean(state.filter || props.q)) : null}
        printHref={printHref}
      />
    );
  }

  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Group gap="sm" align="baseline">
          <Title order={1} size="h2">
            {props.heading}
          </Title>
          {props.count && (
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              {countText(props.count, Boolean(state.filter || props.q))}
            </Text>
          )}
        </Group>
        <Group gap="xs" wrap="wrap">
          {props.trash ? (
            <Button
              variant="default"
              leftSection={<IconArrowLeft size={16} aria-hidden />}
              onClick={() => props.onTrashChange(false)}
            >
              {t('records:trash.back')}
            </Button>
          ) : (
            <>
              {can.create && (
                <Button
                  component={Link}
                  to={`/records/${meta.key}/new`}
                  leftSection={<IconPlus size={16} aria-hidden />}
                >
                  {t('records:create.new', { context: objectContext(meta, locale) })}
                </Button>
              )}
              {can.export && (
                <ExportMenu
                  meta={meta}
                  columns={state.columns}
                  sort={state.sort}
                  selection={props.exportSelection}
                  list={{ filter: state.filter, q: props.q }}
                  printHref={printHref}
                />
              )}
              {can.create && (
                <Button
                  component={Link}
                  to="/import"
                  variant="default"
                  leftSection={<IconFileImport size={16} aria-hidden />}
                >
                  {t('records:list.import')}
                </Button>
              )}
              {/* Objects that can be merged have a list of likely duplicates. */}
              {meta.actions?.includes(`${meta.key}.merge`) && (
                <Button
                  component={Link}
                  to={`/records/${meta.key}/duplicates`}
                  variant="subtle"
                  leftSection={<IconCopy size={16} aria-hidden />}
                >
                  {t('records:list.duplicates')}
                </Button>
              )}
              <Button
                variant="subtle"
                color="gray"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => props.onTrashChange(true)}
              >
                {t('records:trash.show')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      <Group gap="xs" wrap="wrap">
        {props.viewMenu}
        <FilterControl
          meta={meta}
          value={state.filter}
          onChange={(filter) => props.onStateChange({ ...state, filter })}
          opened={filterOpened}
          onOpenedChange={setFilterOpened}
        />
        <ColumnChooser
          meta={meta}
          value={state.columns}
          onChange={(columns) => props.onStateChange({ ...state, columns })}
          onReset={() => props.onStateChange({ ...state, columns: props.standardColumns })}
        />
        <TextInput
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            commitSearch(event.currentTarget.value);
          }}
          aria-label={t('records:list.search', { object: props.heading })}
          placeholder={t('records:list.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          w={{ base: '100%', xs: 260 }}
        />
      </Group>
      <FilterChips
        meta={meta}
        value={state.filter}
        onChange={(filter) => props.onStateChange({ ...state, filter })}
        onEdit={() => setFilterOpened(true)}
      />
    </Stack>
  );
}
