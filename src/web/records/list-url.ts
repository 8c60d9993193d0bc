import type { Filter } from '../../shared/filter/types.ts';
import { FilterError, type MetadataLookup, resolveFilter } from '../../shared/filter/validate.ts';
import type { ObjectMeta, SortSpec } from '../../shared/metadata/types.ts';
import { type ColourRule, type ListViewState, ROW_COLOURS } from './list-state.ts';
import { columnField } from './related-fields.ts';

/**
 * A list's state lives in its address (`?view=3&cols=name,city&filter={…}&sort=-name&q=kow`), so a
 * list can be reloaded, bookmarked and sent to a colleague exactly as it is on screen. Anything
 * unreadable in the address is ignored rather than shown as an error: it was typed or cut.
 */
export interface ListAddress {
  viewId: number | null;
  /** null: not in the address (the view's or the object's default applies). */
  columns: string[] | null;
  filter: Filter | null | undefined;
  sort: SortSpec[] | null;
  colourRules: ColourRule[] | null;
  q: string;
  trash: boolean;
}

function parseJson(value: string | null): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `-name,city` → [{name desc}, {city asc}] */
export function parseSort(value: string | null): SortSpec[] | null {
  if (!value) return null;
  return value
    .split(',')
    .filter(Boolean)
    .map((part) => ({
      field: part.replace(/^-/, ''),
      direction: part.startsWith('-') ? ('desc' as const) : ('asc' as const),
    }));
}

export function formatSort(sort: SortSpec[]): string {
  return sort.map((key) => `${key.direction === 'desc' ? '-' : ''}${key.field}`).join(',');
}

function parseColourRules(value: string | null): ColourRule[] | null {
  const parsed = parseJson(value);
  if (!Array.isArray(parsed)) return null;
  return parsed.filter(
    (rule): rule is ColourRule =>
      isObject(rule) &&
      isObject(rule.filter) &&
      typeof rule.colour === 'string' &&
      (ROW_COLOURS as readonly string[]).includes(rule.colour),
  );
}

export function readListAddress(params: URLSearchParams): ListAddress {
  const view = Number(params.get('view'));
  const filter = parseJson(params.get('filter'));
  const cols = params.get('cols');
  return {
    viewId: Number.isInteger(view) && view > 0 ? view : null,
    columns: cols ? cols.split(',').filter(Boolean) : null,
    // `filter=` present but empty means "no filter" (overriding a view's); absent means "as the view".
    filter: params.has('filter') ? (isObject(filter) ? (filter as unknown as Filter) : null) : undefined,
    sort: parseSort(params.get('sort')),
    colourRules: parseColourRules(params.get('colours')),
    q: params.get('q') ?? '',
    trash: params.get('trash') === '1',
  };
}

/** The address for a state; only what differs from `base` (the view or the default) is written. */
export function writeListAddress(
  current: URLSearchParams,
  state: ListViewState,
  base: ListViewState,
  viewId: number | null,
): URLSearchParams {
  const next = new URLSearchParams(current);
  const set = (key: string, value: string | null) =>
    value === null ? next.delete(key) : next.set(key, value);
  set('view', viewId === null ? null : String(viewId));
  set('cols', same(state.columns, base.columns) ? null : state.columns.join(','));
  set('filter', same(state.filter, base.filter) ? null : state.filter ? JSON.stringify(state.filter) : '');
  set('sort', same(state.sort, base.sort) ? null : formatSort(state.sort));
  set('colours', same(state.colourRules, base.colourRules) ? null : JSON.stringify(state.colourRules));
  return next;
}

/** Structural equality of plain JSON values (the state is JSON through and through). */
export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** What is on screen: the address over the base state (a saved view, or the object's defaults). */
export function effectiveState(address: ListAddress, base: ListViewState): ListViewState {
  return {
    columns: address.columns ?? base.columns,
    filter: address.filter === undefined ? base.filter : address.filter,
    sort: address.sort ?? base.sort,
    colourRules: address.colourRules ?? base.colourRules,
  };
}

/**
 * Keeps what the metadata accepts and drops the rest: a column or sort key that is not a
 * field, a filter or colour rule that does not resolve (colour rules on own fields only).
 * An address may be hand-edited or older than the metadata; it never breaks the list.
 */
export function sanitizeState(
  state: ListViewState,
  meta: ObjectMeta,
  lookup: MetadataLookup,
  fallback: ListViewState,
): ListViewState {
  const fieldOf = (key: string) => columnField(meta, lookup, key);
  const resolves = (filter: unknown, within: MetadataLookup) => {
    try {
      resolveFilter(filter, meta.key, within);
      return true;
    } catch (error) {
      if (error instanceof FilterError) return false;
      throw error;
    }
  };
  const ownOnly: MetadataLookup = (key) => (key === meta.key ? meta : undefined);
  const columns = state.columns.filter((key) => fieldOf(key) !== undefined);
  return {
    columns: columns.length > 0 ? columns : fallback.columns,
    filter: state.filter && resolves(state.filter, lookup) ? state.filter : null,
    sort: state.sort.filter((key) => fieldOf(key.field)?.sortable),
    colourRules: state.colourRules.filter((rule) => resolves(rule.filter, ownOnly)),
  };
}
