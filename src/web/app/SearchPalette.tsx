import { Group, Kbd, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { createSpotlight, Spotlight } from '@mantine/spotlight';
import { IconList, IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { pickLabel, useObjects } from '../modules/metadata/index.ts';
import {
  FactsText,
  type GlobalSearchHit,
  Highlighted,
  MIN_QUERY,
  paletteState,
  searchPagePath,
  useGlobalSearch,
} from '../modules/search/index.ts';
import { useErrorMessage } from '../ui/error-message.ts';
import { useFormatters, useLocale } from '../ui/format.ts';
import { useConnectionLost } from './connection.ts';

/** The palette's own store: the palette resets its selection when new hits arrive. */
const [paletteStore, palette] = createSpotlight();

/** Enough to pick from; "Show all" opens the results page with every object's matches. */
const PALETTE_LIMIT = 20;

/** The header's search field: opens the palette (also Ctrl+K / ⌘K anywhere). */
export function SearchButton() {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)');
  return (
    <UnstyledButton
      onClick={() => palette.open()}
      aria-keyshortcuts="Control+K Meta+K"
      px="sm"
      py={6}
      style={{
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-sm)',
        minWidth: wide ? 260 : undefined,
      }}
    >
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <Group gap="xs" wrap="nowrap">
          <IconSearch size={16} aria-hidden />
          {/* The visible text is the button's name; on a phone only the icon shows. */}
          {wide ? (
            <Text size="sm" c="dimmed">
              {t('shell:search.placeholder')}
            </Text>
          ) : (
            <VisuallyHidden>{t('shell:search.placeholder')}</VisuallyHidden>
          )}
        </Group>
        {wide && (
          <Kbd size="xs" aria-hidden>
            Ctrl + K
          </Kbd>
        )}
      </Group>
    </UnstyledButton>
  );
}

/** Records across objects, best first, grouped by object; arrows and Enter open one. */
export function SearchPalette() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const objects = useObjects().data ?? [];
  const [query, setQuery] = useState('');
  const typed = query.trim();
  const [debounced] = useDebouncedValue(typed, 200);
  const search = useGlobalSearch(debounced, PALETTE_LIMIT, locale);
  const lost = useConnectionLost();
  const errorMessage = useErrorMessage();
  const { number } = useFormatters();
  const tooShort = typed.length < MIN_QUERY;
  const state = paletteState({
    tooShort,
    current: debounced === typed,
    fetchStatus: search.fetchStatus,
    placeholder: search.isPlaceholderData,
    failed: search.isError,
    lost,
  });
  const hits = tooShort ? [] : (search.data?.items ?? []);
  const counts = hits.length > 0 ? search.data?.counts : undefined;
  const groups = new Map<string, GlobalSearchHit[]>();
  for (const hit of hits) groups.set(hit.object, [...(groups.get(hit.object) ?? []), hit]);
  const list = useRef<HTMLDivElement>(null);
  // Mantine selects the first action as the query changes, but the hits arrive later (debounced,
  // then fetched) and replace the rows: the selection would point at a row no longer there, and
  // Enter would do nothing. Each new set of hits starts unselected; ArrowDown picks the first.
  useEffect(() => {
    if (!search.data) return;
    paletteStore.updateState((state) => ({ ...state, selected: -1 }));
    for (const row of list.current?.querySelectorAll('[data-selected]') ?? [])
      row.removeAttribute('data-selected');
  }, [search.data]);
  const groupLabel = (key: string) => {
    const meta = objects.find((object) => object.key === key);
    return meta ? pickLabel(meta.labels.many, locale) : key;
  };

  return (
    <Spotlight.Root
      store={paletteStore}
      query={query}
      onQueryChange={setQuery}
      shortcut="mod + K"
      tagsToIgnore={[]}
      scrollable
      maxHeight={440}
      // No opening animation: keys typed right after Ctrl+K must land in the search box.
      transitionProps={{ duration: 0 }}
    >
      <Spotlight.Search
        placeholder={t('shell:search.placeholder')}
        aria-label={t('shell:search.label')}
        leftSection={<IconSearch size={18} aria-hidden />}
      />
      <Spotlight.ActionsList ref={list} aria-label={t('shell:search.results')}>
        {[...groups.entries()].map(([object, items]) => (
          <Spotlight.ActionsGroup key={object} label={groupLabel(object)}>
            {items.map((hit) => (
              <Spotlight.Action
                key={`${hit.object}-${hit.id}`}
                onClick={() => void navigate(`/records/${hit.object}/${hit.id}`)}
              >
                {/* Own content rather than label/description: the match is marked accent-insensitively. */}
                <span className={Spotlight.classes.actionBody}>
                  <span className={Spotlight.classes.actionLabel} data-hit-title>
                    <Highlighted text={hit.title} query={query} />
                  </span>
                  {hit.facts.length > 0 && (
                    <span className={Spotlight.classes.actionDescription} data-hit-facts>
                      <FactsText facts={hit.facts} query={query} />
                    </span>
                  )}
                </span>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        ))}
        {counts && (
          <Spotlight.Action
            data-search-all
            onClick={() => void navigate(searchPagePath(query))}
            leftSection={<IconList size={18} aria-hidden />}
            label={
              counts.exact
                ? t('search:palette.showAll', { count: counts.total, formatted: number(counts.total) })
                : t('search:palette.showAllMore', { count: counts.total, formatted: number(counts.total) })
            }
          />
        )}
        {hits.length === 0 ? (
          <Spotlight.Empty>
            {state === 'hint'
              ? t('shell:search.hint')
              : state === 'waiting'
                ? t('palette:waiting')
                : state === 'failed'
                  ? errorMessage(search.error)
                  : state === 'settled'
                    ? t('shell:search.nothing')
                    : t('common:loading')}
          </Spotlight.Empty>
        ) : (
          // The hits on screen may be an earlier query's: say that the answer to this one is waiting.
          state === 'waiting' && <Spotlight.Empty>{t('palette:waiting')}</Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
      <VisuallyHidden role="status" aria-live="polite">
        {state === 'settled'
          ? t('shell:search.count', { count: hits.length })
          : state === 'waiting'
            ? t('palette:waiting')
            : ''}
      </VisuallyHidden>
    </Spotlight.Root>
  );
}
