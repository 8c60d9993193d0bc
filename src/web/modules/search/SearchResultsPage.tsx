import { Anchor, Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useFormatters, useLocale } from '../../ui/format.ts';
import { pickLabel, useObjects } from '../metadata/index.ts';
import { type GlobalSearchHit, MIN_QUERY, type SearchCounts, useGlobalSearch } from './api.ts';
import { FactsText, Highlighted } from './Highlighted.tsx';

/** As many hits as a page shows; an object with more offers its list, filtered by the query. */
const PAGE_LIMIT = 100;

interface Section {
  object: string;
  hits: GlobalSearchHit[];
  count: number;
  exact: boolean;
}

/**
 * Sections per object, in the order of their best hit (the palette's order), then objects
 * that have matches but none among the hits shown.
 */
function sectionsOf(hits: GlobalSearchHit[], counts: SearchCounts | undefined): Section[] {
  const sections = new Map<string, Section>();
  for (const hit of hits) {
    const section = sections.get(hit.object) ?? { object: hit.object, hits: [], count: 0, exact: true };
    section.hits.push(hit);
    sections.set(hit.object, section);
  }
  for (const entry of counts?.objects ?? []) {
    const section = sections.get(entry.object) ?? { object: entry.object, hits: [], count: 0, exact: true };
    sections.set(entry.object, { ...section, count: entry.count, exact: entry.exact });
  }
  for (const section of sections.values()) section.count = Math.max(section.count, section.hits.length);
  return [...sections.values()];
}

/** `/search?q=…`: every object's matches under its own heading, each hit a link to its record. */
export function SearchResultsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const [draft, setDraft] = useState(query);
  useEffect(() => setDraft(query), [query]);
  const search = useGlobalSearch(query, PAGE_LIMIT, locale);
  const { number } = useFormatters();
  const objects = useObjects().data ?? [];
  const tooShort = query.trim().length < MIN_QUERY;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(draft.trim() ? { q: draft.trim() } : {});
  };
  const sections = search.data && !tooShort ? sectionsOf(search.data.items, search.data.counts) : [];

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {tooShort ? t('search:page.title') : t('search:page.heading', { query: query.trim() })}
      </Title>
      <form onSubmit={submit}>
        <Group gap="xs" align="flex-end">
          <TextInput
            label={t('search:page.label')}
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            leftSection={<IconSearch size={16} aria-hidden />}
            maw={420}
            style={{ flex: 1 }}
          />
          <Button type="submit">{t('search:page.submit')}</Button>
        </Group>
      </form>
      {tooShort ? (
        <Text c="dimmed">{t('search:page.hint')}</Text>
      ) : search.isError ? (
        <ErrorState error={search.error} onRetry={() => void search.refetch()} />
      ) : !search.data ? (
        <Loader size="sm" role="status" aria-label={t('common:loading')} />
      ) : sections.length === 0 ? (
        <Text>{t('search:page.nothing', { query: query.trim() })}</Text>
      ) : (
        <>
          <Text role="status">{totalText(t, number, search.data.counts)}</Text>
          {sections.map((section) => (
            <ObjectSection
              key={section.object}
              section={section}
              meta={objects.find((object) => object.key === section.object)}
              query={query}
            />
          ))}
        </>
      )}
    </Stack>
  );
}

function totalText(
  t: ReturnType<typeof useTranslation>['t'],
  number: (value: number) => string,
  counts: SearchCounts | undefined,
): string {
  if (!counts) return '';
  const values = { count: counts.total, formatted: number(counts.total) };
  return counts.exact ? t('search:page.total', values) : t('search:page.totalMore', values);
}

function ObjectSection({ section, meta, query }: { section: Section; meta?: ObjectMeta; query: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { number } = useFormatters();
  const label = meta ? pickLabel(meta.labels.many, locale) : section.object;
  const headingId = `search-section-${section.object}`;
  const count = section.exact
    ? number(section.count)
    : t('search:page.more', { count: section.count, formatted: number(section.count) });
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        {label}{' '}
        <Text span c="dimmed" inherit>
          ({count})
        </Text>
      </Title>
      {section.hits.length > 0 && (
        <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {section.hits.map((hit) => (
            <li key={hit.id}>
              <Anchor component={Link} to={`/records/${hit.object}/${hit.id}`}>
                <Highlighted text={hit.title} query={query} />
              </Anchor>
              {hit.facts.length > 0 && (
                <Text size="sm" c="dimmed">
                  <FactsText facts={hit.facts} query={query} />
                </Text>
              )}
            </li>
          ))}
        </Stack>
      )}
      {(section.count > section.hits.length || !section.exact) && (
        <Anchor
          component={Link}
          to={`/records/${section.object}?${new URLSearchParams({ q: query.trim() })}`}
        >
          {t('search:page.openList', { objects: label })}
        </Anchor>
      )}
    </Stack>
  );
}
