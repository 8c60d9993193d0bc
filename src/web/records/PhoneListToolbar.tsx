import { ActionIcon, Group, Menu, Stack, Text, TextInput, Title } from '@mantine/core';
import {
  IconArrowLeft,
  IconCopy,
  IconDots,
  IconFileImport,
  IconPlus,
  IconSearch,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useObjectAbilities } from '../modules/access/index.ts';
import { objectContext } from '../modules/metadata/index.ts';
import { useLocale } from '../ui/format.ts';
import { ExportMenu } from './ExportMenu.tsx';
import { FilterChips, FilterControl } from './filters/index.ts';
import type { ListToolbarProps } from './ListToolbar.tsx';

/**
 * The list's toolbar on a phone: one row — quick search, the filter (a sheet from the bottom
 * with the saved views above the conditions), export, and the rest in a menu — so the rows
 * start high on a small screen and nothing scrolls sideways.
 */
export interface PhoneListToolbarProps extends ListToolbarProps {
  onSearchTyped: (value: string) => void;
  countText: string | null;
  printHref: string;
}

export function PhoneListToolbar(props: PhoneListToolbarProps) {
  const { t } = useTranslation();
  const { meta, state } = props;
  const locale = useLocale();
  const can = useObjectAbilities(meta.key);
  const [search, setSearch] = useState(props.q);
  const [filterOpened, setFilterOpened] = useState(false);
  return (
    <Stack gap="xs">
      <Group gap="sm" align="baseline" wrap="wrap">
        <Title order={1} size="h3">
          {props.heading}
        </Title>
        {props.countText && (
          <Text size="sm" c="dimmed" role="status" aria-live="polite">
            {props.countText}
          </Text>
        )}
      </Group>
      <Group gap="xs" wrap="nowrap">
        <TextInput
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            props.onSearchTyped(event.currentTarget.value);
          }}
          aria-label={t('records:list.search', { object: props.heading })}
          placeholder={t('records:list.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          style={{ flex: 1, minWidth: 0 }}
        />
        <FilterControl
          meta={meta}
          value={state.filter}
          onChange={(filter) => props.onStateChange({ ...state, filter })}
          opened={filterOpened}
          onOpenedChange={setFilterOpened}
          sheet
          header={props.viewMenu}
        />
        {can.export && !props.trash && (
          <ExportMenu
            compact
            meta={meta}
            columns={state.columns}
            sort={state.sort}
            selection={props.exportSelection}
            list={{ filter: state.filter, q: props.q }}
            printHref={props.printHref}
          />
        )}
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="default" size="input-sm" aria-label={t('records:actions.menu')}>
              <IconDots size={18} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {props.trash ? (
              <Menu.Item
                leftSection={<IconArrowLeft size={14} aria-hidden />}
                onClick={() => props.onTrashChange(false)}
              >
                {t('records:trash.back')}
              </Menu.Item>
            ) : (
              <>
                {can.create && (
                  <Menu.Item
                    component={Link}
                    to={`/records/${meta.key}/new`}
                    leftSection={<IconPlus size={14} aria-hidden />}
                  >
                    {t('records:create.new', { context: objectContext(meta, locale) })}
                  </Menu.Item>
                )}
                {can.create && (
                  <Menu.Item
                    component={Link}
                    to="/import"
                    leftSection={<IconFileImport size={14} aria-hidden />}
                  >
                    {t('records:list.import')}
                  </Menu.Item>
                )}
                {meta.actions?.includes(`${meta.key}.merge`) && (
                  <Menu.Item
                    component={Link}
                    to={`/records/${meta.key}/duplicates`}
                    leftSection={<IconCopy size={14} aria-hidden />}
                  >
                    {t('records:list.duplicates')}
                  </Menu.Item>
                )}
                <Menu.Item
                  leftSection={<IconTrash size={14} aria-hidden />}
                  onClick={() => props.onTrashChange(true)}
                >
                  {t('records:trash.show')}
                </Menu.Item>
              </>
            )}
          </Menu.Dropdown>
        </Menu>
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
