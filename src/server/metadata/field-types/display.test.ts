import { describe, expect, it } from 'vitest';
import { company } from '../../modules/clients/company.ts';
import { person } from '../../modules/clients/person.ts';
import { serverType } from './registry.ts';

// What documents the server writes (a person's data as PDF) show: values as people read them.
describe('values shown in documents', () => {
  const show = (
    definition: typeof company | typeof person,
    key: string,
    value: unknown,
    locale: 'en' | 'pl' | 'hu',
  ) => {
    const field = definition.field(key);
    if (!field) throw new Error(key);
    return serverType(field).display?.(value, field, locale);
  };

  it('formats numbers, phones, countries and name days for the reader', () => {
    expect(show(company, 'tax_id', '7740001454', 'pl')).toBe('774-000-14-54');
    expect(show(company, 'tax_id', '10625790444', 'hu')).toBe('10625790-4-44');
    expect(show(company, 'phone', '+48221234567', 'pl')).toBe('22 123 45 67');
    expect(show(company, 'country', 'HU', 'pl')).toBe('Węgry');
    expect(show(company, 'country', 'PL', 'hu')).toBe('Lengyelország');
    expect(show(person, 'name_day', '12-04', 'pl')).toBe('4 grudnia');
    expect(show(person, 'name_day', '02-29', 'en')).toBe('29 February');
  });
});
