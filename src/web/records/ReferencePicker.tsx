import { ColorSwatch, type ComboboxParsedItem, Group, MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Filter } from '../../shared/filter/types.ts';
import type { FieldMeta, Locale } from '../../shared/metadata/types.ts';
import type { ExpandedRef } from '../app/api-types.ts';
import { useObjectAbilities } from '../modules/access/index.ts';
import {
  addValueFromText,
  inOrder,
  matchesSearch,
  toDictionaryValue,
} from '../modules/dictionaries/index.ts';
import { recordTitle, titleProjection, useObjectMeta } from '../modules/metadata/index.ts';
import { useErrorMessage } from '../ui/error-message.ts';
import { useLocale } from '../ui/format.ts';
import { notify } from '../ui/notify.ts';
import { factsOf } from './field-types/facts.ts';
import { queryRecords } from './queries.ts';
import { useRecordTitles } from './titles.ts';

const PICK_LIMIT = 30;
/** Dictionaries are short: load them whole and filter in the browser. */
const DICTIONARY_LIMIT = 500;
/** What a dictionary value needs besides its title: its place, colour, whether it is offered. */
const DICTIONARY_FIELDS = ['code', 'sort_order', 'color', 'active'];
/** The "Add “…”" option: no record has a negative id. */
const ADD = -1;

interface Option {
  value: number;
  label: string;
  color?: string | null;
}

interface Options {
  options: Option[];
  loading: boolean;
  /** The options answer what is typed now (not an earlier search, not one still on its way). */
  settled: boolean;
  /** The whole dictionary, inactive values included (codes and orders of a value added from the picker). */
  dictionaryValues: { code: string; sort_order: number }[] | null;
}

/**
 * Options for a reference field: the target's records matching `search`, or the dictionary's
 * values in their order. A deactivated value is offered only where it is already chosen
 * (marked so), and in filters, where old records are looked for by it.
 */
