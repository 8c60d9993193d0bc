import { Group, Kbd, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { Spotlight, spotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { pickLabel, useObjects } from '../modules/metadata/index.ts';
import { useLocale } from '../ui/format.ts';
import { api } from './api-client.ts';
import type { SearchHit } from './api-types.ts';

const MIN_QUERY = 2;

/** The header's search field: opens the palette (also Ctrl+K / ⌘K anywhere). */
export function SearchButton() {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)');
  return (
    <UnstyledButton
      onClick={() => spotlight.open()}
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

function useSearch(query: string) {
  const [debounced] = useDebouncedValue(query.trim(), 200);
  return useQuery({
    queryKey: ['search', debounced],
    queryFn: ({ signal }) =>
      api.get<{ items: SearchHit[] }>('/api/search', { query: { q: debounced, limit: 20 }, signal }),
    enabled: debounced.length >= MIN_QUERY,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** Records across objects, best first, grouped by object; arrows and Enter open one. */
export function SearchPalette() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const objects = useObjects().data ?? [];
  const [query, setQuery] = useState('');
  const search = useSearch(query);
  const hits = query.trim().length >= MIN_QUERY ? (search.data?.items ?? []) : [];
  const groups = new Map<string, SearchHit[]>();
  for (const hit of hits) groups.set(hit.object, [...(groups.get(hit.object) ?? []), hit]);
  const groupLabel = (key: string) => {
    const meta = objects.find((object) => object.key === key);
    return meta ? pickLabel(meta.labels.many, locale) : key;
  };

  return (
    <Spotlight.Root
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
      <Spotlight.ActionsList aria-label={t('shell:search.results')}>
        {[...groups.entries()].map(([object, items]) => (
          <Spotlight.ActionsGroup key={object} label={groupLabel(object)}>
            {items.map((hit) => (
              <Spotlight.Action
                key={`${hit.object}-${hit.id}`}
                label={hit.title}
                description={hit.subtitle ?? undefined}
                onClick={() => void navigate(`/records/${hit.object}/${hit.id}`)}
              />
            ))}
          </Spotlight.ActionsGroup>
        ))}
        {hits.length === 0 && (
          <Spotlight.Empty>
            {query.trim().length < MIN_QUERY
              ? t('shell:search.hint')
              : search.isFetching
                ? t('common:loading')
                : t('shell:search.nothing')}
          </Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
      <VisuallyHidden role="status" aria-live="polite">
        {query.trim().length >= MIN_QUERY && !search.isFetching
          ? t('shell:search.count', { count: hits.length })
          : ''}
      </VisuallyHidden>
    </Spotlight.Root>
  );
}
