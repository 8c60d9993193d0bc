import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Filter } from '../../shared/filter/types.ts';
import type { FieldMeta, Locale } from '../../shared/metadata/types.ts';
import type { ExpandedRef } from '../app/api-types.ts';
import { recordTitle, titleProjection, useObjectMeta } from '../modules/metadata/index.ts';
import { useLocale } from '../ui/format.ts';
import { factsOf } from './field-types/facts.ts';
import { queryRecords } from './queries.ts';
import { useRecordTitles } from './titles.ts';

const PICK_LIMIT = 30;
/** Dictionaries are short: load them whole and filter in the browser. */
const DICTIONARY_LIMIT = 500;

interface Option {
  value: number;
  label: string;
}

/** Options for a reference field: the dictionary's values, or the target's records matching `search`. */
function useOptions(
  field: FieldMeta,
  search: string,
  locale: Locale,
): { options: Option[]; loading: boolean } {
  const { meta } = useObjectMeta(field.target);
  const dictionary = factsOf(field).pointsAt === 'dictionary' && field.dictionary !== undefined;
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const q = dictionary ? '' : debounced;
  const filter: Filter | undefined = dictionary
    ? { field: 'dictionary', op: 'eq', value: field.dictionary ?? '' }
    : undefined;
  const result = useQuery({
    queryKey: ['records', field.target, 'pick', { filter, q, locale }],
    queryFn: ({ signal }) =>
      queryRecords(
        {
          object: field.target!,
          filter,
          q,
          fields: titleProjection(meta!, locale),
          locale,
          limit: dictionary ? DICTIONARY_LIMIT : PICK_LIMIT,
        },
        null,
        signal,
      ),
    enabled: Boolean(meta && field.target),
    placeholderData: keepPreviousData,
    staleTime: dictionary ? 5 * 60_000 : 10_000,
  });
  const options = (result.data?.items ?? []).map((row) => ({
    value: row.id,
    label: meta ? recordTitle(meta, row, locale) || `#${row.id}` : `#${row.id}`,
  }));
  return { options, loading: result.isFetching };
}

/** Adds the selected records to the options, so their titles show even when not in the search results. */
function withSelected(options: Option[], selected: number[], known: Map<number, string>): Option[] {
  const present = new Set(options.map((option) => option.value));
  const missing = selected
    .filter((id) => !present.has(id))
    .map((id) => ({ value: id, label: known.get(id) ?? `#${id}` }));
  return [...missing, ...options];
}

function knownTitles(expanded: ExpandedRef | ExpandedRef[] | null | undefined): Map<number, string> {
  const refs = Array.isArray(expanded) ? expanded : expanded ? [expanded] : [];
  return new Map(refs.map((ref) => [ref.id, ref.title]));
}

interface PickerProps {
  field: FieldMeta;
  label: string;
  error?: string;
  expanded: ExpandedRef | ExpandedRef[] | null | undefined;
}

export function ReferencePicker(
  props: PickerProps & { value: number | null; onChange: (value: number | null) => void },
) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [search, setSearch] = useState('');
  const { options, loading } = useOptions(props.field, search, locale);
  const selected = props.value === null ? [] : [props.value];
  const fetched = useRecordTitles(
    props.field.target,
    selected.filter((id) => !knownTitles(props.expanded).has(id)),
    locale,
  );
  const known = new Map([...knownTitles(props.expanded), ...fetched]);
  const data = withSelected(options, selected, known);
  const dictionary = factsOf(props.field).pointsAt === 'dictionary';
  return (
    <Select<number>
      label={props.label}
      required={props.field.required}
      error={props.error}
      data={data}
      value={props.value}
      onChange={(value) => props.onChange(value)}
      searchable
      clearable={!props.field.required}
      searchValue={search}
      onSearchChange={setSearch}
      // Relation options come from the server's search; only dictionaries filter here.
      filter={dictionary ? undefined : ({ options: all }) => all}
      nothingFoundMessage={loading ? t('common:loading') : t('records:picker.nothing')}
      clearButtonProps={{ 'aria-label': t('records:picker.clear', { field: props.label }) }}
    />
  );
}

export function MultiReferencePicker(
  props: PickerProps & { value: number[]; onChange: (value: number[]) => void },
) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [search, setSearch] = useState('');
  const { options, loading } = useOptions(props.field, search, locale);
  const fetched = useRecordTitles(
    props.field.target,
    props.value.filter((id) => !knownTitles(props.expanded).has(id)),
    locale,
  );
  const known = new Map([...knownTitles(props.expanded), ...fetched]);
  return (
    <MultiSelect<number>
      label={props.label}
      required={props.field.required}
      error={props.error}
      data={withSelected(options, props.value, known)}
      value={props.value}
      onChange={props.onChange}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={loading ? t('common:loading') : t('records:picker.nothing')}
      clearButtonProps={{ 'aria-label': t('records:picker.clear', { field: props.label }) }}
    />
  );
}