function useOptions(
  field: FieldMeta,
  search: string,
  locale: Locale,
  selected: number[],
  forFilter: boolean,
): Options {
  const { t } = useTranslation();
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
          fields: [...titleProjection(meta!, locale), ...(dictionary ? DICTIONARY_FIELDS : [])],
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
  const rows = result.data?.items ?? [];
  const settled = !result.isFetching && (dictionary || debounced === search.trim());
  const title = (row: Record<string, unknown> & { id: number }) =>
    (meta ? recordTitle(meta, row, locale) : '') || `#${row.id}`;
  if (!dictionary) {
    return {
      options: rows.map((row) => ({ value: row.id, label: title(row) })),
      loading: result.isFetching,
      settled,
      dictionaryValues: null,
    };
  }
  const byId = new Map(rows.map((row) => [row.id, row]));
  const values = inOrder(rows.map(toDictionaryValue));
  const options = values.flatMap((value) => {
    const row = byId.get(value.id);
    if (!row || (!value.active && !forFilter && !selected.includes(value.id))) return [];
    const label = value.active ? title(row) : t('records:picker.inactive', { label: title(row) });
    return [{ value: value.id, label, color: value.color }];
  });
  return { options, loading: result.isFetching, settled, dictionaryValues: values };
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

/** A dictionary value's colour as a dot; the same room is kept for values without one, so labels align. */
function Dot({ color, room }: { color: string | null | undefined; room: boolean }) {
  if (color) return <ColorSwatch color={color} size={10} aria-hidden style={{ flex: 'none' }} />;
  return room ? <span style={{ width: 10, flex: 'none' }} aria-hidden /> : null;
}

function renderWithDots(options: Option[]) {
  const colours = new Map(options.map((option) => [option.value, option.color]));
  const room = options.some((option) => option.color);
  return ({ option }: { option: { value: number; label: string } }) => (
    <Group gap={8} wrap="nowrap">
      {option.value === ADD ? (
        <IconPlus size={12} aria-hidden style={{ flex: 'none' }} />
      ) : (
        <Dot color={colours.get(option.value)} room={room} />
      )}
      <span>{option.label}</span>
    </Group>
  );
}

/** The dictionary's own filter: accent-insensitive, and the "Add" option always stays. */
function dictionaryFilter({ options, search }: { options: ComboboxParsedItem<number>[]; search: string }) {
  return options.filter(
    (option) => !('value' in option) || option.value === ADD || matchesSearch(option.label, search),
  );
}

interface PickerProps {
  field: FieldMeta;
  label: string;
  error?: string;
  expanded: ExpandedRef | ExpandedRef[] | null | undefined;
  /** In a filter: deactivated values are offered too (old records have them) and none are added. */
  forFilter?: boolean;
}

/** Making a new record of the target from the typed text (a new group in the add-to-group dialog). */
export interface PickerCreate {
  /** The option's text, e.g. `Create group “Dealers”`. */
  label: (text: string) => string;
  run: (text: string) => Promise<{ id: number; title: string }>;
}

/** The same name to a reader: case and accents aside ("dealerzy" is "Dealerzy"). */
function sameText(a: string, b: string): boolean {
  return a.trim().localeCompare(b.trim(), undefined, { sensitivity: 'base' }) === 0;
}

export function ReferencePicker(
  props: PickerProps & {
    value: number | null;
    onChange: (value: number | null) => void;
    /** Offered when the typed text is the title of no option, and only once the search has answered. */
    create?: PickerCreate;
  },
) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [search, setSearch] = useState('');
  const [adding, setAdding] = useState(false);
  // Titles of values added here, shown until the dictionary has been loaded again.
  const [added, setAdded] = useState(new Map<number, string>());
  const selected = props.value === null ? [] : [props.value];
  const { options, loading, settled, dictionaryValues } = useOptions(
    props.field,
    search,
    locale,
    selected,
    props.forFilter === true,
  );
  const fetched = useRecordTitles(
    props.field.target,
    selected.filter((id) => !knownTitles(props.expanded).has(id) && !added.has(id)),
    locale,
  );
  const known = new Map([...knownTitles(props.expanded), ...fetched, ...added]);
  const data = withSelected(options, selected, known);
  const dictionary = props.field.dictionary !== undefined && dictionaryValues !== null;
  const canAdd = useObjectAbilities('dictionary_value').create && dictionary && !props.forFilter;
  const typed = search.trim();
  const current = data.find((option) => option.value === props.value);
  // Offered only when the search finds nothing: a near-duplicate value is what this must not make.
  const offerAdd =
    canAdd &&
    typed !== '' &&
    typed !== current?.label &&
    !data.some((option) => matchesSearch(option.label, typed));
  // A record is made only for a name no record has: an exact match is chosen, not duplicated.
  const offerCreate =
    props.create !== undefined &&
    !dictionary &&
    settled &&
    typed !== '' &&
    !data.some((option) => sameText(option.label, typed));
  const shown = offerAdd
    ? [...data, { value: ADD, label: t('records:picker.add', { text: typed }) }]
    : offerCreate && props.create
      ? [...data, { value: ADD, label: props.create.label(typed) }]
      : data;

  async function add(text: string) {
    if (!props.field.dictionary || !dictionaryValues) return;
    setAdding(true);
    try {
      const created = await addValueFromText(props.field.dictionary, text, dictionaryValues);
      setAdded(new Map([...added, [created.id, created[`label_${locale}`]]]));
      props.onChange(created.id);
      notify(t('records:picker.added', { text: created[`label_${locale}`] }));
      await queryClient.invalidateQueries({ queryKey: ['records', 'dictionary_value'] });
    } catch (error) {
      notify(errorMessage(error), 'red');
    } finally {
      setAdding(false);
    }
  }

  async function create(text: string) {
    if (!props.create) return;
    setAdding(true);
    try {
      const created = await props.create.run(text);
      setAdded(new Map([...added, [created.id, created.title]]));
      props.onChange(created.id);
      await queryClient.invalidateQueries({ queryKey: ['records', props.field.target] });
    } catch (error) {
      notify(errorMessage(error), 'red');
    } finally {
      setAdding(false);
    }
  }

  return (
    <Select<number>
      label={props.label}
      required={props.field.required}
      error={props.error}
      data={shown}
      value={props.value}
      onChange={(value) =>
        value === ADD ? void (dictionary ? add(typed) : create(typed)) : props.onChange(value)
      }
      searchable
      clearable={!props.field.required}
      searchValue={search}
      onSearchChange={setSearch}
      readOnly={adding}
      // Relation options come from the server's search; dictionaries filter here.
      filter={dictionary ? dictionaryFilter : ({ options: all }) => all}
      renderOption={dictionary || offerCreate ? renderWithDots(shown) : undefined}
      leftSection={current?.color ? <Dot color={current.color} room={false} /> : undefined}
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
  const { options, loading, dictionaryValues } = useOptions(
    props.field,
    search,
    locale,
    props.value,
    props.forFilter === true,
  );
  const fetched = useRecordTitles(
    props.field.target,
    props.value.filter((id) => !knownTitles(props.expanded).has(id)),
    locale,
  );
  const known = new Map([...knownTitles(props.expanded), ...fetched]);
  const data = withSelected(options, props.value, known);
  const dictionary = dictionaryValues !== null;
  return (
    <MultiSelect<number>
      label={props.label}
      required={props.field.required}
      error={props.error}
      data={data}
      value={props.value}
      onChange={props.onChange}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={dictionary ? dictionaryFilter : ({ options: all }) => all}
      renderOption={dictionary ? renderWithDots(data) : undefined}
      nothingFoundMessage={loading ? t('common:loading') : t('records:picker.nothing')}
      clearButtonProps={{ 'aria-label': t('records:picker.clear', { field: props.label }) }}
    />
  );
}
