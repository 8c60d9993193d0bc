import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createAs, createRole, type TestAccount } from '../../../../test/access-fixtures.ts';
import { buildWorld, type World } from '../../../../test/access-world.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { expectNothingWritten } from '../../../../test/record-fixtures.ts';

/**
 * The leaks a review found with a test role (row scope, one hidden field), each closed for
 * good: every refusal is a clear 4xx and nothing from outside the reader's rows or fields
 * reaches them by any route.
 */
describe.each(DIALECTS)('access leaks closed (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  let world: World;
  let seller: TestAccount;
  const companies = { mine: 0, theirs: 0, trashed: 0 };
  const people = { mine: 0, theirs: 0, ofTrashed: 0 };

  beforeAll(async () => {
    world = await buildWorld(env);
    const role = await createRole(
      env,
      [
        ...['read', 'create', 'update', 'delete'].map((right) => ({
          object: 'company',
          right,
          scope: 'own' as const,
        })),
        ...['read', 'update'].map((right) => ({ object: 'person', right, scope: 'own' as const })),
        { object: 'dictionary_value', right: 'read', scope: 'all' },
        { object: 'employee', right: 'read', scope: 'all' },
      ],
      [
        { object: 'company', field: 'notes', access: 'hidden' },
        { object: 'company', field: 'tax_id', access: 'hidden' },
        { object: 'company', field: 'employee_count', access: 'read' },
      ],
    );
    seller = await createAccount(env, [role], world.employees.me);
    const me = world.employees.me;
    const other = world.employees.outsider;
    companies.mine = await createAs(env, 'company', {
      name: 'Mine Łódź',
      city: 'Łódź',
      account_manager: me,
      notes: 'secret-plan',
      tax_id: '7251801126',
      employee_count: 5,
    });
    companies.theirs = await createAs(env, 'company', {
      name: 'Theirs Kraków',
      city: 'Kraków',
      account_manager: other,
      notes: 'other-plan',
    });
    companies.trashed = await createAs(env, 'company', {
      name: 'Trashed Gdańsk',
      city: 'Gdańsk',
      account_manager: other,
    });
    people.mine = await createAs(env, 'person', {
      first_name: 'Ala',
      last_name: 'Mine',
      company: companies.mine,
    });
    people.theirs = await createAs(env, 'person', {
      first_name: 'Ola',
      last_name: 'Theirs',
      company: companies.theirs,
    });
    people.ofTrashed = await createAs(env, 'person', {
      first_name: 'Ela',
      last_name: 'Trashed',
      company: companies.trashed,
    });
    expect((await env().api('DELETE', `/api/records/company/${companies.trashed}`)).statusCode).toBe(204);
  }, 60_000);

  const as = (method: string, url: string, body?: unknown) => env().api(method, url, body, seller.session);
  const ids = (response: { json: <T>() => T }) =>
    response
      .json<{ items: Array<{ id: number }> }>()
      .items.map((r) => r.id)
      .sort((a, b) => a - b);

  it('refuses a filter or sort on a hidden field with 400 instead of answering as an oracle', async () => {
    const onHidden = { field: 'notes', op: 'contains', value: 'secret' };
    expectError(
      await as('POST', '/api/records/company/query', { filter: onHidden }),
      400,
      'bad_request',
      /notes/,
    );
    expectError(
      await as('POST', '/api/records/company/count', { filter: onHidden }),
      400,
      'bad_request',
      /notes/,
    );
    expectError(await as('GET', '/api/records/company?sort=-tax_id'), 400, 'bad_request', /tax_id/);
    const exported = await as('POST', '/api/records/company/export', {
      format: 'csv',
      fields: ['name'],
      filter: onHidden,
    });
    expect(exported.statusCode).toBe(403); // no export right at all
    const viaPath = { field: 'company.notes', op: 'contains', value: 'secret' };
    expectError(
      await as('POST', '/api/records/person/query', { filter: viaPath }),
      400,
      'bad_request',
      /company\.notes/,
    );
  });

  it('leaves hidden fields out of lists, records, metadata and history', async () => {
    const list = await as('GET', '/api/records/company');
    expect(list.statusCode, list.body).toBe(200);
    for (const item of list.json<{ items: Record<string, unknown>[] }>().items) {
      expect(item).not.toHaveProperty('notes');
      expect(item).not.toHaveProperty('tax_id');
    }
    const one = await as('GET', `/api/records/company/${companies.mine}`);
    expect(one.json()).not.toHaveProperty('notes');
    expect(one.json()).toMatchObject({ employee_count: 5, _can: { update: true, delete: true } });
    const meta = (await as('GET', '/api/metadata/objects/company')).json<{
      fields: Array<{ key: string; readOnly: boolean }>;
    }>();
    expect(meta.fields.map((f) => f.key)).not.toContain('notes');
    expect(meta.fields.find((f) => f.key === 'employee_count')?.readOnly).toBe(true);
    const history = await as('GET', `/api/records/company/${companies.mine}/history`);
    const fields = history.json<{ items: Array<{ field: string | null }> }>().items.map((h) => h.field);
    expect(fields).toContain('name');
    expect(fields).not.toContain('notes');
    expect(fields).not.toContain('tax_id');
  });

  it('refuses writes to hidden and read-only fields, writing nothing', async () => {
    const version = (await as('GET', `/api/records/company/${companies.mine}`)).json<{ version: number }>()
      .version;
    await expectNothingWritten(env, async () => {
      const hidden = await as('PATCH', `/api/records/company/${companies.mine}`, { notes: 'x', version });
      expect(expectError(hidden, 400, 'validation_failed').details).toMatchObject({
        fields: [{ field: 'notes', code: 'unknown_field' }],
      });
      const readOnly = await as('PATCH', `/api/records/company/${companies.mine}`, {
        employee_count: 9,
        version,
      });
      expect(expectError(readOnly, 400, 'validation_failed').details).toMatchObject({
        fields: [{ field: 'employee_count', code: 'read_only' }],
      });
      const created = await as('POST', '/api/records/company', {
        name: 'New',
        account_manager: world.employees.me,
        notes: 'x',
      });
      expectError(created, 400, 'validation_failed', /notes/);
    });
  });

  it('keeps global search within the row scope and off hidden fields, subtitles included', async () => {
    const search = async (q: string) =>
      (await as('GET', `/api/search?q=${encodeURIComponent(q)}`)).json<{
        items: Array<{ object: string; id: number; subtitle: string | null }>;
      }>().items;
    const krakow = await search('krakow');
    expect(krakow.filter((h) => h.object === 'company')).toEqual([]);
    expect(await search('7251801126')).toEqual([]); // the tax id is hidden from the seller
    const lodz = await search('lodz');
    expect(lodz.map((h) => h.id)).toContain(companies.mine);
    expect(lodz.find((h) => h.id === companies.mine)?.subtitle).toBe('Łódź');
    const admin = (await env().api('GET', '/api/search?q=lodz')).json<{
      items: Array<{ id: number; subtitle: string }>;
    }>();
    expect(admin.items.find((h) => h.id === companies.mine)?.subtitle).toBe('Łódź · 7251801126');
    const quick = await as('GET', '/api/records/company?q=7251801126');
    expect(ids(quick)).toEqual([]);
  });

  it('walks relation paths and expansions only into readable, live records', async () => {
    // The seller reads only their people; of those, who works for a company in Łódź?
    const byCity = await as('POST', '/api/records/person/query', {
      filter: { field: 'company.city', op: 'eq', value: 'Łódź' },
    });
    expect(ids(byCity)).toEqual([people.mine]);
    // As the administrator: the trashed company no longer matches through a path.
    const trashed = await env().api('POST', '/api/records/person/query', {
      filter: { field: 'company.city', op: 'eq', value: 'Gdańsk' },
    });
    expect(ids(trashed)).toEqual([]);
    const expanded = await env().api('GET', `/api/records/person/${people.ofTrashed}?expand=company`);
    expect(expanded.json<{ _expanded: { company: unknown } }>()._expanded.company).toBeNull();
    // created_by points at user accounts, which the seller may not read: an id, no title.
    const mine = await as('GET', `/api/records/company/${companies.mine}?expand=created_by,account_manager`);
    expect(mine.json<{ _expanded: Record<string, unknown> }>()._expanded).toMatchObject({
      created_by: null,
      account_manager: { id: world.employees.me },
    });
    expectError(
      await as('POST', '/api/records/person/query', {
        filter: { field: 'company.created_by.login', op: 'eq', value: 'admin' },
      }),
      400,
      'bad_request',
    );
  });

  it('answers records outside the scope as missing, by id, history and bulk selection', async () => {
    for (const url of [
      `/api/records/company/${companies.theirs}`,
      `/api/records/company/${companies.theirs}/history`,
    ]) {
      expectError(await as('GET', url), 404, 'not_found');
    }
    await expectNothingWritten(env, async () => {
      const version = 1;
      expectError(
        await as('PATCH', `/api/records/company/${companies.theirs}`, { name: 'Mine now', version }),
        404,
        'not_found',
      );
      expectError(await as('DELETE', `/api/records/company/${companies.theirs}`), 404, 'not_found');
      expectError(await as('POST', `/api/records/company/${companies.trashed}/restore`), 404, 'not_found');
      // No bulk right: refused before any row is selected, even with an empty filter.
      const bulk = await as('POST', '/api/records/company/bulk', {
        selection: { filter: {} },
        action: { type: 'delete' },
      });
      expect(bulk.statusCode).toBe(403);
    });
  });

  it('does not let a user change accounts, their own included', async () => {
    const own = (await env().api('GET', `/api/records/user_account/${seller.id}`)).json<{
      version: number;
    }>();
    await expectNothingWritten(env, async () => {
      expect(
        (await as('PATCH', `/api/records/user_account/${seller.id}`, { active: false, version: own.version }))
          .statusCode,
      ).toBe(403);
      expect((await as('POST', '/api/records/user_account', { login: 'sneaky' })).statusCode).toBe(403);
      expect((await as('PUT', `/api/access/accounts/${seller.id}/roles`, { roles: [1] })).statusCode).toBe(
        403,
      );
    });
    const created = await env().api('POST', '/api/records/user_account', { login: `plain-${dialect}` });
    expect(created.statusCode, created.body).toBe(201);
    const roles = (await env().api('GET', '/api/access/accounts')).json<{
      items: Array<{ id: number; roles: number[] }>;
    }>();
    expect(roles.items.find((a) => a.id === created.json<{ id: number }>().id)?.roles).toEqual([]);
  });

  it('offers shared views without hidden columns, and not at all when their filter needs a hidden field', async () => {
    const save = async (name: string, filter: unknown) => {
      const response = await env().api('POST', '/api/views', {
        object: 'company',
        name,
        shared: true,
        definition: {
          columns: ['name', 'tax_id', 'city'],
          filter,
          sort: [{ field: 'tax_id', direction: 'asc' }],
          colourRules: [],
        },
      });
      expect(response.statusCode, response.body).toBe(201);
    };
    await save('By city', { field: 'city', op: 'eq', value: 'Łódź' });
    await save('By notes', { field: 'notes', op: 'contains', value: 'plan' });
    const views = (await as('GET', '/api/views?object=company')).json<{
      items: Array<{ name: string; definition: { columns: string[]; sort: unknown[] } }>;
    }>().items;
    expect(views.map((v) => v.name)).toEqual(['By city']);
    expect(views[0]?.definition).toMatchObject({ columns: ['name', 'city'], sort: [] });
  });

  it('keeps bulk actions and exports inside the scope, even over an empty filter', async () => {
    const role = await createRole(
      env,
      ['read', 'update', 'delete', 'export', 'bulk'].map((right) => ({
        object: 'company',
        right,
        scope: 'own' as const,
      })),
    );
    const bulkSeller = await createAccount(env, [role], world.employees.me);
    const mine = (
      await env().api('POST', '/api/records/company/query', {
        filter: { field: 'account_manager', op: 'eq', value: world.employees.me },
        fields: ['id'],
        limit: 500,
      })
    )
      .json<{ items: Array<{ id: number }> }>()
      .items.map((c) => c.id);
    const theirsBefore = (await env().api('GET', `/api/records/company/${companies.theirs}`)).json<{
      version: number;
    }>();
    const bulk = await env().api(
      'POST',
      '/api/records/company/bulk',
      { selection: {}, action: { type: 'update', field: 'city', value: 'Bulk City' } },
      bulkSeller.session,
    );
    expect(bulk.statusCode, bulk.body).toBe(200);
    const emptyFilter = await env().api(
      'POST',
      '/api/records/company/bulk',
      { selection: { filter: {} }, action: { type: 'delete' } },
      bulkSeller.session,
    );
    expect(emptyFilter.statusCode).toBe(400);
    expect(bulk.json<{ count: number }>().count).toBe(mine.length);
    expect(
      (await env().api('GET', `/api/records/company/${companies.theirs}`)).json<{ version: number }>()
        .version,
    ).toBe(theirsBefore.version);
    const exported = await env().api(
      'POST',
      '/api/records/company/export',
      { format: 'csv', fields: ['id'] },
      bulkSeller.session,
    );
    expect(exported.statusCode, exported.body).toBe(200);
    const ids = exported.body
      .replace('\uFEFF', '')
      .trim()
      .split('\r\n')
      .slice(1)
      .map(Number)
      .sort((a, b) => a - b);
    expect(ids).toEqual([...mine].sort((a, b) => a - b));
    const log = (await env().api('GET', '/api/access/security-events?kind=export')).json<{
      items: Array<{ account: number }>;
    }>();
    expect(log.items[0]?.account).toBe(bulkSeller.id);
  });

  it('leaves hidden fields out of exports, CSV and XLSX read back', async () => {
    const role = await createRole(
      env,
      ['read', 'export'].map((right) => ({ object: 'company', right, scope: 'all' as const })),
      [
        { object: 'company', field: 'notes', access: 'hidden' },
        { object: 'company', field: 'tax_id', access: 'hidden' },
      ],
    );
    const exporter = await createAccount(env, [role], world.employees.colleague);
    const fields = (await env().api('GET', '/api/metadata/objects/company', undefined, exporter.session))
      .json<{ fields: Array<{ key: string; type: string }> }>()
      .fields.filter((f) => f.type !== 'multiRelation')
      .map((f) => f.key);
    expect(fields).not.toContain('notes');
    const asked = { fields: ['name', 'notes'], filter: { field: 'id', op: 'eq', value: companies.mine } };
    const refused = await env().api(
      'POST',
      '/api/records/company/export',
      { format: 'csv', ...asked },
      exporter.session,
    );
    expectError(refused, 400, 'bad_request', /notes/);
    const only = { fields, filter: { field: 'id', op: 'eq', value: companies.mine } };
    const csv = await env().api(
      'POST',
      '/api/records/company/export',
      { format: 'csv', ...only },
      exporter.session,
    );
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body).toContain('Mine Łódź');
    expect(csv.body).not.toMatch(/secret-plan|7251801126|Tax ID|Notes/);
    const xlsx = await env().api(
      'POST',
      '/api/records/company/export',
      { format: 'xlsx', ...only },
      exporter.session,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from(xlsx.rawPayload));
    const cells: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => {
      for (const value of row.values as unknown[])
        if (value !== null && value !== undefined) cells.push(String(value));
    });
    expect(cells).toContain('Mine Łódź');
    expect(cells.join('|')).not.toMatch(/secret-plan|7251801126|Tax ID|Notes/);
  });
});
