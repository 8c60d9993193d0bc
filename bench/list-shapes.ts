import { sql } from 'kysely';
import type { Dialect } from '../src/server/db/dialects/dialect.ts';
import type { BenchClient } from './http-client.ts';
import { type Measurement, measure } from './load.ts';

/**
 * List requests the web app's filter builder and column headers produce, beyond the bench's
 * own `list_page` (issue 11 §5): relation paths, sorts on fields without a filter, contains,
 * quick search, counts, deep pages. Each runs one request at a time over varied values, so
 * no easy value hides a slow one.
 */
export interface ListShapeValues {
  /** Cities of companies, from the most common to rare ones. */
  cities: string[];
  industries: number[];
  statuses: number[];
}

/** Three- and four-letter stems as a user types them into a "contains" filter. */
const STEMS = ['kow', 'bud', 'nagy', 'tech', 'pol', 'gaz', 'szab', 'ster', 'trans', 'med', 'kft', 'bau'];
/** Prefixes typed into a list's quick search box. */
const QUICK = ['kow', 'lodz', 'gyor', 'szab', 'nagy', 'krak', 'wars', 'kiss', 'mol', 'bud', 'zak', 'pécs'];

const COMPANY_COLUMNS = [
  'name',
  'tax_id',
  'city',
  'phone',
  'email',
  'industry',
  'status',
  'next_action_date',
];
const PERSON_COLUMNS = ['first_name', 'last_name', 'company', 'position', 'email', 'phone'];

/** Cities (common and rare), industries and statuses the data set holds, read once. */
export async function listShapeValues(dialect: Dialect): Promise<ListShapeValues> {
  const cities = await sql<{ city: string; n: number }>`
    SELECT city, COUNT(*) AS n FROM company WHERE city IS NOT NULL GROUP BY city ORDER BY n DESC, city`.execute(
    dialect.db,
  );
  const all = cities.rows.map((r) => r.city);
  // Every fifth city by frequency: the largest ones and the long tail alike.
  const spread = all.filter((_, i) => i % 5 === 0).slice(0, 40);
  const ids = async (dictionary: string) =>
    (
      await sql<{
        id: number;
      }>`SELECT id FROM dictionary_value WHERE dictionary = ${dictionary} ORDER BY id`.execute(dialect.db)
    ).rows.map((r) => Number(r.id));
  return { cities: spread, industries: await ids('industry'), statuses: await ids('company_status') };
}

type Body = Record<string, unknown>;

interface Shape {
  name: string;
  path: string;
  body: (i: number) => Body;
}

function shapes(values: ListShapeValues): Shape[] {
  const pick = <T>(list: T[], i: number): T => list[i % list.length] as T;
  const query = (object: string) => `/api/records/${object}/query`;
  const companies = (body: Body): Body => ({ fields: COMPANY_COLUMNS, limit: 50, locale: 'pl', ...body });
  const direction = (i: number) => (i % 2 === 0 ? 'asc' : 'desc');
  return [
    {
      name: 'list_people_by_company_city',
      path: query('person'),
      body: (i) => ({
        filter: { field: 'company.city', op: 'eq', value: pick(values.cities, i) },
        sort: [{ field: 'last_name', direction: 'asc' }],
        fields: PERSON_COLUMNS,
        limit: 50,
        locale: 'pl',
      }),
    },
    {
      name: 'list_company_by_employees',
      path: query('company'),
      body: (i) => companies({ sort: [{ field: 'employee_count', direction: direction(i) }] }),
    },
    {
      name: 'list_company_city_by_employees',
      path: query('company'),
      body: (i) =>
        companies({
          filter: { field: 'city', op: 'eq', value: pick(values.cities, i) },
          sort: [{ field: 'employee_count', direction: direction(i >> 1) }],
        }),
    },
    {
      name: 'list_company_name_contains',
      path: query('company'),
      body: (i) =>
        companies({
          filter: { field: 'name', op: 'contains', value: pick(STEMS, i) },
          sort: [{ field: 'name', direction: 'asc' }],
        }),
    },
    {
      name: 'list_company_quick_search',
      path: query('company'),
      body: (i) => companies({ q: pick(QUICK, i), sort: [{ field: 'name', direction: 'asc' }] }),
    },
    {
      name: 'list_company_count_industry',
      path: '/api/records/company/count',
      body: (i) => ({ filter: { field: 'industry', op: 'eq', value: pick(values.industries, i) } }),
    },
    {
      name: 'list_company_overdue_by_name',
      path: query('company'),
      body: () =>
        companies({
          filter: { field: 'next_action_date', op: 'overdue' },
          sort: [{ field: 'name', direction: 'asc' }],
        }),
    },
    // The same shapes on other fields.
    {
      name: 'list_company_by_city',
      path: query('company'),
      body: (i) => companies({ sort: [{ field: 'city', direction: direction(i) }] }),
    },
    {
      name: 'list_company_status_by_created',
      path: query('company'),
      body: (i) =>
        companies({
          filter: { field: 'status', op: 'eq', value: pick(values.statuses, i) },
          sort: [{ field: 'created_at', direction: 'desc' }],
        }),
    },
    {
      name: 'list_company_by_manager',
      path: query('company'),
      body: (i) => companies({ sort: [{ field: 'account_manager', direction: direction(i) }] }),
    },
    {
      name: 'list_people_email_contains',
      path: query('person'),
      body: (i) => ({
        filter: { field: 'email', op: 'contains', value: pick(STEMS, i) },
        sort: [{ field: 'last_name', direction: 'asc' }],
        fields: PERSON_COLUMNS,
        limit: 50,
        locale: 'pl',
      }),
    },
    {
      name: 'list_people_by_birth_date',
      path: query('person'),
      body: (i) => ({
        sort: [{ field: 'birth_date', direction: direction(i) }],
        fields: PERSON_COLUMNS,
        limit: 50,
        locale: 'pl',
      }),
    },
  ];
}

/** Every shape in turn, `durationMs` each; answers the name and figures of each. */
export async function measureListShapes(
  client: BenchClient,
  values: ListShapeValues,
  durationMs: number,
  onResult: (name: string, measurement: Measurement) => void,
  /** Only the shapes whose name contains this (a narrower run while working on one). */
  only?: string,
): Promise<void> {
  const wanted = (name: string) => !only || name.includes(only);
  for (const shape of shapes(values).filter((s) => wanted(s.name))) {
    onResult(
      shape.name,
      await measure(async (i) => void (await client.ok('POST', shape.path, shape.body(i))), {
        concurrency: 1,
        durationMs,
      }),
    );
  }
  if (wanted('list_company_page_100'))
    onResult('list_company_page_100', await measureDeepPages(client, durationMs));
}

/**
 * Pages 2 to 100 of the whole company list by name, each fetched with the cursor of the one
 * before it (keyset paging: page 100 costs what page 2 does).
 */
async function measureDeepPages(client: BenchClient, durationMs: number): Promise<Measurement> {
  let cursor: string | null = null;
  let page = 1;
  return measure(
    async () => {
      const result = (await client.ok('POST', '/api/records/company/query', {
        sort: [{ field: 'name', direction: 'asc' }],
        fields: COMPANY_COLUMNS,
        limit: 50,
        locale: 'pl',
        ...(cursor ? { cursor } : {}),
      })) as { nextCursor: string | null };
      page += 1;
      cursor = page > 100 ? null : result.nextCursor;
      if (cursor === null) page = 1;
    },
    { concurrency: 1, durationMs },
  );
}
