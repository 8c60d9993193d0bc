import { ApiError } from '../../app/api-client.ts';

/*
 * Dictionary values as the screen and the picker use them, their order, and what a move
 * writes. Pure (no React), so the tests need no browser.
 */

/** A record of `dictionary_value` (src/server/modules/dictionaries/objects.ts). */
export interface DictionaryValue {
  id: number;
  version: number;
  dictionary: string;
  code: string;
  label_en: string;
  label_pl: string;
  label_hu: string;
  sort_order: number;
  color: string | null;
  active: boolean;
}

export const LABEL_FIELDS = ['label_en', 'label_pl', 'label_hu'] as const;
export type LabelField = (typeof LABEL_FIELDS)[number];
export type Labels = Record<LabelField, string>;

/** The server takes orders from 0 to this (dictionary_value.sort_order). */
export const MAX_SORT_ORDER = 100_000;
/** The gap left between values, so most moves write one value only. */
export const ORDER_STEP = 10;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A row of the records API as a value; missing fields get harmless defaults. */
export function toDictionaryValue(row: Record<string, unknown>): DictionaryValue {
  return {
    id: Number(row.id),
    version: Number(row.version),
    dictionary: text(row.dictionary),
    code: text(row.code),
    label_en: text(row.label_en),
    label_pl: text(row.label_pl),
    label_hu: text(row.label_hu),
    sort_order: typeof row.sort_order === 'number' ? row.sort_order : 0,
    color: typeof row.color === 'string' && row.color !== '' ? row.color : null,
    active: row.active !== false,
  };
}

export function labelsOf(value: DictionaryValue): Labels {
  return { label_en: value.label_en, label_pl: value.label_pl, label_hu: value.label_hu };
}

/** The order users see: by `sort_order`, ties by id (as they were created). */
export function inOrder<T extends { id: number; sort_order: number }>(values: readonly T[]): T[] {
  return [...values].sort((a, b) => a.sort_order - b.sort_order || a.id - b.id);
}

/** The order for a value added at the end. */
export function nextSortOrder(values: readonly { sort_order: number }[]): number {
  const last = Math.max(0, ...values.map((value) => value.sort_order));
  return Math.min(MAX_SORT_ORDER, last + ORDER_STEP);
}

export interface OrderUpdate {
  id: number;
  version: number;
  sort_order: number;
}

/** The list with the item at `from` taken out and put in at `to` (positions in the new list). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const result = [...items];
  const [moved] = result.splice(from, 1);
  if (moved !== undefined) result.splice(to, 0, moved);
  return result;
}

/**
 * The writes that move the value at position `from` to position `to` of `values` (in order).
 * When there is room between its new neighbours the moved value alone gets a new order;
 * otherwise (no gap, equal orders) the whole dictionary is renumbered in steps, and only the
 * values whose order changes are written.
 */
export function planReorder(values: readonly DictionaryValue[], from: number, to: number): OrderUpdate[] {
  const ordered = inOrder(values);
  const moved = ordered[from];
  if (!moved || from === to || to < 0 || to >= ordered.length) return [];
  const next = moveItem(ordered, from, to);
  const before = next[to - 1]?.sort_order;
  const after = next[to + 1]?.sort_order;
  const low = before ?? -1;
  const high = after ?? Math.min(MAX_SORT_ORDER + 1, low + 2 * ORDER_STEP);
  if (high - low >= 2) {
    const sortOrder =
      after === undefined ? Math.min(MAX_SORT_ORDER, low + ORDER_STEP) : low + Math.floor((high - low) / 2);
    if (sortOrder > low && sortOrder < high)
      return [{ id: moved.id, version: moved.version, sort_order: sortOrder }];
  }
  const step = Math.max(1, Math.min(ORDER_STEP, Math.floor(MAX_SORT_ORDER / next.length)));
  return next.flatMap((value, index) => {
    const sortOrder = (index + 1) * step;
    return value.sort_order === sortOrder
      ? []
      : [{ id: value.id, version: value.version, sort_order: sortOrder }];
  });
}

/**
 * The labels being edited in a row, after the value changed on the server (a save of another
 * field, a reload): what the user has not touched follows the server, what they have keeps
 * their text, so no keystroke is lost.
 */
export function rebaseDraft(draft: Labels, base: Labels, current: Labels): Labels {
  const result = { ...current };
  for (const field of LABEL_FIELDS) if (draft[field] !== base[field]) result[field] = draft[field];
  return result;
}

/** Why the server answered 409: someone changed the value meanwhile, records use it, or the code is taken. */
export type ConflictKind = 'stale' | 'inUse' | 'clash';

export function conflictKind(error: unknown): ConflictKind | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const details = error.details as { current?: unknown; uses?: unknown } | undefined;
  if (details?.current !== undefined) return 'stale';
  if (typeof details?.uses === 'number') return 'inUse';
  return 'clash';
}

/** How many records use a value the server refused to delete. */
export function usesOf(error: unknown): number {
  const uses =
    error instanceof ApiError ? (error.details as { uses?: unknown } | undefined)?.uses : undefined;
  return typeof uses === 'number' ? uses : 0;
}
