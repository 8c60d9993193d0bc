import { describe, expect, it } from 'vitest';
import { createAccount, createRole, grantsOn } from '../../../../test/access-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { type ApiRecord, createCompany, type ListBody } from '../../../../test/record-fixtures.ts';

describe.each(DIALECTS)('a list of people with their company’s columns (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('reads fields of the related company, with titles of its references', async () => {
    const industries = (
      await env().api('POST', '/api/records/dictionary_value/query', {
        filter: { field: 'dictionary', op: 'eq', value: 'industry' },
      })
    ).json<ListBody>().items;
    const industry = industries[0] as ApiRecord;
    const company = await createCompany(env, {
      name: 'Kolumny',
      city: 'Gdańsk',
      country: 'PL',
      industry: industry.id,
    });
    const created = await env().api('POST', '/api/records/person', {
      first_name: 'Ola',
      last_name: 'Kolumna',
      company: company.id,
    });
    const alone = await env().api('POST', '/api/records/person', { first_name: 'Sam', last_name: 'Kolumna' });
    expect(created.statusCode).toBe(201);
    const list = await env().api('POST', '/api/records/person/query', {
      filter: { field: 'last_name', op: 'eq', value: 'Kolumna' },
      fields: ['first_name', 'company.city', 'company.country', 'company.industry'],
      sort: [{ field: 'first_name', direction: 'asc' }],
    });
    expect(list.statusCode, list.body).toBe(200);
    const [ola, sam] = list.json<ListBody>().items;
    expect(ola).toMatchObject({
      first_name: 'Ola',
      'company.city': 'Gdańsk',
      'company.country': 'PL',
      'company.industry': industry.id,
    });
    const expanded = (ola?._expanded ?? {}) as Record<string, { title: string } | undefined>;
    expect(expanded['company.industry']?.title).toBe(industry.label_en);
    expect(sam).toMatchObject({ id: alone.json<ApiRecord>().id, 'company.city': null });
    const one = await env().api('GET', `/api/records/person/${ola?.id}?fields=first_name,company.city`);
    expect(one.json()).toMatchObject({ first_name: 'Ola', 'company.city': 'Gdańsk' });
    const exported = await env().api('POST', '/api/records/person/export', {
      format: 'csv',
      fields: ['first_name', 'company.city', 'company.industry'],
      filter: { field: 'last_name', op: 'eq', value: 'Kolumna' },
      sort: [{ field: 'first_name', direction: 'asc' }],
      locale: 'en',
    });
    expect(exported.statusCode, exported.body).toBe(200);
    const lines = exported.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('First name,Company › City,Company › Industry');
    expect(lines[1]).toBe(`Ola,Gdańsk,${industry.label_en}`);
  });

  it('refuses paths that are not one hop to a field the reader may see', async () => {
    for (const fields of [['company.nope'], ['company.industry.code'], ['position.x'], ['groups.name']]) {
      expectError(
        await env().api('POST', '/api/records/person/query', { fields }),
        400,
        'bad_request',
        /unknown field/,
      );
    }
    const role = await createRole(
      env,
      [...grantsOn(env, 'all', ['person', 'company'])].filter((grant) => grant.right === 'read'),
      [{ object: 'company', field: 'employee_count', access: 'hidden' }],
    );
    const reader = await createAccount(env, [role]);
    const hidden = await env().api(
      'POST',
      '/api/records/person/query',
      { fields: ['company.employee_count'] },
      reader.session,
    );
    expectError(hidden, 400, 'bad_request', /unknown field/);
    const visible = await env().api(
      'POST',
      '/api/records/person/query',
      { fields: ['company.city'] },
      reader.session,
    );
    expect(visible.statusCode, visible.body).toBe(200);
  });
});
