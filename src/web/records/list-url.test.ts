import { describe, expect, it } from 'vitest';
import { fieldMeta } from '../../../test/metadata-fixtures.ts';
import type { ObjectMeta } from '../../shared/metadata/types.ts';
import type { ListViewState } from './list-state.ts';
import { effectiveState, readListAddress, sanitizeState, writeListAddress } from './list-url.ts';

const labels = { en: 'x', pl: 'x', hu: 'x' };
const company: ObjectMeta = {
  key: 'company',
  labels: { one: labels, many: labels },
  icon: 'building',
  titleFields: ['name'],
  searchable: true,
  defaultSort: [{ field: 'name', direction: 'asc' }],
  fields: [
    fieldMeta('name', 'text'),
    fieldMeta('city', 'text'),
    fieldMeta('industry', 'select', { target: 'dictionary_value' }),
  ],
};
const dictionary: ObjectMeta = { ...company, key: 'dictionary_value', fields: [fieldMeta('code', 'text')] };
const lookup = (key: string) => ({ company, dictionary_value: dictionary })[key];

const base: ListViewState = {
  columns: ['name', 'city'],
  filter: null,
  sort: [{ field: 'name', direction: 'asc' }],
  colourRules: [],
};

describe('list address', () => {
  it('writes only what differs from the base and reads the same state back', () => {
    const state: ListViewState = {
      columns: ['city', 'name', 'phone'],
      filter: { field: 'city', op: 'eq', value: 'Győr' },
      sort: [
        { field: 'city', direction: 'desc' },
        { field: 'name', direction: 'asc' },
      ],
      colourRules: [{ filter: { field: 'next_action_date', op: 'overdue' }, colour: 'red' }],
    };
    const params = writeListAddress(new URLSearchParams('q=kow'), state, base, 7);
    expect(params.get('sort')).toBe('-city,name');
    expect(params.get('q')).toBe('kow');
    const address = readListAddress(params);
    expect(address.viewId).toBe(7);
    expect(effectiveState(address, base)).toEqual(state);
    expect(writeListAddress(new URLSearchParams(), base, base, null).toString()).toBe('');
  });

  it('keeps an explicitly cleared filter apart from "as the view says"', () => {
    const viewBase = { ...base, filter: { field: 'city', op: 'eq' as const, value: 'Łódź' } };
    const cleared = writeListAddress(new URLSearchParams(), { ...viewBase, filter: null }, viewBase, 2);
    expect(effectiveState(readListAddress(cleared), viewBase).filter).toBeNull();
    expect(effectiveState(readListAddress(new URLSearchParams('view=2')), viewBase).filter).toEqual(
      viewBase.filter,
    );
  });

  it('ignores what cannot be read instead of failing', () => {
    const address = readListAddress(new URLSearchParams('view=abc&filter={oops&colours=[{"colour":"pink"}]'));
    expect(address.viewId).toBeNull();
    expect(address.filter).toBeNull();
    expect(address.colourRules).toEqual([]);
  });

  it('drops from the address what the metadata does not accept, and never throws', () => {
    const messy = effectiveState(
      readListAddress(
        new URLSearchParams({
          cols: 'name,nope',
          sort: '-nope,city',
          filter: JSON.stringify({ field: 'industry.code', op: 'eq', value: 'it' }),
          colours: JSON.stringify([
            { filter: {}, colour: 'red' },
            { filter: { field: 'industry.code', op: 'eq', value: 'it' }, colour: 'blue' },
            { filter: { field: 'city', op: 'eq', value: 'Győr' }, colour: 'green' },
          ]),
        }),
      ),
      base,
    );
    expect(sanitizeState(messy, company, lookup, base)).toEqual({
      columns: ['name'],
      // Relation paths are fine in the list's filter…
      filter: { field: 'industry.code', op: 'eq', value: 'it' },
      sort: [{ field: 'city', direction: 'asc' }],
      // …but colour rules are evaluated in the browser on the row's own fields only.
      colourRules: [{ filter: { field: 'city', op: 'eq', value: 'Győr' }, colour: 'green' }],
    });
    const broken = { ...base, columns: ['nope'], filter: { field: 'nope', op: 'eq' as const, value: 1 } };
    expect(sanitizeState(broken, company, lookup, base)).toMatchObject({
      columns: base.columns,
      filter: null,
    });
  });
});
