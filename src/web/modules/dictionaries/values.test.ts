import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api-client.ts';
import {
  conflictKind,
  type DictionaryValue,
  inOrder,
  MAX_SORT_ORDER,
  moveItem,
  nextSortOrder,
  planReorder,
  rebaseDraft,
  toDictionaryValue,
  usesOf,
} from './values.ts';

function value(id: number, sortOrder: number): DictionaryValue {
  return toDictionaryValue({
    id,
    version: id + 100,
    dictionary: 'industry',
    code: `v${id}`,
    label_en: `V${id}`,
    sort_order: sortOrder,
  });
}

/** Applies the writes and answers the ids in the new order. */
function orderAfter(values: DictionaryValue[], from: number, to: number): number[] {
  const updates = new Map(planReorder(values, from, to).map((update) => [update.id, update.sort_order]));
  return inOrder(values.map((v) => ({ ...v, sort_order: updates.get(v.id) ?? v.sort_order }))).map(
    (v) => v.id,
  );
}

describe('ordering', () => {
  it('sorts by sort_order, ties by id', () => {
    expect(inOrder([value(3, 10), value(1, 20), value(2, 10)]).map((v) => v.id)).toEqual([2, 3, 1]);
  });

  it('puts a new value after the last one', () => {
    expect(nextSortOrder([])).toBe(10);
    expect(nextSortOrder([value(1, 30), value(2, 10)])).toBe(40);
    expect(nextSortOrder([value(1, MAX_SORT_ORDER)])).toBe(MAX_SORT_ORDER);
  });

  it('moves an item within a list', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 1)).toEqual(['a', 'd', 'b', 'c']);
  });
});

describe('planReorder', () => {
  const spaced = [value(1, 10), value(2, 20), value(3, 30), value(4, 40)];

  it('writes the moved value alone when there is room between its new neighbours', () => {
    expect(planReorder(spaced, 3, 1)).toEqual([{ id: 4, version: 104, sort_order: 15 }]);
    expect(planReorder(spaced, 0, 3)).toEqual([{ id: 1, version: 101, sort_order: 50 }]);
    expect(planReorder(spaced, 2, 0)).toEqual([{ id: 3, version: 103, sort_order: 4 }]);
    expect(orderAfter(spaced, 1, 2)).toEqual([1, 3, 2, 4]);
  });

  it('renumbers the dictionary when there is no room, writing only what changes', () => {
    const tight = [value(1, 1), value(2, 2), value(3, 3)];
    expect(planReorder(tight, 2, 1)).toEqual([
      { id: 1, version: 101, sort_order: 10 },
      { id: 3, version: 103, sort_order: 20 },
      { id: 2, version: 102, sort_order: 30 },
    ]);
    // Before the first one there is still room down to 0.
    expect(planReorder(tight, 2, 0)).toEqual([{ id: 3, version: 103, sort_order: 0 }]);
    const partly = [value(1, 10), value(2, 11), value(3, 30)];
    expect(planReorder(partly, 2, 1)).toEqual([
      { id: 3, version: 103, sort_order: 20 },
      { id: 2, version: 102, sort_order: 30 },
    ]);
  });

  it('orders values that had equal orders (as imported) by renumbering', () => {
    const equal = [value(1, 0), value(2, 0), value(3, 0)];
    expect(orderAfter(equal, 0, 1)).toEqual([2, 1, 3]);
    expect(orderAfter(equal, 2, 0)).toEqual([3, 1, 2]);
  });

  it('takes the positions of the list as the user sees it, not as given', () => {
    const shuffled = [value(3, 30), value(1, 10), value(2, 20)];
    expect(orderAfter(shuffled, 0, 2)).toEqual([2, 3, 1]);
  });

  it('writes nothing for a move to the same place or out of the list', () => {
    expect(planReorder(spaced, 1, 1)).toEqual([]);
    expect(planReorder(spaced, 1, 9)).toEqual([]);
    expect(planReorder(spaced, 7, 0)).toEqual([]);
  });

  it('stays within the orders the server takes', () => {
    const top = [value(1, MAX_SORT_ORDER - 1), value(2, MAX_SORT_ORDER)];
    const updates = planReorder(top, 0, 1);
    expect(Math.max(...updates.map((u) => u.sort_order))).toBeLessThanOrEqual(MAX_SORT_ORDER);
    expect(orderAfter(top, 0, 1)).toEqual([2, 1]);
  });
});

describe('rebaseDraft', () => {
  const base = { label_en: 'Retail', label_pl: 'Handel', label_hu: 'Kiskereskedelem' };

  it('follows the server where the user typed nothing and keeps what they typed', () => {
    const draft = { ...base, label_pl: 'Handel detaliczny' };
    const current = { ...base, label_en: 'Retail trade', label_pl: 'Handel (stary)' };
    expect(rebaseDraft(draft, base, current)).toEqual({
      label_en: 'Retail trade',
      label_pl: 'Handel detaliczny',
      label_hu: 'Kiskereskedelem',
    });
  });
});

describe('conflictKind', () => {
  const conflict = (details: unknown) => new ApiError(409, 'conflict', 'x', details);

  it('tells a stale version, a value in use and a taken code apart', () => {
    expect(conflictKind(conflict({ current: { id: 1 } }))).toBe('stale');
    expect(conflictKind(conflict({ uses: 3 }))).toBe('inUse');
    expect(usesOf(conflict({ uses: 3 }))).toBe(3);
    expect(conflictKind(conflict(undefined))).toBe('clash');
    expect(conflictKind(new ApiError(400, 'validation_failed', 'x', undefined))).toBeNull();
    expect(conflictKind(new Error('x'))).toBeNull();
  });
});
