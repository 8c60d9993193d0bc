import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { api } from '../../app/api-client.ts';
import type { ListResponse, RecordData } from '../../app/api-types.ts';
import { codeFromText } from './codes.ts';
import {
  conflictKind,
  type DictionaryValue,
  type Labels,
  nextSortOrder,
  type OrderUpdate,
  toDictionaryValue,
} from './values.ts';

/*
 * Dictionary values through the generic records API (`/api/records/dictionary_value`). Under
 * the `records` key, as every list of records: pickers and titles refresh with the rest.
 */

const BASE = '/api/records/dictionary_value';
/** Everything the administration screen shows: every value of every dictionary. */
export const ALL_VALUES_KEY = ['records', 'dictionary_value', 'administration'] as const;
const PAGE = 500;

export interface NewValue extends Labels {
  dictionary: string;
  code: string;
  color: string | null;
}

async function loadAll(signal: AbortSignal): Promise<DictionaryValue[]> {
  const values: DictionaryValue[] = [];
  let cursor: string | null = null;
  // Dictionaries are short, but the screen must not silently stop at one page.
  do {
    const page: ListResponse = await api.post<ListResponse>(
      `${BASE}/query`,
      { limit: PAGE, cursor, sort: [{ field: 'id', direction: 'asc' }] },
      { signal },
    );
    values.push(...page.items.map(toDictionaryValue));
    cursor = page.nextCursor;
  } while (cursor);
  return values;
}

export function useAllDictionaryValues() {
  return useQuery({ queryKey: ALL_VALUES_KEY, queryFn: ({ signal }) => loadAll(signal) });
}

export const dictionaryApi = {
  create: async (value: NewValue & { sort_order: number }) =>
    toDictionaryValue(await api.post<RecordData>(BASE, { ...value, active: true })),
  update: async (id: number, version: number, changes: Partial<DictionaryValue>) =>
    toDictionaryValue(await api.patch<RecordData>(`${BASE}/${id}`, { ...changes, version })),
  remove: (id: number, version: number) => api.delete<void>(`${BASE}/${id}`, { query: { version } }),
};

/** Pickers and titles show the change on their next look; the screen's own list is updated in place. */
function refreshOthers(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({
    queryKey: ['records', 'dictionary_value'],
    predicate: (query) => query.queryKey[2] !== ALL_VALUES_KEY[2],
  });
}

/**
 * The screen's writes, one after another: each reads the value's version when its turn comes,
 * so a label saved while the previous save is still on its way does not collide with it.
 */
export function useDictionaryWrites() {
  const queryClient = useQueryClient();
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const current = (id: number) =>
    queryClient.getQueryData<DictionaryValue[]>(ALL_VALUES_KEY)?.find((value) => value.id === id);
  const store = (changed: DictionaryValue) =>
    queryClient.setQueryData<DictionaryValue[]>(ALL_VALUES_KEY, (old) =>
      old?.some((value) => value.id === changed.id)
        ? old.map((value) => (value.id === changed.id ? changed : value))
        : [...(old ?? []), changed],
    );
  function run<T>(task: () => Promise<T>): Promise<T> {
    const result = queue.current.then(task);
    queue.current = result.catch(() => undefined);
    return result;
  }
  return {
    update: (id: number, changes: Partial<DictionaryValue>) =>
      run(async () => {
        const value = current(id);
        if (!value) throw new Error(`dictionary value ${id} is not loaded`);
        const saved = await dictionaryApi.update(id, value.version, changes);
        store(saved);
        await refreshOthers(queryClient);
        return saved;
      }),
    /**
     * The writes of one move, shown at once (a dragged row must not jump back while they are on
     * their way); stops at the first refusal, after which the caller reloads.
     */
    reorder: (updates: OrderUpdate[]) => {
      const orders = new Map(updates.map((update) => [update.id, update.sort_order]));
      queryClient.setQueryData<DictionaryValue[]>(ALL_VALUES_KEY, (old) =>
        old?.map((value) => ({ ...value, sort_order: orders.get(value.id) ?? value.sort_order })),
      );
      return run(async () => {
        for (const update of updates) {
          // The version as of now: a label saved just before this move has changed it.
          const version = current(update.id)?.version ?? update.version;
          store(await dictionaryApi.update(update.id, version, { sort_order: update.sort_order }));
        }
        await refreshOthers(queryClient);
      });
    },
    create: (value: NewValue & { sort_order: number }) =>
      run(async () => {
        const created = await dictionaryApi.create(value);
        store(created);
        await refreshOthers(queryClient);
        return created;
      }),
    remove: (id: number) =>
      run(async () => {
        const value = current(id);
        if (!value) return;
        await dictionaryApi.remove(id, value.version);
        queryClient.setQueryData<DictionaryValue[]>(ALL_VALUES_KEY, (old) =>
          old?.filter((other) => other.id !== id),
        );
        await refreshOthers(queryClient);
      }),
    reload: () => queryClient.invalidateQueries({ queryKey: ALL_VALUES_KEY }),
  };
}

/** At most this many tries when another value (perhaps one in the trash) has the code already. */
const CODE_ATTEMPTS = 5;
const MAX_LABEL_LENGTH = 100;

/**
 * A value made from what a user typed in a picker: the text as its label in every language, a
 * code derived from it, placed after the last value. `existing` is the whole dictionary as
 * loaded; values in the trash are not in it, so a taken code is retried with the next suffix.
 */
export async function addValueFromText(
  dictionary: string,
  typed: string,
  existing: readonly { code: string; sort_order: number }[],
): Promise<DictionaryValue> {
  const label = typed.trim().slice(0, MAX_LABEL_LENGTH);
  const taken = new Set(existing.map((value) => value.code));
  for (let attempt = 1; ; attempt++) {
    const code = codeFromText(label, taken);
    try {
      return await dictionaryApi.create({
        dictionary,
        code,
        label_en: label,
        label_pl: label,
        label_hu: label,
        color: null,
        sort_order: nextSortOrder(existing),
      });
    } catch (error) {
      if (conflictKind(error) !== 'clash' || attempt >= CODE_ATTEMPTS) throw error;
      taken.add(code);
    }
  }
}
