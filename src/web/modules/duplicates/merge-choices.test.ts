import { describe, expect, it } from 'vitest';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import { chosenValues, defaultChoices, differingFields } from './merge-choices.ts';

const labels = { en: 'x', pl: 'x', hu: 'x' };
const field = (key: string, type: 'text' | 'multiRelation' | 'integer', extra = {}) => ({
  key,
  type,
  labels,
  required: false,
  readOnly: false,
  system: false,
  sortable: true,
  filterable: true,
  ...extra,
});
const meta: ObjectMeta = {
  key: 'company',
  labels: { one: labels, many: labels },
  icon: 'building',
  titleFields: ['name'],
  searchable: true,
  defaultSort: [],
  fields: [
    field('id', 'integer', { system: true, readOnly: true }),
    field('name', 'text'),
    field('city', 'text'),
    field('email', 'text'),
    field('notes', 'text'),
    field('status_changed_at', 'text', { readOnly: true }),
    field('groups', 'multiRelation', { target: 'company_group' }),
  ],
};

describe('merge choices', () => {
  const keep = { id: 1, version: 3, name: 'Kowalski', city: 'Łódź', email: '', notes: 'a', groups: [1] };
  const merge = {
    id: 2,
    version: 1,
    name: 'KOWALSKI',
    city: 'Łódź',
    email: 'x@y.pl',
    notes: 'b',
    groups: [2],
  };

  it('offers only editable fields that differ, never memberships (both are kept)', () => {
    expect(differingFields(meta, keep, merge).map((c) => c.field.key)).toEqual(['name', 'email', 'notes']);
  });

  it('preselects the kept value unless only the other record has one', () => {
    expect(defaultChoices(differingFields(meta, keep, merge))).toEqual({
      name: 'keep',
      email: 'merge',
      notes: 'keep',
    });
  });

  it('sends only the values taken from the merged record', () => {
    const choices = differingFields(meta, keep, merge);
    expect(chosenValues(choices, { name: 'keep', email: 'merge', notes: 'merge' })).toEqual({
      email: 'x@y.pl',
      notes: 'b',
    });
  });
});
