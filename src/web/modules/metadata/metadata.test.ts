import { describe, expect, it } from 'vitest';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import { objectContext, recordContext, recordTitle, titleProjection } from './metadata.ts';

function object(overrides: Partial<ObjectMeta>): ObjectMeta {
  return {
    key: 'person',
    labels: {
      one: { en: 'Person', pl: 'Osoba', hu: 'Személy' },
      many: { en: 'People', pl: 'Osoby', hu: 'Személyek' },
    },
    icon: 'user',
    titleFields: ['first_name', 'last_name'],
    searchable: true,
    defaultSort: [],
    fields: [],
    ...overrides,
  };
}

const person = object({
  titleOrder: { hu: ['last_name', 'first_name'] },
  grammaticalGender: { pl: 'feminine' },
  givenNameField: 'first_name',
});

describe('recordTitle', () => {
  it('puts the family name first in Hungarian only', () => {
    const record = { first_name: 'Nikolett', last_name: 'Kozma' };
    expect(recordTitle(person, record, 'hu')).toBe('Kozma Nikolett');
    expect(recordTitle(person, record, 'pl')).toBe('Nikolett Kozma');
    expect(recordTitle(person, record, 'en')).toBe('Nikolett Kozma');
  });

  it('skips empty parts in any order', () => {
    expect(recordTitle(person, { first_name: 'Nikolett', last_name: '' }, 'hu')).toBe('Nikolett');
    expect(recordTitle(person, { first_name: null, last_name: 'Kozma' }, 'en')).toBe('Kozma');
  });

  it('keeps the declared order for objects without a title order', () => {
    const address = object({ key: 'address', titleFields: ['street', 'city'] });
    expect(recordTitle(address, { street: 'Fő utca 1.', city: 'Győr' }, 'hu')).toBe('Fő utca 1. Győr');
  });

  it('asks for every title field, whatever the order', () => {
    expect(titleProjection(person, 'hu')).toEqual(['id', 'first_name', 'last_name']);
  });
});

describe('recordContext', () => {
  it('takes a person’s gender from the first name in Polish', () => {
    expect(recordContext(person, { first_name: 'Helena' }, 'pl')).toBe('feminine');
    expect(recordContext(person, { first_name: 'Jan' }, 'pl')).toBe('masculine');
    expect(recordContext(person, { first_name: 'Kuba' }, 'pl')).toBe('masculine');
  });

  it('falls back to the gender of the object’s name, and to none outside Polish', () => {
    expect(recordContext(person, { first_name: '' }, 'pl')).toBe('feminine');
    expect(recordContext(person, undefined, 'pl')).toBe('feminine');
    expect(recordContext(person, { first_name: 'Helena' }, 'en')).toBeUndefined();
    const company = object({ key: 'company', titleFields: ['name'], grammaticalGender: { pl: 'feminine' } });
    expect(recordContext(company, { name: 'Zielony Sp. z o.o.' }, 'pl')).toBe('feminine');
    expect(objectContext(company, 'pl')).toBe('feminine');
    expect(objectContext(company, 'hu')).toBeUndefined();
    expect(objectContext(object({ key: 'address' }), 'pl')).toBeUndefined();
  });
});
