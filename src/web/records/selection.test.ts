import { describe, expect, it } from 'vitest';
import {
  EMPTY_SELECTION,
  isSelected,
  selectAllMatching,
  selectedCount,
  selectionPayload,
  selectOnly,
  selectRange,
  toggle,
  toggleLoaded,
} from './selection.ts';

const rows = [10, 11, 12, 13, 14, 15];
const marked = (selection: ReturnType<typeof selectOnly>) => rows.filter((id) => isSelected(selection, id));

describe('list selection', () => {
  it('marks one row on a click, flips rows on Ctrl-click and extends on Shift-click', () => {
    let selection = selectOnly(11);
    expect(marked(selection)).toEqual([11]);
    selection = toggle(selection, 14);
    expect(marked(selection)).toEqual([11, 14]);
    selection = selectRange(selection, rows, 12);
    // The anchor is the last Ctrl-clicked row (14): 12…14 join what was marked.
    expect(marked(selection)).toEqual([11, 12, 13, 14]);
    selection = toggle(selection, 13);
    expect(marked(selection)).toEqual([11, 12, 14]);
    expect(selectedCount(selection, null)).toBe(3);
  });

  it('selects a range upwards and ignores ids that are not on screen', () => {
    const selection = selectRange(selectOnly(15), rows, 12);
    expect(marked(selection)).toEqual([12, 13, 14, 15]);
    expect(marked(selectRange(EMPTY_SELECTION, rows, 13))).toEqual([13]);
  });

  it('toggles all loaded rows from the header and back to none', () => {
    const all = toggleLoaded(EMPTY_SELECTION, rows);
    expect(marked(all)).toEqual(rows);
    expect(marked(toggleLoaded(all, rows))).toEqual([]);
  });

  it('selects every matching row, counts against the total and sends the filter minus exceptions', () => {
    let selection = selectAllMatching();
    expect(isSelected(selection, 999_999)).toBe(true);
    selection = toggle(selection, 12);
    expect(isSelected(selection, 12)).toBe(false);
    expect(selectedCount(selection, 5000)).toBe(4999);
    expect(selectedCount(selection, null)).toBeNull();
    const filter = { field: 'city', op: 'eq', value: 'Łódź' };
    expect(selectionPayload(selection, { filter, q: 'kow' })).toEqual({ filter, q: 'kow', exceptIds: [12] });
    expect(selectionPayload(selectOnly(3), { filter, q: '' })).toEqual({ ids: [3] });
    // Shift-click in "all matching" mode re-includes an unticked row inside the range.
    expect(isSelected(selectRange({ ...selection, anchor: 11 }, rows, 13), 12)).toBe(true);
  });
});
