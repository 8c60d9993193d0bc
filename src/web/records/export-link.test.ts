import { describe, expect, it } from 'vitest';
import { exportLink } from './export-link.ts';

describe('exportLink', () => {
  it('puts the list query in the address the server reads', () => {
    const link = exportLink('company', {
      format: 'xlsx',
      fields: ['name', 'city'],
      filter: { field: 'city', op: 'eq', value: 'Łódź' },
      q: 'kow',
      sort: [{ field: 'name', direction: 'desc' }],
      exceptIds: [3, 5],
      locale: 'pl',
    });
    const url = new URL(link ?? '', 'http://localhost');
    expect(url.pathname).toBe('/api/records/company/export');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      format: 'xlsx',
      fields: 'name,city',
      locale: 'pl',
      filter: '{"field":"city","op":"eq","value":"Łódź"}',
      q: 'kow',
      sort: '-name',
      exceptIds: '3,5',
    });
  });

  it('gives up on a selection too long for an address (the export is then posted)', () => {
    const ids = Array.from({ length: 2000 }, (_, index) => 100_000 + index);
    expect(exportLink('company', { format: 'csv', fields: ['name'], ids, locale: 'en' })).toBeNull();
  });
});
