import { Box, Grid, NavLink, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Locale, ObjectMeta } from '../../../shared/metadata/types.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useLocale } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { pickLabel, useObjects } from '../metadata/index.ts';
import { useAllDictionaryValues } from './api.ts';
import { DictionaryValues } from './DictionaryValues.tsx';
import { useDictionaryName } from './feedback.ts';

/** Which fields take values of each dictionary ("Companies: Industry"), from the metadata. */
function dictionaryUsage(objects: ObjectMeta[], locale: Locale): Map<string, string[]> {
  const usage = new Map<string, string[]>();
  for (const object of objects) {
    for (const field of object.fields) {
      if (!field.dictionary) continue;
      const where = `${pickLabel(object.labels.many, locale)}: ${pickLabel(field.labels, locale)}`;
      usage.set(field.dictionary, [...(usage.get(field.dictionary) ?? []), where]);
    }
  }
  return usage;
}

/**
 * `/admin/dictionaries`: the lists of values pickers offer (industry, status, category…).
 * The dictionaries are the ones values exist for and the ones fields take values from, so a
 * dictionary whose values were all deleted can be filled again. The chosen one is in the
 * address (`?dictionary=industry`), so a reload or a shared link opens it.
 */
export function DictionariesPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('dictionaries:title')} · ${t('common:appName')}`);
  const locale = useLocale();
  const values = useAllDictionaryValues();
  const objects = useObjects();
  const nameOf = useDictionaryName();
  const [params] = useSearchParams();
  const usage = useMemo(() => dictionaryUsage(objects.data ?? [], locale), [objects.data, locale]);
  const dictionaries = useMemo(
    () =>
      [...new Set([...(values.data ?? []).map((value) => value.dictionary), ...usage.keys()])].sort((a, b) =>
        nameOf(a).localeCompare(nameOf(b), locale),
      ),
    [values.data, usage, nameOf, locale],
  );
  const counts = new Map<string, number>();
  for (const value of values.data ?? [])
    counts.set(value.dictionary, (counts.get(value.dictionary) ?? 0) + 1);
  const wanted = params.get('dictionary');
  const selected = wanted && dictionaries.includes(wanted) ? wanted : dictionaries[0];

  if (values.isPending || objects.isPending) return <PageLoader />;
  if (values.isError) return <ErrorState error={values.error} onRetry={() => void values.refetch()} />;

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('dictionaries:title')}
      </Title>
      <Text size="sm" c="dimmed" maw={900}>
        {t('dictionaries:hint')}
      </Text>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 3, lg: 2 }}>
          <Box component="nav" aria-label={t('dictionaries:list')}>
            {dictionaries.map((dictionary) => (
              <NavLink
                key={dictionary}
                component={Link}
                to={`?dictionary=${encodeURIComponent(dictionary)}`}
                label={nameOf(dictionary)}
                rightSection={
                  <Text size="xs" c={dictionary === selected ? undefined : 'dimmed'}>
                    <span aria-hidden>{counts.get(dictionary) ?? 0}</span>
                    <VisuallyHidden>
                      {t('dictionaries:valueCount', { count: counts.get(dictionary) ?? 0 })}
                    </VisuallyHidden>
                  </Text>
                }
                active={dictionary === selected}
                aria-current={dictionary === selected ? 'page' : undefined}
              />
            ))}
          </Box>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9, lg: 10 }}>
          {selected ? (
            <DictionaryValues
              // A new dictionary starts with fresh rows: nothing typed in one shows up in another.
              key={selected}
              dictionary={selected}
              name={nameOf(selected)}
              usedBy={usage.get(selected) ?? []}
              values={(values.data ?? []).filter((value) => value.dictionary === selected)}
            />
          ) : (
            <Text c="dimmed" role="status">
              {t('dictionaries:none')}
            </Text>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
