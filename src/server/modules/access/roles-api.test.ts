import { generate } from 'otplib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createAs, createRole, type TestAccount } from '../../../../test/access-fixtures.ts';
import { buildWorld, type World } from '../../../../test/access-world.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { adminId, count } from '../../../../test/record-fixtures.ts';

interface Role {
  id: number;
  name: string;
  builtin: string | null;
  version: number;
  grants: Array<{ object: string; right: string; scope: string }>;
}

describe.each(DIALECTS)('roles, shares and view-as over HTTP (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  let world: World;
  let seller: TestAccount;
  let sellerRole: number;
  let theirs: number;

  beforeAll(async () => {
    world = await buildWorld(env);
    sellerRole = await createRole(env, [
      { object: 'company', right: 'read', scope: 'own' },
      { object: 'company', right: 'update', scope: 'own' },
    ]);
    seller = await createAccount(env, [sellerRole], world.employees.me);
    theirs = await createAs(env, 'company', { name: 'Theirs', account_manager: world.employees.outsider });
  }, 60_000);

  const roles = async () => (await env().api('GET', '/api/access/roles')).json<{ items: Role[] }>().items;

  it('refuses grants naming an unknown object, right, scope or field, naming it, and writes nothing', async () => {
    const before = await count(env, 'access_role');
    const cases: Array<[unknown, RegExp]> = [
      [{ grants: [{ object: 'spaceship', right: 'read', scope: 'all' }] }, /spaceship/],
      [{ grants: [{ object: 'company', right: 'launch', scope: 'all' }] }, /launch/],
      [{ grants: [{ object: 'company', right: 'read', scope: 'galaxy' }] }, /galaxy/],
      [{ grants: [{ object: 'company_group', right: 'read', scope: 'own' }] }, /no owner/],
      [{ grants: [], fields: [{ object: 'company', field: 'colour', access: 'hidden' }] }, /colour/],
      [{ grants: [], fields: [{ object: 'company', field: 'notes', access: 'invisible' }] }, /invisible/],
    ];
    for (const [body, message] of cases) {
      const response = await env().api('POST', '/api/access/roles', {
        name: 'Bad',
        fields: [],
        ...(body as object),
      });
      expectError(response, 400, 'bad_request', message);
    }
    expect(await count(env, 'access_role')).toBe(before);
  });

  it('grants nothing by default and applies a changed grant on the next request', async () => {
    const empty = await createRole(env, []);
    const nobody = await createAccount(env, [empty], world.employees.colleague);
    expect((await env().api('GET', '/api/records/company', undefined, nobody.session)).statusCode).toBe(403);
    const meta = await env().api('GET', '/api/metadata/objects', undefined, nobody.session);
    expect(meta.json<{ items: unknown[] }>().items).toEqual([]);

    const listed = async () =>
      (await env().api('GET', '/api/records/company', undefined, seller.session))
        .json<{ items: Array<{ id: number }> }>()
        .items.map((c) => c.id);
    expect(await listed()).not.toContain(theirs);
    const role = (await roles()).find((r) => r.id === sellerRole);
    if (!role) throw new Error('seller role missing');
    const widened = role.grants.map((g) => (g.right === 'read' ? { ...g, scope: 'all' } : g));
    const put = await env().api('PUT', `/api/access/roles/${sellerRole}`, {
      name: role.name,
      grants: widened,
      fields: [],
      version: role.version,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(await listed()).toContain(theirs);
    const stale = await env().api('PUT', `/api/access/roles/${sellerRole}`, {
      name: role.name,
      grants: role.grants,
      fields: [],
      version: role.version,
    });
    expectError(stale, 409, 'conflict');
    const back = await env().api('PUT', `/api/access/roles/${sellerRole}`, {
      name: role.name,
      grants: role.grants,
      fields: [],
      version: role.version + 1,
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(await listed()).not.toContain(theirs);
  });

  it('reports effective rights at /api/access/me', async () => {
    const me = (await env().api('GET', '/api/access/me', undefined, seller.session)).json<{
      administrator: boolean;
      objects: Record<string, { rights: Record<string, string> }>;
    }>();
    expect(me.administrator).toBe(false);
    expect(me.objects.company?.rights).toMatchObject({
      read: 'own',
      update: 'own',
      create: 'none',
      export: 'none',
    });
    expect(me.objects.person?.rights.read).toBe('none');
  });

  it('keeps the built-in administrator role and at least one active administrator', async () => {
    const builtin = (await roles()).find((r) => r.builtin === 'administrator');
    if (!builtin) throw new Error('no administrator role');
    expectError(
      await env().api('PUT', `/api/access/roles/${builtin.id}`, {
        name: 'x',
        grants: [],
        fields: [],
        version: builtin.version,
      }),
      409,
      'conflict',
    );
    expectError(await env().api('DELETE', `/api/access/roles/${builtin.id}`), 409, 'conflict');
    expectError(await env().api('DELETE', `/api/access/roles/${sellerRole}`), 409, 'role_in_use');
    const admin = await adminId(env);
    expectError(
      await env().api('PUT', `/api/access/accounts/${admin}/roles`, { roles: [] }),
      409,
      'last_administrator',
    );
    expectError(
      await env().api('POST', `/api/access/accounts/${admin}/deactivate`),
      409,
      'last_administrator',
    );
    const version = (await env().api('GET', `/api/records/user_account/${admin}`)).json<{ version: number }>()
      .version;
    expectError(
      await env().api('PATCH', `/api/records/user_account/${admin}`, { active: false, version }),
      409,
      'last_administrator',
    );
    expect((await env().api('GET', '/api/access/me')).json<{ administrator: boolean }>().administrator).toBe(
      true,
    );
    expect((await env().api('GET', '/api/access/roles', undefined, seller.session)).statusCode).toBe(403);
  });

  it('refuses a department cycle with 400 and writes nothing', async () => {
    const { root, north } = world.departments;
    const version = (await env().api('GET', `/api/records/department/${root}`)).json<{ version: number }>()
      .version;
    const before = await count(env, 'record_history');
    const cycle = await env().api('PATCH', `/api/records/department/${root}`, { parent: north, version });
    expect(expectError(cycle, 400, 'validation_failed').details).toMatchObject({
      fields: [{ field: 'parent', code: 'cycle' }],
    });
    expect(await count(env, 'record_history')).toBe(before);
  });

  it('shares one record with an account for reading, then for editing, and takes it back', async () => {
    const path = `/api/records/company/${theirs}`;
    expect((await env().api('GET', path, undefined, seller.session)).statusCode).toBe(404);
    expect(
      (await env().api('POST', `${path}/shares`, { account: seller.id, access: 'read' }, seller.session))
        .statusCode,
    ).toBe(404);
    const shared = await env().api('POST', `${path}/shares`, { account: seller.id, access: 'read' });
    expect(shared.statusCode, shared.body).toBe(201);
    const read = await env().api('GET', path, undefined, seller.session);
    expect(read.statusCode).toBe(200);
    expect(read.json<{ _can: { update: boolean } }>()._can.update).toBe(false);
    const version = read.json<{ version: number }>().version;
    expectError(
      await env().api('PATCH', path, { name: 'Edited', version }, seller.session),
      403,
      'forbidden',
    );
    const edit = await env().api('POST', `${path}/shares`, { account: seller.id, access: 'edit' });
    expect(edit.statusCode).toBe(201);
    expect((await env().api('PATCH', path, { name: 'Edited', version }, seller.session)).statusCode).toBe(
      200,
    );
    const listed = (await env().api('GET', `${path}/shares`)).json<{ items: Array<{ id: number }> }>().items;
    expect(listed).toHaveLength(2);
    for (const share of listed)
      expect((await env().api('DELETE', `${path}/shares/${share.id}`)).statusCode).toBe(204);
    expect((await env().api('GET', path, undefined, seller.session)).statusCode).toBe(404);
    expectError(
      await env().api('POST', `${path}/shares`, { account: seller.id, department: 1, access: 'read' }),
      400,
      'bad_request',
    );
  });

  it('lets an administrator view the application as another account, for reading only, and logs it', async () => {
    const viewAs = { 'x-kartoteka-view-as': String(seller.id) };
    const { admin } = env();
    const headers = { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, ...viewAs };
    const list = await env().app.inject({ method: 'GET', url: '/api/records/company', headers });
    expect(list.json<{ items: Array<{ id: number }> }>().items.map((c) => c.id)).not.toContain(theirs);
    // A list query and a count only read: allowed, answered as the viewed account.
    const query = await env().app.inject({
      method: 'POST',
      url: '/api/records/company/query',
      headers,
      payload: { filter: { field: 'name', op: 'eq', value: 'Theirs' } },
    });
    expect(query.statusCode, query.body).toBe(200);
    expect(query.json<{ items: unknown[] }>().items).toEqual([]);
    const write = await env().app.inject({
      method: 'POST',
      url: '/api/records/company',
      headers,
      payload: { name: 'X' },
    });
    expectError(write, 403, 'forbidden', /reading only/);
    const bySeller = await env().app.inject({
      method: 'GET',
      url: '/api/records/company',
      headers: { cookie: seller.session.cookie, 'x-kartoteka-view-as': String(await adminId(env)) },
    });
    expectError(bySeller, 403, 'forbidden');
    const log = (await env().api('GET', '/api/access/security-events?kind=view_as')).json<{
      items: Array<{ details: { viewedAccount: number } }>;
    }>();
    expect(log.items[0]?.details.viewedAccount).toBe(seller.id);
  });

  it('makes an account whose role requires two-factor login set it up before anything else', async () => {
    const role = await env().api('POST', '/api/access/roles', {
      name: `Two-factor ${dialect}`,
      requireTotp: true,
      grants: [{ object: 'company', right: 'read', scope: 'all' }],
      fields: [],
    });
    expect(role.statusCode, role.body).toBe(201);
    const account = await createAccount(env, [role.json<{ id: number }>().id], world.employees.colleague);
    const as = (method: string, url: string, body?: unknown) => env().api(method, url, body, account.session);
    expectError(await as('GET', '/api/records/company'), 403, 'totp_setup_required');
    const me = await as('GET', '/api/auth/me');
    expect(me.json<{ user: { totpSetupRequired: boolean } }>().user.totpSetupRequired).toBe(true);
    const setup = await as('POST', '/api/auth/totp/setup');
    expect(setup.statusCode, setup.body).toBe(200);
    const secret = setup.json<{ secret: string }>().secret;
    const enabled = await as('POST', '/api/auth/totp/enable', { code: await generate({ secret }) });
    expect(enabled.statusCode, enabled.body).toBe(200);
    expect((await as('GET', '/api/records/company')).statusCode).toBe(200);
  });

  it('lets an administrator require two-factor login of one account', async () => {
    const path = `/api/access/accounts/${seller.id}/require-totp`;
    expect((await env().api('PUT', path, { required: true })).statusCode).toBe(200);
    expectError(
      await env().api('GET', '/api/records/company', undefined, seller.session),
      403,
      'totp_setup_required',
    );
    const accounts = (await env().api('GET', '/api/access/accounts')).json<{
      items: Array<{ id: number; totpRequired: boolean }>;
    }>();
    expect(accounts.items.find((a) => a.id === seller.id)?.totpRequired).toBe(true);
    expect((await env().api('PUT', path, { required: false })).statusCode).toBe(200);
    expect((await env().api('GET', '/api/records/company', undefined, seller.session)).statusCode).toBe(200);
  });

  it('gives an account the roles of its employee’s work groups, and takes them with the membership', async () => {
    const readers = await createRole(env, [{ object: 'company', right: 'read', scope: 'all' }]);
    const plain = await createAccount(env, [], world.employees.sub);
    const list = async () =>
      (await env().api('GET', '/api/records/company', undefined, plain.session)).statusCode;
    expect(await list()).toBe(403);
    const group = await createAs(env, 'work_group', {
      name: `Readers ${dialect}`,
      members: [world.employees.sub],
    });
    expect(
      (await env().api('PUT', `/api/access/work-groups/${group}/roles`, { roles: [readers] })).statusCode,
    ).toBe(200);
    expect(await list()).toBe(200);
    const version = (await env().api('GET', `/api/records/work_group/${group}`)).json<{ version: number }>()
      .version;
    expect(
      (await env().api('PATCH', `/api/records/work_group/${group}`, { members: [], version })).statusCode,
    ).toBe(200);
    expect(await list()).toBe(403);
  });

  it('reads every work group of a session’s employee on each request: the roles of the second of two count, and go with it', async () => {
    const readers = await createRole(env, [{ object: 'company', right: 'read', scope: 'all' }]);
    const plain = await createAccount(env, [], world.employees.sub);
    const list = async () =>
      (await env().api('GET', '/api/records/company', undefined, plain.session)).statusCode;
    const first = await createAs(env, 'work_group', {
      name: `First of two ${dialect}`,
      members: [world.employees.sub],
    });
    const second = await createAs(env, 'work_group', {
      name: `Second of two ${dialect}`,
      members: [world.employees.sub],
    });
    expect(await list()).toBe(403);
    expect(
      (await env().api('PUT', `/api/access/work-groups/${second}/roles`, { roles: [readers] })).statusCode,
    ).toBe(200);
    expect(await list()).toBe(200);
    const version = (await env().api('GET', `/api/records/work_group/${second}`)).json<{ version: number }>()
      .version;
    expect(
      (await env().api('PATCH', `/api/records/work_group/${second}`, { members: [], version })).statusCode,
    ).toBe(200);
    // Still in the first group, which has no roles: the second's are gone on the next request.
    expect(await list()).toBe(403);
    expect(
      (await env().api('GET', `/api/records/work_group/${first}`)).json<{ members: number[] }>().members,
    ).toEqual([world.employees.sub]);
  });

  it('shares a record with a department and with a work group', async () => {
    const path = `/api/records/company/${theirs}`;
    const colleague = await createAccount(env, [sellerRole], world.employees.colleague);
    const sees = async () => (await env().api('GET', path, undefined, colleague.session)).statusCode;
    expect(await sees()).toBe(404);
    const byDepartment = await env().api('POST', `${path}/shares`, {
      department: world.departments.sales,
      access: 'read',
    });
    expect(byDepartment.statusCode, byDepartment.body).toBe(201);
    expect(await sees()).toBe(200);
    expect(
      (await env().api('DELETE', `${path}/shares/${byDepartment.json<{ id: number }>().id}`)).statusCode,
    ).toBe(204);
    expect(await sees()).toBe(404);
    const group = await createAs(env, 'work_group', {
      name: `Share ${dialect}`,
      members: [world.employees.colleague],
    });
    const byGroup = await env().api('POST', `${path}/shares`, { workGroup: group, access: 'read' });
    expect(byGroup.statusCode, byGroup.body).toBe(201);
    expect(await sees()).toBe(200);
    expect((await env().api('GET', path, undefined, seller.session)).statusCode).toBe(404);
  });
});
