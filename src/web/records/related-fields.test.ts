import { describe, expect, it } from 'vitest';
import { fieldMeta } from '../../../test/metadata-fixtures.ts';
import type { ObjectMeta } from '../../shared/metadata/types.ts';
import { columnField, relatedFields } from './related-fields.ts';

const L = (text: string) => ({ en: text, pl: text, hu: text });

function object(key: string, fields: ObjectMeta['fields']): ObjectMeta {
  return {
    key,
    labels: { one: L(key), many: L(key) },
    icon: 'x',
    titleFields: [],
    searchable: false,
    defaultSort: [],
    fields,
  };
}

const company = object('company', [
  fieldMeta('name', 'text', { labels: L('Name') }),
  fieldMeta('city', 'text', { labels: L('City') }),
  fieldMeta('industry', 'select', {
    labels: L('Industry'),
    target: 'dictionary_value',
    dictionary: 'industry',
  }),
  fieldMeta('groups', 'multiRelation', { labels: L('Groups'), target: 'company_group' }),
  fieldMeta('created_at', 'dateTime', { system: true }),
]);
const person = object('person', [
  fieldMeta('last_name', 'text'),
  fieldMeta('company', 'relation', { labels: L('Company'), target: 'company' }),
  fieldMeta('position', 'select', {
    labels: L('Position'),
    target: 'dictionary_value',
    dictionary: 'position',
  }),
]);
const lookup = (key: string) => (key === 'company' ? company : key === 'person' ? person : undefined);

describe('columns of related records', () => {
  it('offers the related company’s own fields, not memberships, audit fields or dictionaries walked into', () => {
    expect(relatedFields(person, lookup).map((field) => [field.key, field.labels.en])).toEqual([
      ['company.name', 'Company › Name'],
      ['company.city', 'Company › City'],
      ['company.industry', 'Company › Industry'],
    ]);
    expect(relatedFields(person, lookup).every((field) => !field.sortable)).toBe(true);
  });

  it('resolves a column key, own or one hop through a relation, and nothing else', () => {
    expect(columnField(person, lookup, 'last_name')?.key).toBe('last_name');
    expect(columnField(person, lookup, 'company.city')).toMatchObject({ key: 'company.city', type: 'text' });
    expect(columnField(person, lookup, 'company.groups')).toBeUndefined();
    expect(columnField(person, lookup, 'position.code')).toBeUndefined();
    expect(columnField(person, lookup, 'company.nope')).toBeUndefined();
  });
});
