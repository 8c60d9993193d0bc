import { describe, expect, it } from 'vitest';
import type { Filter } from '../../../shared/filter/types.ts';
import { chipContent, filterParts, withoutPart } from './filter-parts.ts';

const city: Filter = { field: 'city', op: 'eq', value: 'Łódź' };
const status: Filter = { field: 'status', op: 'in', value: [1, 2] };
const vip: Filter = { field: 'vip', op: 'eq', value: true };

describe('filter chips', () => {
  it('shows the top level of a filter as its parts, with how they combine', () => {
    expect(filterParts(null)).toEqual({ combinator: 'and', parts: [] });
    expect(filterParts(city)).toEqual({ combinator: 'and', parts: [city] });
    expect(filterParts({ and: [city, status] }).parts).toEqual([city, status]);
    expect(filterParts({ or: [city, status] })).toEqual({ combinator: 'or', parts: [city, status] });
    expect(filterParts({ not: city }).parts).toEqual([{ not: city }]);
  });

  it('removes one part and keeps the rest combined as before', () => {
    expect(withoutPart({ and: [city, status, vip] }, 1)).toEqual({ and: [city, vip] });
    expect(withoutPart({ or: [city, status, vip] }, 0)).toEqual({ or: [status, vip] });
    expect(withoutPart({ and: [city, status] }, 0)).toEqual(status);
    expect(withoutPart(city, 0)).toBeNull();
    expect(withoutPart(null, 0)).toBeNull();
  });

  it('describes conditions, groups of conditions, and the rest as advanced', () => {
    expect(chipContent(city)).toEqual({ kind: 'condition', leaf: city });
    expect(chipContent({ or: [city, vip] })).toEqual({
      kind: 'group',
      combinator: 'or',
      leaves: [city, vip],
    });
    expect(chipContent({ not: city })).toEqual({ kind: 'advanced' });
    expect(chipContent({ and: [city, { or: [vip, status] }] })).toEqual({ kind: 'advanced' });
  });
});
