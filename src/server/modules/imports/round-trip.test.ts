import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { importFile } from '../../../../test/import-fixtures.ts';
import {
  type ApiRecord,
  count,
  createCompany,
  type ListBody,
  snapshot,
} from '../../../../test/record-fixtures.ts';

const COMPANY_FIELDS = [
  'name',
  'country',
  'tax_id',
  'city',
  'postal_code',
  'email',
  'phone',
  'employee_count',
  'credit_limit',
  'satisfaction',
  'next_action_date',
  'notes',
];

/** A valid Polish NIP from nine digits: the tenth is their weighted sum modulo 11. */
function nip(seed: number): string {
  for (let base = seed; ; base++) {
    const digits = String(100_000_000 + (base % 800_000_000))
      .split('')
      .map(Number);
    const check =
      [6, 5, 7, 2, 3, 4, 5, 6, 7].reduce((sum, weight, index) => sum + weight * (digits[index] ?? 0), 0) % 11;
    if (check !== 10) return `${digits.join('')}${check}`;
  }
}

describe.each(DIALECTS)('imports of the product’s own exports (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  async function exportCompanies(format: 'csv' | 'xlsx', ids: number[], locale = 'en') {
    const response = await env().api('POST', '/api/records/company/export', {
      format,
      fields: COMPANY_FIELDS,
      ids,
      locale,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.rawPayload;
  }

  async function companiesByTaxId(taxId: string): Promise<ApiRecord[]> {
    const list = await env().api('POST', '/api/records/company/query', {
      filter: { field: 'tax_id', op: 'eq', value: taxId },
    });
    return list.json<ListBody>().items;
  }

  let seed = 0;
  for (const format of ['csv', 'xlsx'] as const) {
    for (const locale of ['en', 'pl', 'hu'] as const) {
      const n = ++seed;
      it(`re-imports a ${format} export (${locale} headers) into the same values; the same file again creates nothing`, async () => {
        const taxId = nip(7_740_001 * n);
        const original = await createCompany(env, {
          name: `Zakład „Łódź” ${format} ${locale} Sp. z o.o.`,
          country: 'PL',
          tax_id: taxId,
          city: 'Łódź',
          postal_code: '90-001',
          email: `biuro.${format}.${locale}@lodz.example.pl`,
          phone: `+4860123456${n}`,
          employee_count: 1200,
          credit_limit: { amount: 123456, currency: 'PLN' },
          satisfaction: 4,
          next_action_date: '2026-12-24',
          notes: '=HYPERLINK("http://evil.example","click")\nsecond line; with, commas "and quotes"',
        });
        const file = await exportCompanies(format, [original.id], locale);
        const deleted = await env().api('DELETE', `/api/records/company/${original.id}`);
        expect(deleted.statusCode).toBe(204);
        const { upload, status } = await importFile(env, `companies.${format}`, file, { object: 'company' });
        expect(upload.detected.format).toBe(format);
        expect(upload.guesses.object).toBe('company');
        for (const field of COMPANY_FIELDS)
          expect(Object.values(upload.guesses.mappings.company ?? {})).toContain(field);
        const firstOutcomes = await env().api('GET', `/api/imports/${status.id}/rows`);
        expect(status, firstOutcomes.body).toMatchObject({ status: 'done', total: 1, created: 1, failed: 0 });
        const [copy] = await companiesByTaxId(taxId);
        for (const field of COMPANY_FIELDS) expect(copy?.[field], field).toEqual(original[field]);

        const before = await snapshot(env);
        const again = await importFile(env, `companies.${format}`, file, { object: 'company' });
        const outcomes = await env().api('GET', `/api/imports/${again.status.id}/rows`);
        expect(again.status, outcomes.body).toMatchObject({
          status: 'done',
          created: 0,
          updated: 0,
          skipped: 1,
          failed: 0,
        });
        expect(await snapshot(env)).toEqual(before);
      });
    }
  }

  it('re-imports people with their companies: a known company is linked, a new one created once', async () => {
    const known = await createCompany(env, { name: 'Kovács és Társa Kft.', country: 'HU', city: 'Győr' });
    const people = [
      {
        first_name: 'Katalin',
        last_name: 'Kovács',
        company: known.id,
        email: 'katalin@kovacs.example.hu',
        position: 'Ügyvezető',
      },
      { first_name: 'Ödön', last_name: 'Szűcs', company: known.id, email: 'odon@kovacs.example.hu' },
    ];
    const ids: number[] = [];
    for (const person of people) {
      const created = await env().api('POST', '/api/records/person', person);
      expect(created.statusCode, created.body).toBe(201);
      ids.push(created.json<ApiRecord>().id);
    }
    const fields = ['first_name', 'last_name', 'company', 'email', 'position'];
    const exported = await env().api('POST', '/api/records/person/export', {
      format: 'xlsx',
      fields,
      ids,
      locale: 'hu',
    });
    expect(exported.statusCode, exported.body).toBe(200);
    for (const id of ids) await env().api('DELETE', `/api/records/person/${id}`);
    const companies = await count(env, 'company');
    const { upload, status } = await importFile(env, 'emberek.xlsx', exported.rawPayload, {
      object: 'person',
    });
    expect(upload.guesses.object).toBe('person');
    expect(upload.guesses.mappings.person).toMatchObject({ Cég: 'company.name' });
    expect(status).toMatchObject({ status: 'done', created: 2, failed: 0, relatedCreated: 0 });
    expect(await count(env, 'company')).toBe(companies);
    const list = await env().api('POST', '/api/records/person/query', {
      filter: { field: 'company', op: 'eq', value: known.id },
      sort: [{ field: 'first_name', direction: 'asc' }],
    });
    const items = list.json<ListBody>().items;
    expect(items.map((item) => [item.first_name, item.last_name, item.email, item.position])).toEqual([
      ['Katalin', 'Kovács', 'katalin@kovacs.example.hu', 'Ügyvezető'],
      ['Ödön', 'Szűcs', 'odon@kovacs.example.hu', null],
    ]);
  });
});
