import type { BenchClient } from './http-client.ts';
import { type Measurement, measure } from './load.ts';

const SEARCH_PREFIXES = [
  'kow',
  'lodz',
  'gyor',
  'szab',
  'nagy',
  'krak',
  'wars',
  'debr',
  'kiss',
  'lond',
  'mol',
  'bud',
  'zak',
  'ślus',
  'pécs',
];

/** A list page as the web app asks for it: one industry, by name in Polish order, alternating first and next pages. */
export async function measureListPage(
  client: BenchClient,
  industries: number[],
  durationMs: number,
): Promise<Measurement> {
  const cursors = new Map<number, string>();
  return measure(
    async (i) => {
      const key = i % industries.length;
      const cursor = cursors.get(key);
      const page = (await client.ok('POST', '/api/records/company/query', {
        filter: { field: 'industry', op: 'eq', value: industries[key] },
        sort: [{ field: 'name', direction: 'asc' }],
        // The columns a list view shows (what the web app asks for), not every field.
        fields: ['name', 'tax_id', 'city', 'phone', 'email', 'industry', 'status', 'next_action_date'],
        limit: 50,
        locale: 'pl',
        ...(cursor ? { cursor } : {}),
      })) as { nextCursor: string | null };
      if (page.nextCursor) cursors.set(key, page.nextCursor);
      else cursors.delete(key);
    },
    { concurrency: 1, durationMs },
  );
}

/** Global search for short prefixes, as typed into the search box. */
export async function measureSearch(client: BenchClient, durationMs: number): Promise<Measurement> {
  return measure(
    async (i) =>
      void (await client.ok(
        'GET',
        `/api/search?q=${encodeURIComponent(SEARCH_PREFIXES[i % SEARCH_PREFIXES.length] ?? 'a')}&limit=20`,
      )),
    { concurrency: 1, durationMs },
  );
}
