/**
 * The marked rows of a list. Either a set of ids, or "everything the filter matches" minus the
 * rows unticked since: the second form reaches rows the browser never loaded, so the server
 * resolves it (the bulk and export endpoints take the filter, not a list of a million ids).
 */
export type Selection =
  | { kind: 'ids'; ids: ReadonlySet<number>; anchor: number | null }
  | { kind: 'allMatching'; except: ReadonlySet<number>; anchor: number | null };

export const EMPTY_SELECTION: Selection = { kind: 'ids', ids: new Set(), anchor: null };

export function isSelected(selection: Selection, id: number): boolean {
  return selection.kind === 'ids' ? selection.ids.has(id) : !selection.except.has(id);
}

/** How many rows are marked; `total` is the list's count, needed for the "all matching" form. */
export function selectedCount(selection: Selection, total: number | null): number | null {
  if (selection.kind === 'ids') return selection.ids.size;
  return total === null ? null : Math.max(0, total - selection.except.size);
}

export function isEmpty(selection: Selection): boolean {
  return selection.kind === 'ids' && selection.ids.size === 0;
}

/** A plain click: this row alone. */
export function selectOnly(id: number): Selection {
  return { kind: 'ids', ids: new Set([id]), anchor: id };
}

/** Ctrl/Cmd-click or the row's checkbox: flip one row, keep the rest. */
export function toggle(selection: Selection, id: number): Selection {
  if (selection.kind === 'ids') {
    const ids = new Set(selection.ids);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    return { kind: 'ids', ids, anchor: id };
  }
  const except = new Set(selection.except);
  if (except.has(id)) except.delete(id);
  else except.add(id);
  return { kind: 'allMatching', except, anchor: id };
}

/**
 * Shift-click: every row between the last clicked row and this one, in the order on screen,
 * added to what is marked (like a file manager). Without an anchor it marks this row.
 */
export function selectRange(selection: Selection, orderedIds: readonly number[], id: number): Selection {
  const from = selection.anchor === null ? -1 : orderedIds.indexOf(selection.anchor);
  const to = orderedIds.indexOf(id);
  if (from < 0 || to < 0) return toggle(selection, id);
  const [start, end] = from <= to ? [from, to] : [to, from];
  const range = orderedIds.slice(start, end + 1);
  if (selection.kind === 'ids') {
    return { kind: 'ids', ids: new Set([...selection.ids, ...range]), anchor: selection.anchor };
  }
  const except = new Set(selection.except);
  for (const rangeId of range) except.delete(rangeId);
  return { kind: 'allMatching', except, anchor: selection.anchor };
}

/** The header checkbox: all loaded rows, or none when they are all marked already. */
export function toggleLoaded(selection: Selection, loadedIds: readonly number[]): Selection {
  const allMarked = loadedIds.length > 0 && loadedIds.every((id) => isSelected(selection, id));
  if (allMarked) return EMPTY_SELECTION;
  return { kind: 'ids', ids: new Set(loadedIds), anchor: selection.anchor };
}

export function selectAllMatching(): Selection {
  return { kind: 'allMatching', except: new Set(), anchor: null };
}

/** What the bulk and export endpoints take: ids, or the list's filter and quick search minus exceptions. */
export function selectionPayload<F>(
  selection: Selection,
  list: { filter: F | null; q: string },
): { ids: number[] } | { filter?: F; q?: string; exceptIds: number[] } {
  if (selection.kind === 'ids') return { ids: [...selection.ids] };
  return {
    ...(list.filter ? { filter: list.filter } : {}),
    ...(list.q ? { q: list.q } : {}),
    exceptIds: [...selection.except],
  };
}
