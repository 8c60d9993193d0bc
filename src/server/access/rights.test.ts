import { describe, expect, it } from 'vitest';
import { createAccount, createAs, createRole } from '../../../test/access-fixtures.ts';
import { DIALECTS } from '../../../test/databases.ts';
import { useTestEnv } from '../../../test/harness.ts';
import { type AccessRights, RightsCache } from './rights.ts';

/** What the rules read of an account's rights, comparable with toEqual. */
const summary = (rights: AccessRights | undefined) =>
  rights && {
    departmentId: rights.departmentId,
    workGroupIds: [...rights.workGroupIds].sort(),
    roles: rights.roles.map((role) => role.name),
    objects: [...rights.objects.keys()].sort(),
  };

describe.each(DIALECTS)('rights of many accounts at once (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('reads each account’s department, work groups and roles as it would one by one, and follows a change', async () => {
    const department = await createAs(env, 'department', { name: `Many ${dialect}` });
    const inDepartment = await createAs(env, 'employee', {
      first_name: 'Dora',
      last_name: 'Department',
      department,
    });
    const inGroup = await createAs(env, 'employee', { first_name: 'Greg', last_name: 'Group' });
    const companies = await createRole(env, [{ object: 'company', right: 'read', scope: 'department' }]);
    const people = await createRole(env, [{ object: 'person', right: 'read', scope: 'all' }]);
    const group = await createAs(env, 'work_group', { name: `Many ${dialect}`, members: [inGroup] });
    expect(
      (await env().api('PUT', `/api/access/work-groups/${group}/roles`, { roles: [people] })).statusCode,
    ).toBe(200);
    const accounts = [
      { accountId: (await createAccount(env, [companies], inDepartment)).id, employeeId: inDepartment },
      { accountId: (await createAccount(env, [companies], inGroup)).id, employeeId: inGroup },
      { accountId: (await createAccount(env, [people], null)).id, employeeId: null },
    ];
    const db = env().services.dialect.db;
    const many = await new RightsCache().rightsOfMany(db, accounts);
    const single = new RightsCache();
    for (const { accountId, employeeId } of accounts)
      expect(summary(many.get(accountId))).toEqual(
        summary(await single.rightsOf(env().services.dialect, accountId, employeeId)),
      );
    expect(summary(many.get(accounts[0]?.accountId ?? 0))?.departmentId).toBe(department);
    // The group's role reaches its member, on top of the account's own.
    expect(summary(many.get(accounts[1]?.accountId ?? 0))?.objects).toEqual(['company', 'person']);

    // Out of the group, the cached rights no longer hold: the membership is part of the key.
    const cache = new RightsCache();
    await cache.rightsOfMany(db, accounts);
    const version = (await env().api('GET', `/api/records/work_group/${group}`)).json<{ version: number }>()
      .version;
    expect(
      (await env().api('PATCH', `/api/records/work_group/${group}`, { members: [], version })).statusCode,
    ).toBe(200);
    const after = await cache.rightsOfMany(db, accounts);
    expect(summary(after.get(accounts[1]?.accountId ?? 0))?.objects).toEqual(['company']);
    expect(summary(after.get(accounts[1]?.accountId ?? 0))?.workGroupIds).toEqual([]);
  });
});
