import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { type ApiRecord, createCompany, type ListBody } from '../../../../test/record-fixtures.ts';
import { evaluateFilter } from '../../../shared/filter/evaluate.ts';
import { resolveFilter } from '../../../shared/filter/validate.ts';

describe.each(DIALECTS)('static and dynamic groups (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  const post = async (object: string, body: Record<string, unknown>) => {
    const response = await env().api('POST', `/api/records/${object}`, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<ApiRecord>();
  };
  const ids = async (object: string, filter: unknown) => {
    const response = await env().api('POST', `/api/records/${object}/query`, {
      filter,
      limit: 500,
      sort: [{ field: 'id', direction: 'asc' }],
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ListBody>().items.map((item) => item.id);
  };

  it('answers "in group" with the chosen members of a static group and the matches of a dynamic one', async () => {
    const rule = {
      and: [
        { field: 'city', op: 'eq', value: 'Groupów' },
        { field: 'employee_count', op: 'gte', value: 50 },
      ],
    };
    const big = await createCompany(env, { name: 'Big', city: 'Groupów', employee_count: 80 });
    const small = await createCompany(env, { name: 'Small', city: 'Groupów', employee_count: 5 });
    const elsewhere = await createCompany(env, { name: 'Elsewhere', city: 'Inny', employee_count: 500 });
    const chosen = await post('company_group', { name: 'Chosen' });
    const dynamic = await post('company_group', { name: 'Big in Groupów', kind: 'dynamic', filter: rule });
    expect(dynamic).toMatchObject({ kind: 'dynamic', filter: rule });
    await env().api('PATCH', `/api/records/company/${small.id}`, {
      groups: [chosen.id],
      version: small.version,
    });

    expect(await ids('company', { field: 'groups', op: 'in', value: [dynamic.id] })).toEqual([big.id]);
    expect(await ids('company', { field: 'groups', op: 'in', value: [chosen.id] })).toEqual([small.id]);
    expect(await ids('company', { field: 'groups', op: 'in', value: [chosen.id, dynamic.id] })).toEqual([
      big.id,
      small.id,
    ]);
    const outside = await ids('company', { field: 'groups', op: 'notIn', value: [dynamic.id] });
    expect(outside).toContain(elsewhere.id);
    expect(outside).not.toContain(big.id);

    // Members follow the rule when records change, with nothing stored.
    const grown = await env().api('PATCH', `/api/records/company/${small.id}`, {
      employee_count: 60,
      version: small.version + 1,
    });
    expect(grown.statusCode, grown.body).toBe(200);
    expect(await ids('company', { field: 'groups', op: 'in', value: [dynamic.id] })).toEqual([
      big.id,
      small.id,
    ]);
    const count = await env().api('POST', '/api/records/company/count', {
      filter: { field: 'groups', op: 'in', value: [dynamic.id] },
    });
    expect(count.json()).toMatchObject({ count: 2 });
  });

  it('agrees with the in-memory evaluator of the group’s filter', async () => {
    const rule = {
      or: [
        { field: 'name', op: 'startsWith', value: 'Alfa' },
        { field: 'country', op: 'eq', value: 'HU' },
      ],
    };
    for (const [name, country] of [
      ['Alfa Sp. z o.o.', 'PL'],
      ['Béta Kft.', 'HU'],
      ['Gamma Ltd', 'GB'],
      ['alfa bis', null],
    ] as const) {
      await createCompany(env, { name, country });
    }
    const group = await post('company_group', { name: 'Rule', kind: 'dynamic', filter: rule });
    const all = (await env().api('POST', '/api/records/company/query', { limit: 500 })).json<ListBody>()
      .items;
    const lookup = env().services.registry.lookup;
    const expected = all
      .filter((record) =>
        evaluateFilter(resolveFilter(rule, 'company', lookup), record, {
          related: () => [],
          today: '2026-11-27',
          timeZone: 'Europe/Warsaw',
          nowIso: new Date().toISOString(),
        }),
      )
      .map((record) => record.id)
      .sort((a, b) => a - b);
    expect(expected.length).toBeGreaterThan(1);
    expect(await ids('company', { field: 'groups', op: 'in', value: [group.id] })).toEqual(expected);
  });

  it('reaches a company group from people through the path company.groups', async () => {
    const company = await createCompany(env, { name: 'Ścieżka', city: 'Pathville' });
    const person = await post('person', { first_name: 'Jan', last_name: 'Path', company: company.id });
    const group = await post('company_group', {
      name: 'Pathville',
      kind: 'dynamic',
      filter: { field: 'city', op: 'eq', value: 'Pathville' },
    });
    expect(await ids('person', { field: 'company.groups', op: 'in', value: [group.id] })).toEqual([
      person.id,
    ]);
  });

  it('refuses hand-picked members in a dynamic group and a rule that names unknown fields', async () => {
    const company = await createCompany(env, { name: 'Ręczna' });
    const group = await post('company_group', {
      name: 'Auto',
      kind: 'dynamic',
      filter: { field: 'city', op: 'eq', value: 'X' },
    });
    const put = await env().api('PATCH', `/api/records/company/${company.id}`, {
      groups: [group.id],
      version: company.version,
    });
    expectError(put, 400, 'validation_failed', /filter/);
    const bulk = await env().api('POST', '/api/records/company/bulk', {
      selection: { filter: { field: 'id', op: 'eq', value: company.id } },
      action: { type: 'addToGroup', field: 'groups', groupId: group.id },
    });
    expectError(bulk, 400, 'validation_failed', /takes its members from its filter/);
    const bad = await env().api('POST', '/api/records/company_group', {
      name: 'Bad',
      kind: 'dynamic',
      filter: { field: 'nope', op: 'eq', value: 1 },
    });
    expectError(bad, 400, 'validation_failed', /filter/);
    const badKind = await env().api('POST', '/api/records/company_group', { name: 'Bad', kind: 'sometimes' });
    expectError(badKind, 400, 'validation_failed', /kind/);
  });
});
