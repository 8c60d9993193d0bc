import { describe, expect, it } from 'vitest';
import { exportLink, exportRequest } from './export-link.ts';

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

  it('asks for every field instead of the visible columns when the reader picks all fields', () => {
    const link = exportLink('company', { format: 'csv', allFields: true, locale: 'hu' });
    const url = new URL(link ?? '', 'http://localhost');
    expect(Object.fromEntries(url.searchParams)).toEqual({ format: 'csv', allFields: 'true', locale: 'hu' });
  });
});

describe('exportRequest', () => {
  const choice = {
    columns: ['name', 'city'],
    sort: [{ field: 'name', direction: 'asc' as const }],
    locale: 'pl' as const,
    list: { filter: { field: 'city', op: 'eq', value: 'Łódź' } as const, q: 'kow' },
  };

  it('sends the visible columns, or every field, with the list query', () => {
    expect(exportRequest({ ...choice, format: 'xlsx', allFields: false, selection: null })).toEqual({
      format: 'xlsx',
      fields: ['name', 'city'],
      sort: choice.sort,
      locale: 'pl',
      filter: choice.list.filter,
      q: 'kow',
    });
    expect(exportRequest({ ...choice, format: 'csv', allFields: true, selection: null })).toEqual({
      format: 'csv',
      allFields: true,
      sort: choice.sort,
      locale: 'pl',
      filter: choice.list.filter,
      q: 'kow',
    });
  });

  it('exports the marked rows instead of the list query when rows are marked', () => {
    const request = exportRequest({ ...choice, format: 'xlsx', allFields: true, selection: { ids: [4, 7] } });
    expect(request).toEqual({
      format: 'xlsx',
      allFields: true,
      sort: choice.sort,
      locale: 'pl',
      ids: [4, 7],
    });
  });

  it('keeps the columns for a vCard, which the server makes of its own fields', () => {
    const request = exportRequest({ ...choice, format: 'vcf', allFields: true, selection: null });
    expect(request.fields).toEqual(['name', 'city']);
    expect(request.allFields).toBeUndefined();
  });
});
