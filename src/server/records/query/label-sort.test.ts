import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { createCompany, type EnvGetter, type ListBody } from '../../../../test/record-fixtures.ts';

/** Every page of a list, walked with the cursor two rows at a time. */
async function allPages(env: EnvGetter, query: string): Promise<ListBody['items']> {
  const items: ListBody['items'] = [];
  let cursor: string | null = null;
  do {
    const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const response = await env().api('GET', `/api/records/${query}&limit=2${after}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<ListBody>();
    items.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return items;
}

async function industry(env: EnvGetter, code: string, pl: string, hu: string): Promise<number> {
  const response = await env().api('POST', '/api/records/dictionary_value', {
    dictionary: 'industry',
    code,
    label_en: code,
    label_pl: pl,
    label_hu: hu,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: number }>().id;
}

describe.each(DIALECTS)('sorting by a reference label (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('sorts by the dictionary label in the reader’s alphabet, blanks last both ways, across pages', async () => {
    // Ids in an order unlike the labels', so sorting by id would show.
    const labels: Array<[string, string, string]> = [
      ['shipping', 'Żegluga', 'Hajózás'],
      ['telecom', 'Łączność', 'Távközlés'],
      ['aviation', 'Lotnictwo', 'Légiközlekedés'],
      ['building', 'Budownictwo', 'Építőipar'],
      ['defence', 'Zbrojenia', 'Hadiipar'],
    ];
    for (const [code, pl, hu] of labels) {
      await createCompany(env, { name: `Firma ${code}`, industry: await industry(env, code, pl, hu) });
    }
    await createCompany(env, { name: 'Firma blank-1' });
    await createCompany(env, { name: 'Firma blank-2' });

    const names = (items: ListBody['items']) => items.map((item) => item.name);
    expect(names(await allPages(env, 'company?sort=industry&locale=pl'))).toEqual([
      'Firma building',
      'Firma aviation',
      'Firma telecom',
      'Firma defence',
      'Firma shipping',
      'Firma blank-1',
      'Firma blank-2',
    ]);
    const descending = names(await allPages(env, 'company?sort=-industry&locale=pl'));
    expect(descending.slice(0, 5)).toEqual([
      'Firma shipping',
      'Firma defence',
      'Firma telecom',
      'Firma aviation',
      'Firma building',
    ]);
    expect(descending.slice(5).sort()).toEqual(['Firma blank-1', 'Firma blank-2']);
    // The Hungarian labels in the Hungarian alphabet: another order from the same records.
    expect(names(await allPages(env, 'company?sort=industry&locale=hu')).slice(0, 5)).toEqual([
      'Firma building',
      'Firma defence',
      'Firma shipping',
      'Firma aviation',
      'Firma telecom',
    ]);
  });

  it('sorts people by their company’s name and refuses a cursor of another sort', async () => {
    const zenit = await createCompany(env, { name: 'Zenit' });
    const alfa = await createCompany(env, { name: 'Alfa' });
    const ostrowiec = await createCompany(env, { name: 'Ósemka' });
    for (const [last, company] of [
      ['Nowak', zenit.id],
      ['Kowalski', alfa.id],
      ['Wiśniewska', ostrowiec.id],
      ['Bez Firmy', null],
    ] as const) {
      const created = await env().api('POST', '/api/records/person', {
        first_name: 'Anna',
        last_name: last,
        company,
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    const lastNames = (await allPages(env, 'person?sort=company&locale=pl')).map((item) => item.last_name);
    expect(lastNames).toEqual(['Kowalski', 'Wiśniewska', 'Nowak', 'Bez Firmy']);

    const first = await env().api('GET', '/api/records/person?sort=company&limit=1');
    const cursor = first.json<ListBody>().nextCursor ?? '';
    const foreign = await env().api(
      'GET',
      `/api/records/person?sort=last_name&limit=1&cursor=${encodeURIComponent(cursor)}`,
    );
    expect(foreign.statusCode).toBe(400);
  });
});
