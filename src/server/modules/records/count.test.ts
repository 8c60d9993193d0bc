import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { count, createCompany, type EnvGetter, insertCompanies } from '../../../../test/record-fixtures.ts';
import { EXACT_COUNT_CAP } from '../../records/count.ts';

/** `rows` companies in `city`, named after it. */
function insertCompaniesIn(env: EnvGetter, rows: number, city: string): Promise<void> {
  return insertCompanies(
    env,
    Array.from({ length: rows }, (_, i) => ({ name: `${city} ${i}`, city })),
  );
}

const inCity = (city: string) => ({ field: 'city', op: 'eq', value: city });

describe.each(DIALECTS)('POST /api/records/:object/count (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('counts exactly what the list shows: filter, quick search and the trash', async () => {
    const { api } = env();
    const names = ['Łódzkie Młyny', 'Lodowa Sp.', 'Mleczarnia Łąka', 'Piekarnia Zofia'];
    const created = [];
    for (const name of names) created.push(await createCompany(env, { name, city: 'Countville' }));
    await createCompany(env, { name: 'Elsewhere Ltd', city: 'Othertown' });

    const countOf = async (body: unknown) => {
      const response = await api('POST', '/api/records/company/count', body);
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    expect(await countOf({ filter: inCity('Countville') })).toEqual({ count: 4, exact: true });
    // Quick search folds accents as the list does: "lod" finds Łódzkie and Lodowa.
    expect(await countOf({ filter: inCity('Countville'), q: 'lod' })).toEqual({ count: 2, exact: true });
    expect(await countOf({ q: 'zofia' })).toEqual({ count: 1, exact: true });
    expect(await countOf({})).toEqual({ count: 5, exact: true });

    expect((await api('DELETE', `/api/records/company/${created[0]?.id}`)).statusCode).toBe(204);
    expect(await countOf({ filter: inCity('Countville') })).toEqual({ count: 3, exact: true });
    expect(await countOf({ filter: inCity('Countville'), deleted: 'only' })).toEqual({
      count: 1,
      exact: true,
    });
    const list = await api('POST', '/api/records/company/query', {
      filter: inCity('Countville'),
      limit: 500,
    });
    expect(list.json().items).toHaveLength(3);
  });

  it('is exact up to the cap, "more than" the cap with a filter, and the table estimate without one', async () => {
    const { api } = env();
    await insertCompaniesIn(env, EXACT_COUNT_CAP, 'Edgetown');
    const countOf = async (body: unknown) => (await api('POST', '/api/records/company/count', body)).json();

    expect(await countOf({ filter: inCity('Edgetown') })).toEqual({ count: EXACT_COUNT_CAP, exact: true });
    await insertCompaniesIn(env, 1, 'Edgetown');
    expect(await countOf({ filter: inCity('Edgetown') })).toEqual({ count: EXACT_COUNT_CAP, exact: false });

    // No filter: the estimate of the table, which here (ids without gaps, nothing removed) is its size.
    const everything = await countOf({});
    expect(everything.exact).toBe(false);
    expect(everything.count).toBe(await count(env, 'company'));
    expect(everything.count).toBeGreaterThan(EXACT_COUNT_CAP);
    // The trash is a narrower selection: counted exactly, never estimated from the table.
    expect(await countOf({ deleted: 'only' })).toEqual({ count: 1, exact: true });
  });

  it('is described, with bulk and export, in the OpenAPI document', async () => {
    const document = (await env().api('GET', '/api/openapi.json')).json();
    expect(Object.keys(document.paths['/api/records/{object}/count'])).toEqual(['post']);
    expect(Object.keys(document.paths['/api/records/{object}/bulk'])).toEqual(['post']);
    expect(Object.keys(document.paths['/api/records/{object}/export']).sort()).toEqual(['get', 'post']);
    const bulk = document.paths['/api/records/{object}/bulk'].post;
    expect(JSON.stringify(bulk.requestBody)).toContain('addToGroup');
  });

  it('refuses what the list refuses, with the one error shape', async () => {
    const { api } = env();
    const unknownField = expectError(
      await api('POST', '/api/records/company/count', {
        filter: { field: 'colour', op: 'eq', value: 'red' },
      }),
      400,
      'bad_request',
      /colour/,
    );
    expect(unknownField.details).toMatchObject({ path: expect.stringContaining('filter') });
    expectError(
      await api('POST', '/api/records/company/count', { filter: { field: 'city', op: 'between', value: 3 } }),
      400,
      'bad_request',
    );
    expectError(
      await api('POST', '/api/records/company/count', { q: 'x'.repeat(201) }),
      400,
      'validation_failed',
    );
    expectError(
      await api('POST', '/api/records/company/count', { deleted: 'all' }),
      400,
      'validation_failed',
    );
    expectError(await api('POST', '/api/records/spaceship/count', {}), 404, 'not_found', /spaceship/);
    const anonymous = await env().app.inject({
      method: 'POST',
      url: '/api/records/company/count',
      payload: {},
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
