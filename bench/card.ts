import type { BenchClient } from './http-client.ts';
import { type Measurement, measure } from './load.ts';

/** The card's child lists, each as the web app's related list asks for it (first rows, with titles). */
const CHILDREN: Array<[object: string, fields: string[]]> = [
  ['person', ['first_name', 'last_name', 'position', 'email', 'phone']],
  ['address', ['street', 'building', 'city', 'kind', 'country', 'is_main']],
  ['company_phone', ['phone', 'kind']],
  ['company_email', ['email', 'kind']],
  ['financial_year', ['year', 'revenue', 'profit']],
  ['bank_account', ['iban', 'bank', 'currency']],
];

/**
 * A client card as one user opens it: the record with its references' titles, the first rows of
 * every child list and how many people the client has. The figure is the whole card (requests in
 * parallel, as the browser sends them); ids come from the slice of companies with full cards.
 */
export async function measureClientCard(
  client: BenchClient,
  companyIds: number[],
  durationMs: number,
): Promise<Measurement> {
  return measure(
    async (i) => {
      const id = companyIds[i % companyIds.length] ?? 1;
      await Promise.all([
        client.ok(
          'GET',
          `/api/records/company/${id}?expand=industry,status,category,customer_type,account_manager,source&locale=pl`,
        ),
        ...CHILDREN.map(([object, fields]) =>
          client.ok('POST', `/api/records/${object}/query`, {
            filter: { field: 'company', op: 'eq', value: id },
            fields,
            limit: 20,
            locale: 'pl',
          }),
        ),
        client.ok('POST', '/api/records/person/count', { filter: { field: 'company', op: 'eq', value: id } }),
      ]);
    },
    { concurrency: 1, durationMs },
  );
}
